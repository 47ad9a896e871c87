import { en } from '../../src/i18n/en.ts';
import { describe, expect, it } from 'vitest';
import {
  pageParam,
  pagerWindow,
  pageUrl,
  pageCount,
  paginate,
  resultsCounter,
  type PageScheme,
} from '../../src/lib/pagination.ts';

const tags: PageScheme = { base: '/tags/csto/', segment: '' };
const home: PageScheme = { base: '/', segment: 'page/' };
const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

// Items are numbered 1 (the newest) to `total` (the oldest). Pages in reading order: the first,
// then the older ones, whose numbers count from the oldest (2 is the oldest).
describe.each([
  { total: 0, pages: [[1, []]], counter: 'No results' },
  { total: 1, pages: [[1, [1]]], counter: 'Viewing results 1 - 1 of 1' },
  { total: 6, pages: [[1, [1, 2, 3, 4, 5, 6]]], counter: 'Viewing results 1 - 6 of 6' },
  {
    total: 7,
    pages: [
      [1, [1, 2, 3, 4, 5, 6]],
      [2, [7]],
    ],
    counter: 'Viewing results 1 - 6 of 7',
  },
  {
    total: 14,
    pages: [
      [1, [1, 2, 3, 4, 5, 6]],
      [3, [7, 8]],
      [2, [9, 10, 11, 12, 13, 14]],
    ],
    counter: 'Viewing results 1 - 6 of 14',
  },
  {
    total: 18,
    pages: [
      [1, [1, 2, 3, 4, 5, 6]],
      [3, [7, 8, 9, 10, 11, 12]],
      [2, [13, 14, 15, 16, 17, 18]],
    ],
    counter: 'Viewing results 1 - 6 of 18',
  },
  {
    total: 26,
    pages: [
      [1, [1, 2, 3, 4, 5, 6]],
      [5, [7, 8]],
      [4, [9, 10, 11, 12, 13, 14]],
      [3, [15, 16, 17, 18, 19, 20]],
      [2, [21, 22, 23, 24, 25, 26]],
    ],
    counter: 'Viewing results 1 - 6 of 26',
  },
] as const)('paginate $total items by 6', ({ total, pages, counter }) => {
  const result = paginate(items(total), 6, tags);
  it('fills the first page with the newest, the others counted from the oldest', () =>
    expect(result.map((page) => [page.number, page.items])).toEqual(pages));
  it('counts first - last of total on the first page only', () => {
    expect(resultsCounter(result[0]!.counter!, en.counter)).toBe(counter);
    for (const page of result.slice(1)) expect(page.counter).toBeUndefined();
  });
  it('links each page to the newer and older ones, the newest and the oldest', () => {
    result.forEach((page, i) => {
      expect(page.url).toBe(pageUrl(tags, page.number));
      expect(page.newerUrl).toBe(result[i - 1]?.url);
      expect(page.olderUrl).toBe(result[i + 1]?.url);
      expect(page.newestUrl).toBe(i > 1 ? '/tags/csto/' : undefined);
      expect(page.oldestUrl).toBe(i < result.length - 2 ? result.at(-1)!.url : undefined);
    });
  });
});

describe('paginate with a first page of 6 and older pages of 20', () => {
  const sizes = { first: 6, older: 20 };
  it.each([
    [6, [[1, 6]]],
    [
      7,
      [
        [1, 6],
        [2, 1],
      ],
    ],
    [
      26,
      [
        [1, 6],
        [2, 20],
      ],
    ],
    [
      27,
      [
        [1, 6],
        [3, 1],
        [2, 20],
      ],
    ],
    [
      50,
      [
        [1, 6],
        [4, 4],
        [3, 20],
        [2, 20],
      ],
    ],
  ])('%i items fill pages %j', (total, pages) => {
    const result = paginate(items(total), sizes, tags);
    expect(result.map((page) => [page.number, page.items.length])).toEqual(pages);
    expect(result.flatMap((page) => page.items)).toEqual(items(total));
    expect(pageCount(total, sizes)).toBe(pages.length);
  });
});

describe('paginate, as new items arrive', () => {
  const older = (total: number) =>
    new Map(
      paginate(items(total).reverse(), 6, tags)
        .slice(1)
        .map((page) => [page.url, JSON.stringify(page)] as const),
    );
  it.each([1, 5, 6, 7, 13])(
    'changes only the newest of the older pages when %i items arrive',
    (arrived) => {
      // Items numbered by arrival: the newest has the highest number.
      const before = older(100);
      const after = older(100 + arrived);
      const changed = [...after].filter(([url, page]) => before.get(url) !== page);
      expect(changed.length).toBeLessThanOrEqual(Math.ceil(arrived / 6) + 1);
      expect([...before].filter(([url]) => !after.has(url))).toEqual([]);
    },
  );
});

describe.each([
  { scheme: tags, n: 1, url: '/tags/csto/', param: undefined },
  { scheme: tags, n: 2, url: '/tags/csto/2/', param: '2' },
  { scheme: home, n: 1, url: '/', param: undefined },
  { scheme: home, n: 3, url: '/page/3/', param: 'page/3' },
  {
    scheme: { base: '/archive/2025/', segment: 'page/' } as PageScheme,
    n: 10,
    url: '/archive/2025/page/10/',
    param: 'page/10',
  },
])('page $n of $scheme.base', ({ scheme, n, url, param }) => {
  it(`is at ${url}`, () => {
    expect(pageUrl(scheme, n)).toBe(url);
    expect(pageParam(scheme, n)).toBe(param);
  });
});

describe('paginate', () => {
  it.each([0, -1, 1.5])('rejects a page size of %s', (size) => {
    expect(() => paginate([1], size, tags)).toThrow(RangeError);
  });
});

describe.each([
  { current: 1, pages: 1, window: [1] },
  { current: 1, pages: 3, window: [1, 2, 3] },
  { current: 1, pages: 10, window: [1, 2, 3, null, 10] },
  { current: 5, pages: 10, window: [1, 2, 3, 4, 5, 6, 7, null, 10] },
  { current: 10, pages: 10, window: [1, null, 8, 9, 10] },
  { current: 4, pages: 7, window: [1, 2, 3, 4, 5, 6, 7] },
])('pagerWindow($current of $pages)', ({ current, pages, window }) => {
  it('shows first, last, neighbours and gaps', () =>
    expect(pagerWindow(current, pages)).toEqual(window));
});
