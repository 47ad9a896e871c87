import { describe, expect, it } from 'vitest';
import {
  excerptParts,
  filterOptions,
  isActive,
  mergeShardResults,
  readSearchState,
  resultExcerpt,
  resultWindow,
  searchFilters,
  searchHref,
  searchShardPath,
  periodShards,
  type FilterCounts,
  type SearchState,
} from '../../src/lib/search.ts';

const state = (over: Partial<SearchState> = {}): SearchState => ({
  q: '',
  section: '',
  author: '',
  tag: '',
  year: '',
  sort: 'relevance',
  page: 1,
  ...over,
});

describe.each([
  { query: '', expected: state() },
  {
    query: '?q=+tenge+&tag=CSTO&year=2025&sort=newest&page=3',
    expected: state({ q: 'tenge', tag: 'CSTO', year: '2025', sort: 'newest', page: 3 }),
  },
  { query: '?q=a&year=20x5&sort=oldest&page=-2', expected: state({ q: 'a' }) },
  { query: '?page=1.5&year=2025', expected: state({ year: '2025' }) },
  {
    query: '?q=gas&section=+Economy+&author=Dana+Seitkali',
    expected: state({ q: 'gas', section: 'Economy', author: 'Dana Seitkali' }),
  },
  { query: '?section=&author=++', expected: state() },
  { query: `?q=${encodeURIComponent('<b>"x"</b>')}`, expected: state({ q: '<b>"x"</b>' }) },
])('readSearchState($query)', ({ query, expected }) => {
  it('reads what is valid and defaults the rest', () =>
    expect(readSearchState(new URLSearchParams(query))).toEqual(expected));
});

describe.each([
  { given: state(), expected: '/search/' },
  { given: state({ q: 'tenge rally' }), expected: '/search/?q=tenge+rally' },
  {
    given: state({ q: 'ОДКБ', tag: 'Central Asia', year: '2024', sort: 'newest', page: 2 }),
    expected: '/search/?q=%D0%9E%D0%94%D0%9A%D0%91&tag=Central+Asia&year=2024&sort=newest&page=2',
  },
  {
    given: state({ q: 'gas', section: 'Economy', author: 'Dana Seitkali' }),
    expected: '/search/?q=gas&section=Economy&author=Dana+Seitkali',
  },
  {
    given: state({ section: 'Politics & Power', author: 'Ä. O’Neil', tag: 'CSTO', page: 3 }),
    expected: '/search/?section=Politics+%26+Power&author=%C3%84.+O%E2%80%99Neil&tag=CSTO&page=3',
  },
])('searchHref($given.q, page $given.page)', ({ given, expected }) => {
  it(`is ${expected}`, () => expect(searchHref(given)).toBe(expected));
  it('round-trips through readSearchState', () =>
    expect(readSearchState(new URL(expected, 'http://x').searchParams)).toEqual(given));
});

describe.each([
  { given: state(), active: false, filters: {} },
  { given: state({ q: 'x' }), active: true, filters: {} },
  {
    given: state({ tag: 'CSTO', year: '2025' }),
    active: true,
    filters: { tag: 'CSTO', year: '2025' },
  },
  { given: state({ section: 'Economy' }), active: true, filters: { section: 'Economy' } },
  { given: state({ author: 'Dana Seitkali' }), active: true, filters: { author: 'Dana Seitkali' } },
  {
    given: state({ q: 'gas', section: 'Economy', author: 'Dana Seitkali', year: '2026' }),
    active: true,
    filters: { section: 'Economy', author: 'Dana Seitkali', year: '2026' },
  },
])(
  'a state with q=$given.q section=$given.section author=$given.author tag=$given.tag year=$given.year',
  ({ given, active, filters }) => {
    it(`is ${active ? '' : 'not '}active`, () => expect(isActive(given)).toBe(active));
    it('has its filters', () => expect(searchFilters(given)).toEqual(filters));
  },
);

describe.each([
  {
    name: 'plain text',
    excerpt: 'no match here',
    expected: [{ text: 'no match here', mark: false }],
  },
  {
    name: 'marks in the middle and at the end',
    excerpt: 'The <mark>tenge</mark> rose; <mark>Tenge</mark>',
    expected: [
      { text: 'The ', mark: false },
      { text: 'tenge', mark: true },
      { text: ' rose; ', mark: false },
      { text: 'Tenge', mark: true },
    ],
  },
  {
    name: 'escaped markup stays text',
    excerpt: '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>&lt;b&gt;</mark>',
    expected: [
      { text: '<script>alert("x")</script> & ', mark: false },
      { text: '<b>', mark: true },
    ],
  },
])('excerptParts: $name', ({ excerpt, expected }) => {
  it('splits into text runs', () => expect(excerptParts(excerpt)).toEqual(expected));
});

describe.each([
  {
    total: 14,
    requested: 1,
    expected: { number: 1, pages: 3, start: 0, first: 1, last: 6, total: 14 },
  },
  {
    total: 14,
    requested: 3,
    expected: { number: 3, pages: 3, start: 12, first: 13, last: 14, total: 14 },
  },
  {
    total: 14,
    requested: 9,
    expected: { number: 3, pages: 3, start: 12, first: 13, last: 14, total: 14 },
  },
  {
    total: 0,
    requested: 2,
    expected: { number: 1, pages: 1, start: 0, first: 0, last: 0, total: 0 },
  },
])('resultWindow($total results, page $requested)', ({ total, requested, expected }) => {
  it('is clamped to the pages there are', () =>
    expect(resultWindow(total, 6, requested)).toEqual(expected));
});

// Items newest first, each `year:n`; shards as `name: n n …`.
const dated = (...items: string[]) =>
  items.map((item) => ({ year: Number(item.split(':')[0]), n: Number(item.split(':')[1]) }));
describe.each([
  {
    items: dated('2026:9', '2026:8', '2025:7', '2025:6', '2025:5'),
    size: 10,
    expected: ['2026-1: 9 8', '2025-1: 7 6 5'],
  },
  {
    // A year past the size: runs counted from its oldest, the newest run the short one.
    items: dated('2026:9', '2025:8', '2025:7', '2025:6', '2025:5', '2025:4'),
    size: 2,
    expected: ['2026-1: 9', '2025-3: 8', '2025-2: 7 6', '2025-1: 5 4'],
  },
  { items: dated('2024:1'), size: 1, expected: ['2024-1: 1'] },
  { items: dated(), size: 5, expected: ['empty: '] },
])('periodShards($items.length items, $size)', ({ items, size, expected }) => {
  it('shards by year, newest first, each year counted from its oldest', () =>
    expect(
      periodShards(items, size).map(
        (shard) => `${shard.name}: ${shard.items.map((item) => item.n).join(' ')}`,
      ),
    ).toEqual(expected));
});

describe('periodShards, as stories arrive', () => {
  it("changes only the current year's newest shard", () => {
    const year = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ year: 2025, n: count - i }));
    const before = periodShards([...year(25)], 10);
    const after = periodShards([{ year: 2026, n: 1 }, ...year(25)], 10);
    const key = (shards: typeof before) =>
      new Map(shards.map((shard) => [shard.name, JSON.stringify(shard.items)]));
    const changed = [...key(after)].filter(([name, items]) => key(before).get(name) !== items);
    expect(changed.map(([name]) => name)).toEqual(['2026-1']);
    const grown = periodShards([{ year: 2025, n: 26 }, ...year(25)], 10);
    expect(
      [...key(grown)].filter(([name, items]) => key(before).get(name) !== items).map(([n]) => n),
    ).toEqual(['2025-3']);
  });
});

describe.each([0, -1, 2.5, Number.NaN])('periodShards with a size of %s', (size) => {
  it('refuses it', () =>
    expect(() => periodShards([{ year: 2025 }], size)).toThrow(/at least one article/));
});

describe.each([
  { name: '2026-1', prefix: '', path: '/pagefind/2026-1/' },
  { name: '2025-3', prefix: '/ru', path: '/ru/pagefind/2025-3/' },
])('searchShardPath($name, $prefix)', ({ name, prefix, path }) => {
  it(`is ${path}`, () => expect(searchShardPath(name, prefix)).toBe(path));
});

const hit = (id: string, score: number) => ({ id, score });
describe.each([
  {
    name: 'by date, shards follow one another whatever the scores',
    perShard: [[hit('new-a', 0.1), hit('new-b', 0.9)], [hit('old-a', 5)]],
    byDate: true,
    expected: ['new-a', 'new-b', 'old-a'],
  },
  {
    name: 'by relevance, the best score first across shards',
    perShard: [
      [hit('new-a', 0.5), hit('new-b', 0.1)],
      [hit('old-a', 0.9), hit('old-b', 0.3)],
    ],
    byDate: false,
    expected: ['old-a', 'new-a', 'old-b', 'new-b'],
  },
  {
    name: 'by relevance, equal scores keep shard order (newer first)',
    perShard: [[hit('new-a', 1)], [hit('old-a', 1)]],
    byDate: false,
    expected: ['new-a', 'old-a'],
  },
  {
    name: 'empty shards add nothing',
    perShard: [[], [hit('old-a', 1)], []],
    byDate: false,
    expected: ['old-a'],
  },
])('mergeShardResults: $name', ({ perShard, byDate, expected }) => {
  it('orders the results as one index would', () =>
    expect(mergeShardResults(perShard, byDate).map((result) => result.id)).toEqual(expected));
});

describe.each<{
  name: string;
  perShard: FilterCounts[];
  filter: string;
  expected: { value: string; count: number }[];
}>([
  {
    name: 'one shard: its values, sorted by name',
    perShard: [{ section: { Politics: 3, Economy: 5 }, tag: { Alpha: 2 } }],
    filter: 'section',
    expected: [
      { value: 'Economy', count: 5 },
      { value: 'Politics', count: 3 },
    ],
  },
  {
    name: 'several shards: every value once, its pages counted across them',
    perShard: [
      { author: { 'Dana Seitkali': 2, 'Aibek Nurlanov': 1 } },
      { author: { 'Dana Seitkali': 4 }, section: { Economy: 1 } },
      { author: { Ünal: 1 } },
    ],
    filter: 'author',
    expected: [
      { value: 'Aibek Nurlanov', count: 1 },
      { value: 'Dana Seitkali', count: 6 },
      { value: 'Ünal', count: 1 },
    ],
  },
  {
    name: 'a filter no shard has, and empty values or counts, give nothing',
    perShard: [{ tag: { Alpha: 1 } }, { author: { '': 3, Nobody: 0 } }],
    filter: 'author',
    expected: [],
  },
])('filterOptions: $name', ({ perShard, filter, expected }) => {
  it('lists the choices', () => expect(filterOptions(perShard, filter)).toEqual(expected));
});

describe('resultExcerpt', () => {
  const content = 'Gas prices rose in Almaty. Traders blamed the winter. The ministry disagreed.';
  const read = (parts: ReturnType<typeof resultExcerpt>) =>
    parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');

  it.each([
    [
      'a cut on both sides',
      'rose in <mark>Almaty</mark>. Traders',
      'Title',
      '… rose in [Almaty]. Traders …',
    ],
    ['the start of the text', 'Gas prices <mark>rose</mark>', 'Title', 'Gas prices [rose] …'],
    [
      'the end of the text',
      'The ministry <mark>disagreed</mark>.',
      'Title',
      '… The ministry [disagreed].',
    ],
    [
      'the headline it repeats, dropped even where a match is marked in it',
      '<mark>Winter</mark> gas. Gas prices <mark>rose</mark>',
      'Winter gas',
      'Gas prices [rose] …',
    ],
    [
      'the headline it repeats, dropped',
      'Winter gas. Gas prices <mark>rose</mark>',
      'Winter gas',
      'Gas prices [rose] …',
    ],
  ])('%s', (_, excerpt, title, expected) => {
    const text = title === 'Winter gas' ? `Winter gas ${content}` : content;
    expect(read(resultExcerpt(excerpt, title, text))).toBe(expected);
  });
});
