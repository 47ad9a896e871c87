import { en } from '../../src/i18n/en.ts';
import { describe, expect, it } from 'vitest';
import {
  pageParam,
  pagerWindow,
  pageUrl,
  paginate,
  resultsCounter,
  type PageScheme,
} from '../../src/lib/pagination.ts';

const tags: PageScheme = { base: '/tags/csto/', segment: '' };
const home: PageScheme = { base: '/', segment: 'page/' };
const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe.each([
  { total: 0, pages: 1, counters: ['No results'] },
  { total: 1, pages: 1, counters: ['Viewing results 1 - 1 of 1'] },
  { total: 5, pages: 1, counters: ['Viewing results 1 - 5 of 5'] },
  { total: 6, pages: 1, counters: ['Viewing results 1 - 6 of 6'] },
  { total: 7, pages: 2, counters: ['Viewing results 1 - 6 of 7', 'Viewing results 7 - 7 of 7'] },
  {
    total: 12,
    pages: 2,
    counters: ['Viewing results 1 - 6 of 12', 'Viewing results 7 - 12 of 12'],
  },
  {
    total: 14,
    pages: 3,
    counters: [
      'Viewing results 1 - 6 of 14',
      'Viewing results 7 - 12 of 14',
      'Viewing results 13 - 14 of 14',
    ],
  },
  {
    total: 18,
    pages: 3,
    counters: [
      'Viewing results 1 - 6 of 18',
      'Viewing results 7 - 12 of 18',
      'Viewing results 13 - 18 of 18',
    ],
  },
])('paginate $total items by 6', ({ total, pages, counters }) => {
  const result = paginate(items(total), 6, tags);
  it(`has ${pages} page(s), none empty unless the list is`, () => {
    expect(result).toHaveLength(pages);
    if (total > 0) for (const page of result) expect(page.items.length).toBeGreaterThan(0);
  });
  it('counts first - last of total on every page', () =>
    expect(result.map((page) => resultsCounter(page, en.counter))).toEqual(counters));
  it('keeps every item exactly once, in order', () =>
    expect(result.flatMap((page) => page.items)).toEqual(items(total)));
  it('links prev and next only where they exist', () => {
    expect(result[0]!.prevUrl).toBeUndefined();
    expect(result.at(-1)!.nextUrl).toBeUndefined();
    result.slice(1).forEach((page, i) => expect(page.prevUrl).toBe(result[i]!.url));
  });
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
