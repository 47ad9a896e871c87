import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/site.config.ts';
import {
  ALPHA,
  HOSTILE_TITLE,
  LONG_PLAIN_WORDS,
  PUBLISHED_COUNT,
  newsroomFixture,
} from '../fixtures/newsroom.ts';
import { newsroomSite } from '../shared-site.ts';
import { articleApiFile, listFiles, page, pageSource } from '../helpers/site.ts';

let out: string;
let files: string[];

beforeAll(async () => {
  ({ out } = await newsroomSite());
  files = await listFiles(out);
});

const json = async (path: string) => JSON.parse(await readFile(join(out, path), 'utf8'));
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'category', 'url', 'sitemap'].includes(name),
});
const feed = async (path: string) => xml.parse(await readFile(join(out, path), 'utf8')).rss.channel;

/** Which published schema each JSON file of the API must match. */
function schemaFor(file: string): string | undefined {
  if (file === 'api/articles.json' || /^api\/articles\/page\/\d+\.json$/.test(file))
    return 'articles.json';
  if (/^api\/articles\/\d{4}\/\d{2}\/[^/]+\.json$/.test(file)) return 'article.json';
  if (file === 'api/tags.json') return 'tags.json';
  if (/^api\/tags\/[^/]+\.json$/.test(file)) return 'tag.json';
  if (file === 'api/rates.json') return 'rates.json';
  if (file === 'api/authors.json') return 'authors.json';
  if (/^api\/authors\/[^/]+\.json$/.test(file)) return 'author.json';
  if (file === 'api/sections.json') return 'sections.json';
  if (/^api\/sections\/[^/]+\.json$/.test(file)) return 'section.json';
  return undefined;
}

describe('the JSON API', () => {
  it('validates every JSON file against its published JSON Schema', async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const apiFiles = files.filter(
      (file) => file.startsWith('api/') && !file.startsWith('api/schema/'),
    );
    const listed = async (list: string) => 1 + (await json(list)).total;
    expect(apiFiles.length).toBe(
      1 +
        PUBLISHED_COUNT +
        (await listed('api/tags.json')) +
        (await listed('api/authors.json')) +
        (await listed('api/sections.json')) +
        1,
    );
    for (const file of apiFiles) {
      const schemaName = schemaFor(file);
      expect(schemaName, file).toBeDefined();
      const validate =
        ajv.getSchema(schemaName!) ??
        (ajv.addSchema(await json(`api/schema/${schemaName}`), schemaName),
        ajv.getSchema(schemaName!)!);
      expect(validate(await json(file)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('lists published articles newest first, with metadata', async () => {
    const list = await json('api/articles.json');
    expect(list).toMatchObject({
      total: PUBLISHED_COUNT,
      page: 1,
      pages: 1,
      next: null,
      prev: null,
    });
    expect(list.articles).toHaveLength(PUBLISHED_COUNT);
    const dates = list.articles.map((a: { date: string }) => a.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const alpha3 = list.articles.find((a: { slug: string }) => a.slug === 'alpha-03');
    expect(alpha3).toEqual({
      slug: 'alpha-03',
      lang: 'en',
      url: `${SITE.url}/articles/alpha-03/`,
      // In the folder of its month in the site's time zone (Almaty: already 14 February there).
      api: `${SITE.url}/api/articles/2025/02/alpha-03.json`,
      title: ALPHA[2]!.title,
      date: '2025-02-13T19:00:00.000Z',
      tags: [
        { name: 'Alpha', slug: 'alpha' },
        { name: 'Zeta', slug: 'zeta' },
      ],
      authors: [
        { name: 'Fixture Desk', slug: 'fixture-desk', url: `${SITE.url}/authors/fixture-desk/` },
        { name: 'Second Writer', slug: 'writer-two', url: `${SITE.url}/authors/writer-two/` },
      ],
      author: 'Fixture Desk',
      section: { name: 'Politics', slug: 'politics', url: `${SITE.url}/sections/politics/` },
    });
  });

  it('serves one article with its HTML (its text once), word count and reading time', async () => {
    const article = await json(await articleApiFile(out, 'long-read'));
    expect(article.html).toContain('<h2 id="opening">Opening</h2>');
    expect(article.html).toContain('<a href="https://example.org/ref">lw10</a>');
    expect(article).not.toHaveProperty('plainText');
    expect(article).not.toHaveProperty('excerpt');
    expect(article.wordCount).toBe(LONG_PLAIN_WORDS.length);
    expect(article.readingMinutes).toBe(Math.ceil(LONG_PLAIN_WORDS.length / SITE.wordsPerMinute));
    expect((await json(await articleApiFile(out, 'mdx-piece'))).html).toContain(
      '<aside class="callout">',
    );
  });

  it("lists tags with counts, and each tag's articles newest first", async () => {
    const tags = await json('api/tags.json');
    expect(tags.tags.find((t: { slug: string }) => t.slug === 'alpha')).toEqual({
      name: 'Alpha',
      slug: 'alpha',
      count: 14,
      url: `${SITE.url}/tags/alpha/`,
      api: `${SITE.url}/api/tags/alpha.json`,
      feed: `${SITE.url}/tags/alpha/rss.xml`,
    });
    const alpha = await json('api/tags/alpha.json');
    expect(alpha.articles.map((a: { slug: string }) => a.slug)).toEqual(
      [...ALPHA].reverse().map((a) => a.slug),
    );
  });

  it('publishes the rates as the ticker shows them', async () => {
    expect(await json('api/rates.json')).toEqual(JSON.parse(newsroomFixture()['rates.json']!));
  });

  it('keeps drafts and scheduled articles out of every file', async () => {
    for (const file of files.filter((f) => /\.(json|xml|txt)$/.test(f))) {
      expect(await readFile(join(out, file), 'utf8'), file).not.toMatch(
        /zzdraftmarker|zzfuturemarker|secret-draft|future-piece|draftonly|futureonly/i,
      );
    }
  });
});

describe('feeds', () => {
  it('/rss.xml is RSS 2.0 with the latest articles, newest first', async () => {
    const channel = await feed('rss.xml');
    expect(channel.title).toBe(SITE.title);
    expect(channel.item).toHaveLength(Math.min(SITE.feedItems, PUBLISHED_COUNT));
    const times = channel.item.map((item: { pubDate: string }) => Date.parse(item.pubDate));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(channel.item[0].link).toBe(`${SITE.url}/articles/almaty-new-year/`);
    const source = await readFile(join(out, 'rss.xml'), 'utf8');
    expect(source).toContain(
      `<atom:link href="${SITE.url}/rss.xml" rel="self" type="application/rss+xml"/>`,
    );
    // When its content last changed (its newest story), not when it was built: a rebuild with no
    // new story leaves the feed as it was.
    expect(source).toContain('<lastBuildDate>Wed, 31 Dec 2025 20:00:00 GMT</lastBuildDate>');
    expect(source).toContain('<dc:creator>Fixture Desk</dc:creator>');
  });

  it('each tag has its own feed with its articles and categories', async () => {
    const channel = await feed('tags/alpha/rss.xml');
    expect(channel.item.map((item: { title: string }) => item.title)).toEqual(
      [...ALPHA].reverse().map((a) => a.title),
    );
    // The section first, then the tags.
    expect(channel.item[0].category).toEqual(['Economy', 'Alpha', 'Zeta']);
    const tagFeeds = files.filter((file) => /^tags\/[^/]+\/rss\.xml$/.test(file));
    expect(tagFeeds).toHaveLength((await json('api/tags.json')).total);
  });

  it('are announced in the head of every page, a tag page naming its own feed too', async () => {
    const links = (await page(out, '/tags/alpha/')).querySelectorAll(
      'link[rel=alternate][type="application/rss+xml"]',
    );
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/rss.xml',
      '/tags/alpha/rss.xml',
    ]);
    expect(
      (await page(out, '/articles/alpha-01/'))
        .querySelector('link[rel=alternate][type="application/rss+xml"]')
        ?.getAttribute('href'),
    ).toBe('/rss.xml');
  });

  it('carry a hostile title as text', async () => {
    const channel = await feed('tags/security/rss.xml');
    expect(channel.item[0].title).toBe(HOSTILE_TITLE);
    expect((await json(await articleApiFile(out, 'hostile'))).title).toBe(HOSTILE_TITLE);
  });
});

describe('discovery and metadata', () => {
  const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;
  // Reader pages: not the 404 page, not the redirect pages left at old addresses, and not the
  // editing UI, which is for the newsroom.
  let redirected: Set<string>;
  beforeAll(async () => {
    redirected = new Set(
      (await readFile(join(out, '_redirects'), 'utf8'))
        .split('\n')
        .map((line) => line.split(' ')[0]!),
    );
  });
  const htmlPages = () =>
    files.filter(
      (file) =>
        file.endsWith('.html') &&
        file !== '404.html' &&
        !file.startsWith('admin/') &&
        // The day's documents pages show in frames: no page of their own (listedInSitemap).
        !/^(?:[a-z]{2}\/)?today\//.test(file) &&
        !redirected.has(pathOf(file)),
    );

  it('the sitemap lists every HTML page and nothing else', async () => {
    const index = xml.parse(await readFile(join(out, 'sitemap-index.xml'), 'utf8'));
    const locs: string[] = [];
    for (const sitemap of index.sitemapindex.sitemap) {
      const name = new URL(sitemap.loc).pathname.slice(1);
      locs.push(
        ...xml
          .parse(await readFile(join(out, name), 'utf8'))
          .urlset.url.map((url: { loc: string }) => url.loc),
      );
    }
    expect(locs.sort()).toEqual(
      htmlPages()
        .map((file) => `${SITE.url}${pathOf(file)}`)
        .sort(),
    );
  });

  it('robots.txt points to the sitemap and the news sitemap', async () => {
    const robots = await readFile(join(out, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE.url}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${SITE.url}/sitemap-news.xml`);
  });

  it('the sitemap dates each article by its last revision', async () => {
    const sitemap = await readFile(join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(
      `<loc>${SITE.url}/articles/alpha-05/</loc><lastmod>2025-12-02T19:00:00.000Z</lastmod>`,
    );
    expect(sitemap).toContain(
      `<loc>${SITE.url}/articles/alpha-01/</loc><lastmod>2025-01-04T19:00:00.000Z</lastmod>`,
    );
  });

  it('the news sitemap lists the stories of the two days before the build', async () => {
    const news = await readFile(join(out, 'sitemap-news.xml'), 'utf8');
    const listed = [...news.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    const recent = (await json('api/articles.json')).articles
      .filter((a: { date: string }) => Date.parse(a.date) > Date.parse('2026-02-10T12:00:00Z'))
      .map((a: { url: string }) => a.url);
    expect(listed).toEqual(recent);
    expect(news).toMatch(
      /^<\?xml[^>]+\?><urlset [^>]*xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/,
    );
  });

  it('every page has a distinct title, a description, a canonical URL, Open Graph and Twitter tags', async () => {
    const titles = new Set<string>();
    for (const file of htmlPages()) {
      const doc = await page(out, pathOf(file));
      const title = doc.querySelector('title')?.textContent ?? '';
      expect(titles.has(title), `${file}: duplicate title ${title}`).toBe(false);
      titles.add(title);
      expect(
        doc.querySelector('meta[name=description]')?.getAttribute('content'),
        file,
      ).toBeTruthy();
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), file).toBe(
        `${SITE.url}${pathOf(file)}`,
      );
      expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), file).toBe(
        `${SITE.url}${pathOf(file)}`,
      );
      expect(
        doc.querySelector('meta[property="og:title"]')?.getAttribute('content'),
        file,
      ).toBeTruthy();
      expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), file).toMatch(
        /^summary/,
      );
    }
  });

  it('describes an article by its summary, or the first sentence of its excerpt', async () => {
    const description = async (path: string) =>
      (await page(out, path)).querySelector('meta[name=description]')?.getAttribute('content');
    expect(await description('/articles/alpha-01/')).toBe('Alpha body 1 with a link and emphasis.');
    expect(await description('/articles/hostile/')).toBe('Ends </script><script>alert(2)</script>');
  });

  it('gives article pages NewsArticle JSON-LD that hostile text cannot break out of', async () => {
    const html = await pageSource(out, '/articles/hostile/');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
      (m) => m[1]!,
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).not.toMatch(/[<>]/);
    const data = JSON.parse(blocks[0]!);
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: HOSTILE_TITLE,
      description: 'Ends </script><script>alert(2)</script>',
      author: [
        {
          '@type': 'Person',
          name: '<img src=x onerror=alert(1)>',
          url: `${SITE.url}/authors/img-src-x-onerror-alert-1/`,
        },
      ],
      articleSection: 'Politics',
      datePublished: '2025-06-30T19:00:00.000Z',
    });
    expect(
      (await page(out, '/articles/hostile/')).querySelectorAll(
        'script:not([type="application/ld+json"]), img[onerror], img[src="x"]',
      ),
    ).toHaveLength(0);
  });
});

describe('corrections in the API', () => {
  it('are listed oldest first, and make the article updated', async () => {
    const article = await json(await articleApiFile(out, 'alpha-05'));
    expect(article.corrections).toEqual([
      { date: '2025-11-30T19:00:00.000Z', text: 'A first correction.' },
      { date: '2025-12-02T19:00:00.000Z', text: 'A second correction.' },
    ]);
    expect(article.updated).toBe('2025-12-02T19:00:00.000Z');
    expect((await json(await articleApiFile(out, 'alpha-04'))).corrections).toEqual([]);
  });
});
