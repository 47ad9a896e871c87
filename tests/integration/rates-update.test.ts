import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CBR_ENTRIES,
  cbrXml,
  cbrXmlText,
  NBK_ITEMS,
  nbkRss,
  scaled,
} from '../fixtures/rates-payloads.ts';
import { runScript, tempDir, treeDigest, writeFiles } from '../helpers/site.ts';
import { serve } from '../helpers/server.ts';

const friday = '13.02.2026';
const monday = '16.02.2026';
let server: Awaited<ReturnType<typeof serve>>;
let content: string;

beforeAll(async () => {
  server = await serve({
    '/cbr/friday': { body: cbrXml(friday) },
    '/cbr/monday': { body: cbrXml(monday, scaled('KGS', 1.004)) },
    '/cbr/thursday': { body: cbrXml('12.02.2026') },
    '/cbr/500': { status: 500, body: 'Internal Server Error' },
    '/cbr/hang': { hang: true },
    '/cbr/truncated': { truncate: cbrXml(monday), sent: 400 },
    '/cbr/truncated-xml': { body: cbrXml(monday).subarray(0, 500) },
    '/cbr/no-tmt': {
      body: cbrXml(
        monday,
        CBR_ENTRIES.filter((e) => e.code !== 'TMT'),
      ),
    },
    '/cbr/absurd': { body: cbrXml(monday, scaled('UZS', 10)) },
    '/cbr/zero': {
      body: cbrXml(
        monday,
        CBR_ENTRIES.map((e) => (e.code === 'KGS' ? { ...e, value: '0,0000' } : e)),
      ),
    },
    '/cbr/utf8': { body: Buffer.from(cbrXmlText(monday), 'utf8') },
    '/nbk/monday': {
      body: nbkRss(monday, NBK_ITEMS),
      contentType: 'application/rss+xml; charset=utf-8',
    },
  });
});
afterAll(() => server.close());

/** Monday 16 February 2026, noon in Almaty: the update's "today". */
const MONDAY_NOON = String(Date.UTC(2026, 1, 16, 7) / 1000);

/** Runs the update on the content folder with the given provider addresses. */
function update(cbrPath: string, extra: string[] = [], nbkPath = '/nbk/missing') {
  return runScript(
    'scripts/update-rates.ts',
    ['--content', content, '--timeout-ms', '400', '--retries', '1', ...extra],
    {
      KHABAR_RATES_URL_CBR: `${server.url}${cbrPath}`,
      KHABAR_RATES_URL_NBK: `${server.url}${nbkPath}`,
      SOURCE_DATE_EPOCH: MONDAY_NOON,
    },
  );
}

const readJson = async (path: string) => JSON.parse(await readFile(join(content, path), 'utf8'));

beforeEach(async () => {
  content = join(await tempDir('rates'), 'content');
  await cp(join(import.meta.dirname, '../../content/rates'), join(content, 'rates'), {
    recursive: true,
    filter: (src) => !src.endsWith('history.json'),
  });
  await writeFiles(content, {
    'rates.json': `${JSON.stringify({ asOf: '2026-02-12', base: 'USD', rates: [{ code: 'KGS', value: 0.0114, change: 0 }] })}\n`,
  });
  const first = await update('/cbr/friday');
  if (first.code !== 0) throw new Error(first.stderr);
});

describe('rates:update', () => {
  it('writes rates.json in the ticker format and records the publication in the history', async () => {
    const rates = await readJson('rates.json');
    expect(rates).toEqual({
      asOf: '2026-02-13',
      base: 'USD',
      rates: [
        { code: 'KGS', value: 0.01144, change: 0 },
        { code: 'KZT', value: 0.00196, change: 0 },
        { code: 'TJS', value: 0.10626, change: 0 },
        { code: 'UZS', value: 0.0000787, change: 0 },
        { code: 'TMT', value: 0.28571, change: 0 },
      ],
    });
    const history = await readJson('rates/history.json');
    expect(history.observations.map((o: { date: string }) => o.date)).toEqual(['2026-02-13']);
    expect(history.observations[0].sources.KGS).toBe('cbr');
  });

  it('computes change against Friday on Monday, skipping the weekend', async () => {
    const result = await update('/cbr/monday');
    expect(result.code).toBe(0);
    const rates = await readJson('rates.json');
    expect(rates.asOf).toBe('2026-02-16');
    expect(rates.rates[0]).toEqual({ code: 'KGS', value: 0.0114857, change: 0.4 });
    expect(rates.rates[1].change).toBe(0);
  });

  it('is idempotent on a day already recorded', async () => {
    const before = await treeDigest(content);
    const result = await update('/cbr/friday');
    expect(result.code).toBe(0);
    expect(await treeDigest(content)).toEqual(before);
  });

  it('prints the new file with --dry-run and writes nothing', async () => {
    const before = await treeDigest(content);
    const result = await update('/cbr/monday', ['--dry-run']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).asOf).toBe('2026-02-16');
    expect(await treeDigest(content)).toEqual(before);
  });

  it('falls back to the next provider when the first fails', async () => {
    const result = await update('/cbr/500', [], '/nbk/monday');
    expect(result.code, result.stderr).toBe(0);
    const history = await readJson('rates/history.json');
    expect(history.observations.at(-1).sources).toEqual({
      KGS: 'nbk',
      KZT: 'nbk',
      TJS: 'nbk',
      UZS: 'nbk',
      TMT: 'nbk',
    });
    expect((await readJson('rates.json')).rates[0].value).toBe(0.0114314);
  });

  it.each([
    ['an HTTP error', '/cbr/500', /HTTP 500/],
    ['a hung connection', '/cbr/hang', /timed out after 400 ms/],
    ['a connection cut mid-body', '/cbr/truncated', /connection broke off|malformed or truncated/],
    ['truncated XML', '/cbr/truncated-xml', /malformed or truncated XML/],
    [
      'a missing currency',
      '/cbr/no-tmt',
      /missing currency: TMT \(cbr: no TMT in its publication; nbk: failed\)\nnbk: .*HTTP 404/,
    ],
    ['an absurd value', '/cbr/absurd', /implausible day-on-day change beyond 20%: UZS/],
    ['a zero value', '/cbr/zero', /KGS VunitRate: expected a positive/],
    ['an older publication date', '/cbr/thursday', /2026-02-12 is older than 2026-02-13/],
    ['the wrong encoding', '/cbr/utf8', /wrong encoding/],
  ])(
    'refuses %s, exits non-zero and leaves both files byte-identical',
    async (_, path, message) => {
      const before = await treeDigest(content);
      const result = await update(path);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/Nothing was written/);
      expect(await treeDigest(content)).toEqual(before);
    },
  );

  it('retries a failing request before giving up', async () => {
    const hitsBefore = server.hits.get('/cbr/500') ?? 0;
    await update('/cbr/500', ['--retries', '2']);
    expect((server.hits.get('/cbr/500') ?? 0) - hitsBefore).toBe(3);
  });
});
