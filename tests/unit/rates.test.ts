import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/lib/rates/decode.ts';
import { formatBytes, redirectTarget } from '../../src/lib/rates/fetch.ts';
import { checkNotAhead } from '../../src/lib/rates/gather.ts';
import { combinePublications, recordObservation } from '../../src/lib/rates/history.ts';
import { RatesError, type Publication } from '../../src/lib/rates/provider.ts';
import { cbr } from '../../src/lib/rates/providers/cbr.ts';
import { describeNetworkError } from '../../src/lib/rates/network.ts';
import { nbk } from '../../src/lib/rates/providers/nbk.ts';
import { ratesConfigSchema } from '../../src/schemas/rates-config.ts';
import type { Observation, RatesHistory } from '../../src/schemas/rates-history.ts';
import { CBR_ENTRIES, cbrXml, cbrXmlText, NBK_ITEMS, nbkRss } from '../fixtures/rates-payloads.ts';

const config = ratesConfigSchema.parse({
  currencies: ['KGS', 'KZT', 'TJS', 'UZS', 'TMT'].map((code) => ({
    code,
    providers: ['cbr', 'nbk'],
  })),
});

describe('cbr.parse', () => {
  const publication = cbr.parse({ bytes: cbrXml('13.02.2026') }, 'USD');
  it('reads the date', () => expect(publication.date).toBe('2026-02-13'));
  it.each([
    ['KGS', 0.01144],
    ['KZT', 0.00196],
    ['TJS', 0.10626],
    ['UZS', 0.0000787],
    ['TMT', 0.28571],
    ['USD', 1],
    ['RUB', 1 / 80],
  ])(
    'gives %s in USD as VunitRate(X)/VunitRate(USD), nominal and comma decimals included',
    (code, value) => {
      expect(publication.values[code]).toBeCloseTo(value, 9);
    },
  );
  it('falls back to Value/Nominal when VunitRate is absent', () => {
    const text = cbrXmlText('13.02.2026').replace(/<VunitRate>[^<]*<\/VunitRate>/g, '');
    expect(
      cbr.parse({ bytes: Buffer.from(text.replace('windows-1251', 'utf-8')) }, 'USD').values.UZS,
    ).toBeCloseTo(0.0000787, 12);
  });
});

describe.each([
  {
    name: 'truncated XML',
    bytes: cbrXml('13.02.2026').subarray(0, 300),
    error: /malformed or truncated XML/,
  },
  {
    name: 'UTF-8 bytes declared as windows-1251',
    bytes: Buffer.from(cbrXmlText('13.02.2026'), 'utf8'),
    error: /wrong encoding/,
  },
  {
    name: 'a missing base currency',
    bytes: cbrXml('13.02.2026', CBR_ENTRIES.slice(1)),
    error: /base currency USD is missing/,
  },
  {
    name: 'a zero rate',
    bytes: cbrXml('13.02.2026', [
      ...CBR_ENTRIES.slice(0, 5),
      { code: 'TMT', nominal: 1, value: '0,0000', name: 'x' },
    ]),
    error: /TMT.*positive/,
  },
  {
    name: 'a rate that is not a number',
    bytes: cbrXml('13.02.2026', [
      ...CBR_ENTRIES.slice(0, 5),
      { code: 'TMT', nominal: 1, value: 'n/a', name: 'x' },
    ]),
    error: /TMT.*decimal/,
  },
  { name: 'a bad date', bytes: cbrXml('31.02.2026'), error: /not a calendar date/ },
  {
    name: 'another document',
    bytes: Buffer.from('<?xml version="1.0"?><html></html>'),
    error: /expected a <ValCurs> document/,
  },
  {
    name: 'a currency listed twice',
    bytes: cbrXml('13.02.2026', [...CBR_ENTRIES, CBR_ENTRIES[2]!]),
    error: /cbr: KZT appears more than once in one publication/,
  },
])('cbr.parse refuses $name', ({ bytes, error }) => {
  it('with a RatesError', () => {
    expect(() => cbr.parse({ bytes }, 'USD')).toThrow(RatesError);
    expect(() => cbr.parse({ bytes }, 'USD')).toThrow(error);
  });
});

describe('nbk.parse', () => {
  const publication = nbk.parse({ bytes: nbkRss('13.02.2026', NBK_ITEMS) }, 'USD');
  it.each([
    ['KGS', 5.83 / 510],
    ['UZS', 4.01 / 100 / 510],
    ['KZT', 1 / 510],
  ])('gives %s in USD from tenge per quant', (code, value) =>
    expect(publication.values[code]).toBeCloseTo(value, 12),
  );
  it('reads the date', () => expect(publication.date).toBe('2026-02-13'));
  it('refuses a currency listed twice, whichever value comes first', () => {
    expect(() =>
      nbk.parse(
        { bytes: nbkRss('13.02.2026', [...NBK_ITEMS, { code: 'KGS', kzt: '9.99', quant: 1 }]) },
        'USD',
      ),
    ).toThrow(/nbk: KGS appears more than once in one publication/);
  });
  it('refuses invalid UTF-8', () => {
    expect(() => nbk.parse({ bytes: Buffer.from([0x3c, 0x72, 0xff, 0xfe]) }, 'USD')).toThrow(
      /wrong encoding/,
    );
  });
});

describe('provider URLs', () => {
  it.each([
    [
      cbr,
      'https://www.cbr.ru/scripts/XML_daily.asp',
      '2026-02-13',
      'https://www.cbr.ru/scripts/XML_daily.asp?date_req=13%2F02%2F2026',
    ],
    [
      cbr,
      'http://127.0.0.1:9/x?a=1',
      '2026-02-13',
      'http://127.0.0.1:9/x?a=1&date_req=13%2F02%2F2026',
    ],
    [
      nbk,
      'https://nationalbank.kz/rss/rates_all.xml',
      '2026-02-13',
      'https://nationalbank.kz/rss/get_rates.cfm?fdate=13.02.2026',
    ],
    [nbk, 'http://127.0.0.1:9/nbk', undefined, 'http://127.0.0.1:9/nbk'],
  ])('%s.urlFor(%s, %s)', (provider, url, date, expected) =>
    expect(provider.urlFor(url, date)).toBe(expected),
  );
});

const pub = (
  provider: 'cbr' | 'nbk',
  date: string,
  values: Record<string, number>,
): Publication => ({ provider, date, values });
const all = (v: number) => ({ KGS: v, KZT: v, TJS: v, UZS: v, TMT: v });

describe('combinePublications', () => {
  it('takes each currency from its first provider that has it', () => {
    const observation = combinePublications(
      config,
      new Map<string, Publication | Error>([
        ['cbr', pub('cbr', '2026-02-13', { KGS: 1, KZT: 2, TJS: 3, UZS: 4 })],
        ['nbk', pub('nbk', '2026-02-13', { TMT: 5, KGS: 9 })],
      ]),
    );
    expect(observation.values).toEqual({ KGS: 1, KZT: 2, TJS: 3, UZS: 4, TMT: 5 });
    expect(observation.sources.TMT).toBe('nbk');
  });
  it('falls back when the first provider failed', () => {
    const observation = combinePublications(
      config,
      new Map<string, Publication | Error>([
        ['cbr', new RatesError('HTTP 500')],
        ['nbk', pub('nbk', '2026-02-13', all(1))],
      ]),
    );
    expect(Object.values(observation.sources)).toEqual(['nbk', 'nbk', 'nbk', 'nbk', 'nbk']);
  });
  it('names every missing currency and why each provider failed', () => {
    expect(() =>
      combinePublications(
        config,
        new Map<string, Publication | Error>([
          ['cbr', pub('cbr', '2026-02-13', { KGS: 1, KZT: 1, TJS: 1, UZS: 1 })],
          ['nbk', new RatesError('timed out')],
        ]),
      ),
    ).toThrow(
      'missing currency: TMT (cbr: no TMT in its publication; nbk: failed)\nnbk: timed out',
    );
  });
  it('reports each failed provider once, not once per currency, when none answered', () => {
    const failed = new Map<string, Error>([
      ['cbr', new RatesError('http://x/: network failure: could not connect to x')],
      ['nbk', new RatesError('nbk: bad')],
    ]);
    expect(() => combinePublications(config, failed)).toThrow(
      new RatesError(
        'every provider failed:\ncbr: http://x/: network failure: could not connect to x\nnbk: bad',
      ),
    );
  });
});

const observation = (date: string, values: Record<string, number>): Observation => ({
  date,
  values,
  sources: {},
});
const friday: RatesHistory = {
  base: 'USD',
  observations: [observation('2026-02-12', { ...all(1), KGS: 0.0114412345 })],
};

describe('recordObservation', () => {
  it('computes change against the previous publication, across a weekend, from unrounded values', () => {
    const monday = observation('2026-02-16', { ...all(1.0025), KGS: 0.0114412345 * 0.998 });
    const { rates, history } = recordObservation(friday, monday, config);
    expect(rates.asOf).toBe('2026-02-16');
    expect(rates.rates.find((r) => r.code === 'KGS')).toEqual({
      code: 'KGS',
      value: 0.0114184,
      change: -0.2,
    });
    expect(rates.rates.find((r) => r.code === 'KZT')!.change).toBe(0.25);
    expect(history.observations.map((o) => o.date)).toEqual(['2026-02-12', '2026-02-16']);
  });
  it('shows no change for the first publication', () => {
    const { rates } = recordObservation(
      { base: 'USD', observations: [] },
      observation('2026-02-12', all(2)),
      config,
    );
    expect(rates.rates.map((r) => r.change)).toEqual([0, 0, 0, 0, 0]);
  });
  it('replaces an already recorded day, so a second run changes nothing', () => {
    const first = recordObservation(
      friday,
      observation('2026-02-13', { ...all(1.01), KGS: 0.0114412345 }),
      config,
    );
    const second = recordObservation(
      first.history,
      observation('2026-02-13', { ...all(1.01), KGS: 0.0114412345 }),
      config,
    );
    expect(second).toEqual(first);
    expect(second.rates.rates[1]!.change).toBe(1);
  });
  it.each([
    [
      'an older date',
      observation('2026-02-11', all(1)),
      undefined,
      /2026-02-11 is older than 2026-02-12/,
    ],
    [
      'a date older than rates.json',
      observation('2026-02-13', all(1)),
      '2026-02-14',
      /older than 2026-02-14/,
    ],
    [
      'a jump beyond 20%',
      observation('2026-02-13', { ...all(1), UZS: 1.25 }),
      undefined,
      /UZS 1 → 1.25 \(25\.0%\)/,
    ],
    [
      'a fall beyond 20%',
      observation('2026-02-13', { ...all(1), TJS: 0.7 }),
      undefined,
      /TJS .*-30\.0%/,
    ],
    [
      'a non-finite value',
      observation('2026-02-13', { ...all(1), KGS: Number.POSITIVE_INFINITY }),
      undefined,
      /invalid value: KGS = Infinity/,
    ],
    [
      'a zero value',
      observation('2026-02-13', { ...all(1), KGS: 0 }),
      undefined,
      /invalid value: KGS = 0/,
    ],
  ])('refuses %s', (_, next, storedAsOf, message) => {
    expect(() => recordObservation(friday, next, config, storedAsOf)).toThrow(message);
  });
});

describe('decodeXml', () => {
  it('decodes windows-1251 as declared', () =>
    expect(decodeXml({ bytes: cbrXml('13.02.2026') }, 'cbr')).toContain('Доллар США'));
  it('uses the Content-Type charset when the prolog names none', () => {
    expect(
      decodeXml(
        {
          bytes: Buffer.from([0x3c, 0x61, 0x3e, 0xc4, 0x3c, 0x2f, 0x61, 0x3e]),
          contentType: 'text/xml; charset=windows-1251',
        },
        'x',
      ),
    ).toBe('<a>Д</a>');
  });
});

describe('redirectTarget', () => {
  const https = new URL('https://bank.example/rates');
  const http = new URL('http://127.0.0.1:8080/rates');
  it.each([
    [
      'a relative path on the same host',
      https,
      https,
      '/daily?x=1',
      'https://bank.example/daily?x=1',
    ],
    [
      'http up to https on the same host',
      new URL('http://bank.example/r'),
      new URL('http://bank.example/r'),
      'https://bank.example/r',
      'https://bank.example/r',
    ],
    [
      'the configured http scheme',
      http,
      http,
      'http://127.0.0.1:8080/other',
      'http://127.0.0.1:8080/other',
    ],
  ])('follows %s', (_, configured, current, location, expected) =>
    expect(redirectTarget(configured, current, location).href).toBe(expected),
  );
  it.each([
    [
      'https down to http',
      https,
      https,
      'http://bank.example/rates',
      /from https to http \(a downgrade\)/,
    ],
    [
      'back down to http after an upgrade',
      http,
      new URL('https://127.0.0.1:8080/r'),
      'http://127.0.0.1:8080/r',
      /a downgrade/,
    ],
    ['another host', https, https, 'https://evil.example/rates', /another host \(evil\.example\)/],
    [
      'another port',
      http,
      http,
      'http://127.0.0.1:9090/rates',
      /another host \(127\.0\.0\.1:9090\)/,
    ],
    ['a file: address', http, http, 'file:///etc/passwd', /the file scheme/],
    ['no Location', https, https, null, /without a Location/],
  ])('refuses %s', (_, configured, current, location, message) => {
    expect(() => redirectTarget(configured, current, location)).toThrow(message);
  });
});

describe('formatBytes', () => {
  it.each([
    [5_000_000, '5 MB'],
    [1000, '1000 bytes'],
    [5_242_880, '5242880 bytes'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('checkNotAhead', () => {
  it('accepts today and tomorrow', () => {
    expect(() =>
      checkNotAhead(pub('cbr', '2026-02-16', {}), '2026-02-16', 'Asia/Almaty'),
    ).not.toThrow();
    expect(() =>
      checkNotAhead(pub('cbr', '2026-02-17', {}), '2026-02-16', 'Asia/Almaty'),
    ).not.toThrow();
  });
  it('refuses the day after tomorrow, across a month end', () => {
    expect(() => checkNotAhead(pub('nbk', '2026-03-02', {}), '2026-02-28', 'Asia/Almaty')).toThrow(
      'nbk: publication dated 2026-03-02 is more than 1 day after today (2026-02-28 in Asia/Almaty)',
    );
  });
});

describe('describeNetworkError', () => {
  const url = new URL('https://bank.example:8443/rates');
  const failed = (cause: unknown) => new TypeError('fetch failed', { cause });
  const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
  it.each([
    [
      failed(coded('ECONNREFUSED')),
      'network failure: could not connect to bank.example:8443 (connection refused)',
    ],
    [
      failed(coded('ENETUNREACH')),
      'network failure: could not connect to bank.example:8443 (network unreachable)',
    ],
    [
      failed(coded('ENOTFOUND')),
      'network failure: could not resolve bank.example (ENOTFOUND; network unreachable or no such host)',
    ],
    [
      failed(new AggregateError([coded('ECONNREFUSED')])),
      'network failure: could not connect to bank.example:8443 (connection refused)',
    ],
    [
      failed(coded('CERT_HAS_EXPIRED', 'certificate has expired')),
      'TLS failure with bank.example:8443: certificate has expired',
    ],
  ])('%#: %s', (error, text) => expect(describeNetworkError(error, url)).toBe(text));
});
