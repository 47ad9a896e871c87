import { describe, expect, it } from 'vitest';
import {
  apiArticleListPages,
  apiTag,
  articleJsonPath,
  articleListPath,
  jsonForScript,
  jsonResponse,
} from '../../src/lib/api.ts';
import type { ArticleSummary } from '../../src/lib/catalog.ts';
import { feedItem } from '../../src/lib/feeds.ts';
import { collectTags } from '../../src/lib/tags.ts';
import { apiArticleListSchema } from '../../src/schemas/api.ts';

const origin = 'https://news.example';
const ROOT = { prefix: '' };
const articles = (n: number): ArticleSummary[] =>
  Array.from({ length: n }, (_, i) => ({
    slug: `a${i}`,
    id: `a${i}`,
    lang: 'en',
    path: `/articles/a${i}/`,
    title: `A ${i}`,
    date: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000),
    tags: ['CSTO'],
    excerpt: 'x',
  }));
const tags = collectTags([['CSTO']]);

// An article's JSON is filed under its month in the site's time zone: no folder holds more than a
// month's stories.
describe.each([
  {
    date: '2026-11-27T10:00:00Z',
    zone: 'Asia/Almaty',
    prefix: '',
    path: '/api/articles/2026/11/x.json',
  },
  {
    date: '2026-11-30T20:00:00Z',
    zone: 'Asia/Almaty',
    prefix: '',
    path: '/api/articles/2026/12/x.json',
  },
  {
    date: '2026-11-30T20:00:00Z',
    zone: 'UTC',
    prefix: '/ru',
    path: '/ru/api/articles/2026/11/x.json',
  },
  {
    date: '2027-01-01T00:00:00Z',
    zone: 'America/New_York',
    prefix: '',
    path: '/api/articles/2026/12/x.json',
  },
])('articleJsonPath($date in $zone)', ({ date, zone, prefix, path }) => {
  it(`is ${path}`, () =>
    expect(articleJsonPath({ prefix }, { slug: 'x', date: new Date(date) }, zone)).toBe(path));
});

describe('jsonResponse', () => {
  it('writes compact JSON, one line', async () => {
    expect(await jsonResponse({ a: [1, { b: 'c' }] }).text()).toBe('{"a":[1,{"b":"c"}]}\n');
  });
});

describe.each([
  { total: 0, pages: 1, sizes: [0] },
  { total: 100, pages: 1, sizes: [100] },
  { total: 101, pages: 2, sizes: [100, 1] },
  { total: 250, pages: 3, sizes: [100, 100, 50] },
])('apiArticleListPages with $total articles', ({ total, pages, sizes }) => {
  const lists = apiArticleListPages(ROOT, articles(total), tags, origin, 100, 'Asia/Almaty');
  it(`has ${pages} page(s) of ${sizes.join(', ')}`, () => {
    expect(lists.map((list) => list.articles.length)).toEqual(sizes);
    expect(lists.every((list) => list.total === total && list.pages === pages)).toBe(true);
  });
  it('links next and prev pages, null at the ends', () => {
    lists.forEach((list, i) => {
      expect(list.next).toBe(i + 1 < pages ? `${origin}${articleListPath(ROOT, i + 2)}` : null);
      expect(list.prev).toBe(i > 0 ? `${origin}${articleListPath(ROOT, i)}` : null);
    });
  });
  it('matches the published schema', () =>
    lists.forEach((list) => expect(apiArticleListSchema.safeParse(list).success).toBe(true)));
});

describe.each([
  ['', 1, '/api/articles.json'],
  ['', 2, '/api/articles/page/2.json'],
  ['/ru', 1, '/ru/api/articles.json'],
  ['/ru', 3, '/ru/api/articles/page/3.json'],
])('articleListPath(%j, %i)', (prefix, n, path) => {
  it(`is ${path}`, () => expect(articleListPath({ prefix }, n)).toBe(path));
});

describe('apiTag', () => {
  it('gives count and absolute addresses', () => {
    expect(apiTag(ROOT, { tag: tags.get('csto')!, articles: articles(3) }, origin)).toEqual({
      name: 'CSTO',
      slug: 'csto',
      count: 3,
      url: `${origin}/tags/csto/`,
      api: `${origin}/api/tags/csto.json`,
      feed: `${origin}/tags/csto/rss.xml`,
    });
  });
});

describe.each([
  { input: { a: '</script><script>alert(1)</script>' }, forbidden: /<|>/ },
  { input: { a: 'Tom & Jerry' }, forbidden: /&/ },
  { input: { a: 'line\u2028separator' }, forbidden: /\u2028/ },
])('jsonForScript($input)', ({ input, forbidden }) => {
  it('leaves no character that could end the script element, and parses back to the same value', () => {
    const text = jsonForScript(input);
    expect(text).not.toMatch(forbidden);
    expect(JSON.parse(text)).toEqual(input);
  });
});

describe('feedItem', () => {
  it('uses the summary when there is one, else the excerpt', () => {
    const [article] = articles(1);
    expect(feedItem(article!, tags).description).toBe('x');
    expect(feedItem({ ...article!, summary: 'S' }, tags)).toMatchObject({
      description: 'S',
      link: '/articles/a0/',
      categories: ['CSTO'],
    });
  });
});
