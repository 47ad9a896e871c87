import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/lib/catalog.ts';
import { channelData, feedItem, lastChanged } from '../../src/lib/feeds.ts';
import { newsLanguage, newsSitemap } from '../../src/lib/news-sitemap.ts';

const NOW = new Date('2026-02-12T12:00:00Z');
const article = (
  slug: string,
  date: string,
  extra: Partial<ArticleSummary> = {},
): ArticleSummary => ({
  slug,
  id: slug,
  lang: 'en',
  path: `/articles/${slug}/`,
  title: `Title of ${slug}`,
  date: new Date(date),
  tags: [],
  excerpt: '',
  ...extra,
});
const publication = {
  name: (lang: string) => (lang === 'ru' ? 'Хабар' : 'Khabar & Co'),
  siteUrl: 'https://news.example',
};

describe('newsSitemap', () => {
  const xml = newsSitemap(
    [
      article('future', '2026-02-12T12:00:01Z'),
      article('today', '2026-02-12T09:00:00Z', { title: 'Quotes "and" <angles>' }),
      article('russian', '2026-02-11T09:00:00Z', { lang: 'ru', path: '/ru/articles/russian/' }),
      article('edge', '2026-02-10T12:00:01Z'),
      article('old', '2026-02-10T12:00:00Z'),
    ],
    NOW,
    publication,
  );
  it('lists the articles of the two days up to now, never a later or older one', () => {
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])).toEqual([
      'https://news.example/articles/today/',
      'https://news.example/ru/articles/russian/',
      'https://news.example/articles/edge/',
    ]);
  });
  it('gives each its publication, language, date and escaped title', () => {
    expect(xml).toContain(
      '<news:news><news:publication><news:name>Khabar &amp; Co</news:name><news:language>en</news:language></news:publication><news:publication_date>2026-02-12T09:00:00.000Z</news:publication_date><news:title>Quotes &quot;and&quot; &lt;angles&gt;</news:title></news:news>',
    );
    expect(xml).toContain(
      '<url><loc>https://news.example/ru/articles/russian/</loc><news:news><news:publication><news:name>Хабар</news:name><news:language>ru</news:language>',
    );
    expect(xml).toMatch(/xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/);
  });
  it('is a valid empty sitemap on a quiet day', () => {
    expect(newsSitemap([], NOW, publication)).toMatch(/<urlset [^>]+><\/urlset>\n$/);
  });
});

describe.each([
  ['en', 'en'],
  ['ru', 'ru'],
  ['uz-Cyrl', 'uz'],
  ['zh-Hans', 'zh-cn'],
  ['zh-Hant-TW', 'zh-tw'],
])('newsLanguage(%s)', (tag, code) => {
  it(`is ${code}`, () => expect(newsLanguage(tag)).toBe(code));
});

describe('feeds', () => {
  it('name each author as dc:creator, escaped', () => {
    expect(
      feedItem(
        article('a', '2026-01-01', {
          authors: [
            { name: 'A & B <x>', slug: 'a-b-x' },
            { name: 'Dana', slug: 'dana' },
          ],
        }),
        new Map(),
      ).customData,
    ).toBe('<dc:creator>A &amp; B &lt;x&gt;</dc:creator><dc:creator>Dana</dc:creator>');
    expect(feedItem(article('a', '2026-01-01'), new Map()).customData).toBeUndefined();
  });
  it('carry the full text only when it is given (SITE.feedFullText)', () => {
    expect(feedItem(article('a', '2026-01-01'), new Map(), '<p>Full</p>').content).toBe(
      '<p>Full</p>',
    );
    expect(feedItem(article('a', '2026-01-01'), new Map())).not.toHaveProperty('content');
  });
  it('list the section before the tags as categories', () => {
    const item = feedItem(
      article('a', '2026-01-01', { section: { name: 'Economy', slug: 'economy' } }),
      new Map(),
    );
    expect(item.categories[0]).toBe('Economy');
  });
  it('carry their own address, language and the time their content last changed', () => {
    expect(
      channelData({ lang: 'en', selfUrl: 'https://news.example/rss.xml?a&b', changed: NOW }),
    ).toBe(
      '<language>en</language><atom:link href="https://news.example/rss.xml?a&amp;b" rel="self" type="application/rss+xml"/><lastBuildDate>Thu, 12 Feb 2026 12:00:00 GMT</lastBuildDate>',
    );
    expect(
      channelData({ lang: 'en', selfUrl: 'https://news.example/rss.xml', changed: undefined }),
    ).not.toContain('lastBuildDate');
  });
  it.each([
    [[], undefined],
    [[{ date: new Date('2026-01-02') }, { date: new Date('2026-01-05') }], '2026-01-05'],
    [
      [
        { date: new Date('2026-01-05') },
        {
          date: new Date('2026-01-01'),
          updated: new Date('2026-01-03'),
          revised: new Date('2026-01-09'),
        },
      ],
      '2026-01-09',
    ],
  ])('last changed of %j is %s', (items, expected) => {
    expect(lastChanged(items)?.toISOString().slice(0, 10)).toBe(expected);
  });
});
