import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { zonedTime } from '../../src/lib/dates.ts';
import { SITE } from '../../src/site.config.ts';
import { CBR_ENTRIES, cbrXml, NBK_ITEMS, nbkRss } from '../fixtures/rates-payloads.ts';
import {
  body,
  endless,
  hang,
  headersOnly,
  redirect,
  selfSignedCertificate,
  serveDual,
  type Stream,
  type Tls,
} from '../helpers/rates-server.ts';
import { freePort } from '../helpers/server.ts';
import { runScript, tempDir, treeDigest, writeFiles, type BuildResult } from '../helpers/site.ts';

const epoch = (date: Date) => String(Math.floor(date.getTime() / 1000));
/** Monday 16 February 2026, noon in the site's time zone: the update's "today". */
const MONDAY_NOON = epoch(zonedTime({ year: 2026, month: 2, day: 16, hour: 12 }, SITE.timeZone));
const stream: Stream = { bytes: 0, closed: false };
const STREAM_LIMIT = 200_000_000;

let tls: Tls;
let server: Awaited<ReturnType<typeof serveDual>>;
let closedPort: number;
let content: string;

beforeAll(async () => {
  tls = await selfSignedCertificate(await tempDir('rates-tls'));
  server = await serveDual(
    {
      '/cbr/friday': body(cbrXml('13.02.2026')),
      '/cbr/tuesday': body(cbrXml('17.02.2026')),
      '/cbr/wednesday': body(cbrXml('18.02.2026')),
      '/cbr/duplicate': body(
        cbrXml('16.02.2026', [...CBR_ENTRIES, { ...CBR_ENTRIES[1]!, value: '9,9999' }]),
      ),
      '/cbr/hang': hang,
      '/cbr/endless': endless(Buffer.alloc(64 * 1024, '<!-- padding -->'), STREAM_LIMIT, stream),
      '/cbr/declared-large': headersOnly({ 'content-length': '6000000' }),
      '/target/monday': body(cbrXml('16.02.2026')),
      '/hop/up': redirect(301, (host) => `https://${host}/target/monday`),
      '/hop/down': redirect(302, (host) => `http://${host}/target/monday`),
      '/hop/elsewhere': redirect(
        302,
        (host) => `http://localhost:${host.split(':')[1]}/target/monday`,
      ),
      '/hop/loop': redirect(307, () => '/hop/loop'),
      '/nbk/monday': body(nbkRss('16.02.2026', NBK_ITEMS), 'application/rss+xml; charset=utf-8'),
    },
    tls,
  );
  closedPort = await freePort();
});
afterAll(() => server.close());

/** Runs the update with `cbr` (and `nbk`) as the providers' addresses. */
function update(
  cbr: string,
  { nbk = `${server.http}/nbk/missing`, args = [] as string[], now = MONDAY_NOON } = {},
): Promise<BuildResult> {
  return runScript(
    'scripts/update-rates.ts',
    ['--content', content, '--timeout-ms', '5000', '--retries', '1', ...args],
    {
      KHABAR_RATES_URL_CBR: cbr,
      KHABAR_RATES_URL_NBK: nbk,
      SOURCE_DATE_EPOCH: now,
      NODE_EXTRA_CA_CERTS: tls.certFile,
    },
  );
}

const readJson = async (path: string) => JSON.parse(await readFile(join(content, path), 'utf8'));

/** Expects a refusal matching `message` with both files byte-identical to `before`. */
async function expectRefused(
  result: BuildResult,
  message: RegExp,
  before: Record<string, string>,
): Promise<void> {
  expect(result.code, result.stdout).not.toBe(0);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/Nothing was written/);
  expect(await treeDigest(content)).toEqual(before);
}

beforeEach(async () => {
  content = join(await tempDir('rates-defences'), 'content');
  await cp(join(import.meta.dirname, '../../content/rates'), join(content, 'rates'), {
    recursive: true,
    filter: (src) => !src.endsWith('history.json'),
  });
  await writeFiles(content, {
    'rates.json': `${JSON.stringify({ asOf: '2026-02-12', base: 'USD', rates: [{ code: 'KGS', value: 0.0114, change: 0 }] })}\n`,
  });
  const first = await update(`${server.http}/cbr/friday`);
  if (first.code !== 0) throw new Error(first.stderr);
});

describe('rates:update: publication date', () => {
  it('refuses a publication dated more than a day after today', async () => {
    const before = await treeDigest(content);
    const result = await update(`${server.http}/cbr/wednesday`);
    await expectRefused(
      result,
      new RegExp(
        `cbr: publication dated 2026-02-18 is more than 1 day after today \\(2026-02-16 in ${SITE.timeZone}\\)`,
      ),
      before,
    );
  });

  it('accepts a publication dated tomorrow, as banks publish the next day’s rate in the afternoon', async () => {
    const result = await update(`${server.http}/cbr/tuesday`);
    expect(result.code, result.stderr).toBe(0);
    expect((await readJson('rates.json')).asOf).toBe('2026-02-17');
  });

  it('counts today in the site’s time zone', async () => {
    const earlyTuesday = epoch(
      zonedTime({ year: 2026, month: 2, day: 17, hour: 0, minute: 30 }, SITE.timeZone),
    );
    const result = await update(`${server.http}/cbr/wednesday`, { now: earlyTuesday });
    expect(result.code, result.stderr).toBe(0);
    expect((await readJson('rates.json')).asOf).toBe('2026-02-18');
  });
});

describe('rates:update: redirects', () => {
  it('follows a redirect on the same host from http up to https', async () => {
    const result = await update(`${server.http}/hop/up`);
    expect(result.code, result.stderr).toBe(0);
    expect((await readJson('rates.json')).asOf).toBe('2026-02-16');
  });

  it.each([
    [
      'from https down to http',
      'https',
      '/hop/down',
      /refused redirect from https to http \(a downgrade\)/,
    ],
    [
      'to another host',
      'http',
      '/hop/elsewhere',
      /refused redirect to another host \(localhost:\d+\)/,
    ],
    ['in a loop', 'http', '/hop/loop', /more than 5 redirects/],
  ])('refuses a redirect %s without requesting its target', async (_, scheme, path, message) => {
    const before = await treeDigest(content);
    const targetHits = server.hits.get('/target/monday') ?? 0;
    await expectRefused(
      await update(`${scheme === 'https' ? server.https : server.http}${path}`),
      message,
      before,
    );
    expect(server.hits.get('/target/monday') ?? 0).toBe(targetHits);
  });
});

describe('rates:update: response size', () => {
  it('stops reading a body as soon as it passes the 5 MB default limit, and names the limit', async () => {
    const before = await treeDigest(content);
    await expectRefused(
      await update(`${server.http}/cbr/endless`),
      /cbr\/endless: response is larger than the limit of 5 MB \(maxResponseBytes\)/,
      before,
    );
    await vi.waitFor(() => expect(stream.closed).toBe(true), { timeout: 30_000, interval: 50 });
    // Kernel and client buffers hold a few megabytes more; reading the whole stream would be 200 MB.
    expect(stream.bytes).toBeLessThan(50_000_000);
  });

  it('refuses a declared Content-Length over the limit without waiting for the body', async () => {
    const before = await treeDigest(content);
    const result = await update(`${server.http}/cbr/declared-large`, {
      args: ['--timeout-ms', '60000'],
    });
    await expectRefused(result, /response is larger than the limit of 5 MB/, before);
    expect(result.stderr).not.toMatch(/timed out/);
  });

  it('takes the limit from maxResponseBytes in content/rates/config.json', async () => {
    const configPath = join(content, 'rates', 'config.json');
    await writeFile(
      configPath,
      JSON.stringify({ ...JSON.parse(await readFile(configPath, 'utf8')), maxResponseBytes: 1000 }),
    );
    const before = await treeDigest(content);
    await expectRefused(
      await update(`${server.http}/target/monday`),
      /response is larger than the limit of 1000 bytes \(maxResponseBytes\)/,
      before,
    );
  });
});

describe('rates:update: payloads and providers', () => {
  it('refuses a currency listed twice in one publication', async () => {
    const before = await treeDigest(content);
    await expectRefused(
      await update(`${server.http}/cbr/duplicate`),
      /cbr: KGS appears more than once in one publication/,
      before,
    );
  });

  it('gives each provider its own share of the deadline, so a hung first choice leaves time for the fallback', async () => {
    const started = Date.now();
    const result = await update(`${server.http}/cbr/hang`, {
      nbk: `${server.http}/nbk/monday`,
      args: ['--timeout-ms', '60000', '--retries', '3', '--deadline-ms', '4000'],
    });
    expect(result.code, result.stderr).toBe(0);
    expect((await readJson('rates/history.json')).observations.at(-1).sources).toEqual({
      KGS: 'nbk',
      KZT: 'nbk',
      TJS: 'nbk',
      UZS: 'nbk',
      TMT: 'nbk',
    });
    // The deadline plus the start-up of a Node process, with room for a slow machine.
    expect(Date.now() - started).toBeLessThan(4000 + 10_000);
  });

  it('reports a refused connection once, as a network failure naming the host', async () => {
    const before = await treeDigest(content);
    const result = await update(`http://127.0.0.1:${closedPort}/cbr`);
    await expectRefused(
      result,
      new RegExp(
        `cbr: .*network failure: could not connect to 127\\.0\\.0\\.1:${closedPort} \\(connection refused\\)`,
      ),
      before,
    );
    expect(result.stderr.match(/could not connect/g)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/missing currency/);
  });
});
