import { describe, expect, it } from 'vitest';
import { HOSTS, hostWarnings, measureOutput, type OutputStats } from '../../src/lib/hosts.ts';
import {
  MIN_PATTERN_REDIRECTS,
  redirectRules,
  redirectsFileOf,
} from '../../src/lib/redirect-rules.ts';

const MiB = 2 ** 20;
const fits: OutputStats = {
  bytes: 500 * MiB,
  files: 15_000,
  largestFile: { path: '/a.json', bytes: MiB },
  largestFolder: { path: '/api/tags', entries: 900 },
  staticRedirects: 10,
  dynamicRedirects: 1,
};

describe.each([
  { host: 'github-pages', stats: fits, warned: [] },
  {
    host: 'github-pages',
    stats: { ...fits, bytes: 1.2e9 },
    warned: [/GitHub Pages: the site is 1144\.4 MiB, over the 953\.7 MiB a site may be/],
  },
  {
    host: 'cloudflare-pages',
    stats: { ...fits, files: 90_000, largestFile: { path: '/api/tags/x.json', bytes: 30 * MiB } },
    warned: [
      /Cloudflare Pages: the site has 90,000 files, over the 20,000/,
      /\/api\/tags\/x\.json is 30\.0 MiB, over the 25\.0 MiB a file may be/,
    ],
  },
  {
    host: 'cloudflare-pages',
    stats: { ...fits, staticRedirects: 2_500, dynamicRedirects: 120 },
    warned: [/2,500 plain rules, over the 2,000/, /120 pattern rules, over the 100/],
  },
  {
    host: 'netlify',
    stats: { ...fits, largestFolder: { path: '/articles', entries: 60_000 } },
    warned: [/Netlify: \/articles holds 60,000 entries, over the 54,000/],
  },
  { host: 's3', stats: { ...fits, bytes: 9e12, files: 10 ** 7 }, warned: [] },
] as const)('hostWarnings($host)', ({ host, stats, warned }) => {
  it(`gives ${warned.length} warning(s), each with its figures`, () => {
    const warnings = hostWarnings(HOSTS[host], stats);
    expect(warnings).toHaveLength(warned.length);
    warned.forEach((pattern, i) => expect(warnings[i]).toMatch(pattern));
  });
});

describe('measureOutput', () => {
  it('sums the bytes, and finds the largest file and the fullest folder', () => {
    expect(
      measureOutput([
        { path: 'index.html', bytes: 10 },
        { path: 'api/a.json', bytes: 30 },
        { path: 'api/b.json', bytes: 5 },
        { path: 'api/c/d.json', bytes: 1 },
      ]),
    ).toEqual({
      bytes: 46,
      files: 4,
      largestFile: { path: '/api/a.json', bytes: 30 },
      largestFolder: { path: '/api', entries: 3 },
    });
  });
});

// Old WordPress addresses of `count` posts, each leading to the article of the same slug.
const dated = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    from: `/2019/0${(i % 9) + 1}/1${i % 10}/post-${i}/`,
    to: `/articles/post-${i}/`,
  }));

describe('redirectRules', () => {
  it('says many redirects that share a shape in one pattern rule', () => {
    const rules = redirectRules(dated(50), ['/', '/articles/post-1/']);
    expect(rules.patterns).toEqual(['/:n1/:n2/:n3/:slug/ /articles/:slug/']);
    expect(rules.listed).toEqual([]);
    expect(rules.pages).toEqual([]);
  });

  it('keeps plain lines when too few share a shape', () => {
    const rules = redirectRules(dated(MIN_PATTERN_REDIRECTS - 1), []);
    expect(rules.patterns).toEqual([]);
    expect(rules.listed).toHaveLength(MIN_PATTERN_REDIRECTS - 1);
  });

  it('never writes a pattern that a page of the site would match: it writes out the year', () => {
    // `/ru/tags/odkb/2/` has four segments too: a host would send it away.
    const rules = redirectRules(dated(50), ['/ru/tags/odkb/2/']);
    expect(rules.patterns).toEqual(['/2019/:n2/:n3/:slug/ /articles/:slug/']);
    expect(rules.listed).toEqual([]);
  });

  it('gives a page to an old path white space would split, and writes lines percent-encoded', () => {
    const rules = redirectRules(
      [
        { from: '/ /articles/x/ 301! x.html', to: '/articles/x/' },
        { from: '/a\u00a0b/', to: '/articles/x/' },
        { from: '/café/', to: '/articles/café-story/' },
      ],
      [],
    );
    expect(rules.pages.map(({ from }) => from)).toEqual([
      '/ /articles/x/ 301! x.html',
      '/a\u00a0b/',
    ]);
    expect(redirectsFileOf(rules, false)).toBe('/caf%C3%A9/ /articles/caf%C3%A9-story/ 301\n');
  });

  it('never writes a pattern another redirect would match', () => {
    const rules = redirectRules(
      [...dated(50), { from: '/2019/01/01/elsewhere/', to: '/sections/politics/' }],
      [],
    );
    expect(rules.patterns).toEqual([]);
  });

  it("numbers a site's old page addresses into one rule", () => {
    const retired = Array.from({ length: 40 }, (_, i) => ({
      from: `/page/${i + 2}/`,
      to: '/latest/',
    }));
    expect(redirectRules(retired, ['/latest/']).patterns).toEqual(['/page/:n1/ /latest/']);
  });

  it('gives a page to what passes the limit of plain lines, and to old paths a host would read as a pattern', () => {
    const odd = [
      { from: '/:admin/', to: '/articles/a/' },
      { from: '/files/*/', to: '/articles/b/' },
    ];
    const plain = Array.from({ length: 5 }, (_, i) => ({
      from: `/old-${i}/`,
      to: `/articles/new-${i}/`,
    }));
    const rules = redirectRules([...odd, ...plain], [], { maxLines: 3 });
    expect(rules.listed).toEqual(plain.slice(0, 3));
    expect(rules.pages).toEqual([...odd, ...plain.slice(3)]);
  });

  it('keeps the patterns that stand for the most within the limit of pattern rules', () => {
    const retired = Array.from({ length: 12 }, (_, i) => ({
      from: `/page/${i + 2}/`,
      to: '/latest/',
    }));
    const rules = redirectRules([...retired, ...dated(30)], [], { maxPatterns: 1 });
    expect(rules.patterns).toEqual(['/:n1/:n2/:n3/:slug/ /articles/:slug/']);
    expect(rules.listed).toEqual(retired);
  });
});
