import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/site.config.ts';
import { articleApiFile, listFiles, page, pageSource, text } from '../helpers/site.ts';
import { newsroomPhotos } from '../fixtures/newsroom.ts';
import { newsroomSite } from '../shared-site.ts';

let out: string;

beforeAll(async () => {
  ({ out } = await newsroomSite());
});

const json = async (path: string) => JSON.parse(await readFile(join(out, path), 'utf8'));
const feed = async (path: string) =>
  new XMLParser({ isArray: (name) => ['item', 'category', 'dc:creator'].includes(name) }).parse(
    await readFile(join(out, path), 'utf8'),
  ).rss.channel;
const jsonLd = async (path: string) =>
  JSON.parse(
    /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(await pageSource(out, path))![1]!,
  );
/** The file a site path of the build names. */
const builtFile = (path: string) => join(out, decodeURIComponent(new URL(path, SITE.url).pathname));

describe('authors', () => {
  it('/authors/ lists the registry in its order, with counts, those with no article yet too', async () => {
    const items = (await page(out, '/authors/')).querySelectorAll('.author-index li');
    expect(items.map(text)).toEqual([
      'Fixture Desk (14), Night editor',
      'Second Writer (2)',
      'Third Hand (1)',
      'Unpublished Reporter (0), Starts next month',
      '<img src=x onerror=alert(1)> (1)',
    ]);
    expect(items[1]!.querySelector('a')?.getAttribute('href')).toBe('/authors/writer-two/');
  });

  it.each([
    // Teasers, twenty to a page (SITE.teaserPerPage).
    ['/authors/fixture-desk/', 'Viewing results 1 - 14 of 14'],
    ['/authors/writer-two/', 'Viewing results 1 - 2 of 2'],
    ['/authors/unpublished-reporter/', 'No results'],
  ])('%s counts %s', async (path, counter) => {
    expect(text((await page(out, path)).querySelector('.counter'))).toBe(counter);
  });

  it("shows the author's photo, role, bio and links above their articles", async () => {
    const doc = await page(out, '/authors/fixture-desk/');
    const card = doc.querySelector('.author-card')!;
    expect(text(card.querySelector('.author-role'))).toBe('Night editor');
    expect(text(card.querySelector('.author-bio'))).toBe('Edits the night shift. Profile');
    expect(card.querySelector('.author-bio strong')).not.toBeNull();
    expect(card.querySelector('.author-bio a')?.getAttribute('href')).toBe(
      'https://example.org/desk',
    );
    expect(card.querySelectorAll('.author-links a').map((a) => a.getAttribute('href'))).toEqual([
      'https://t.me/fixturedesk',
      'mailto:desk@example.org',
    ]);
    const photo = card.querySelector('.author-photo img')!;
    expect(photo.getAttribute('alt')).toBe('Fixture Desk');
    expect(photo.getAttribute('width')).toBeTruthy();
    expect(photo.getAttribute('height')).toBeTruthy();
  });

  it('bylines read "By A", "By A and B", "By A, B and C", each name linking to its page', async () => {
    const byline = async (slug: string) =>
      (await page(out, `/articles/${slug}/`)).querySelector('.article-header .byline')!;
    expect(text(await byline('alpha-01'))).toBe('By Fixture Desk');
    expect(text(await byline('alpha-03'))).toBe('By Fixture Desk and Second Writer');
    const three = await byline('alpha-04');
    expect(text(three)).toBe('By Second Writer, Third Hand and Fixture Desk');
    expect(three.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '/authors/writer-two/',
      '/authors/third-hand/',
      '/authors/fixture-desk/',
    ]);
  });

  it('each author has a feed naming every author of each story', async () => {
    const channel = await feed('authors/writer-two/rss.xml');
    expect(channel.item.map((item: { title: string }) => item.title)).toEqual([
      'Alpha story number 4',
      'Alpha story number 3',
    ]);
    expect(channel.item[0]['dc:creator']).toEqual(['Second Writer', 'Third Hand', 'Fixture Desk']);
  });

  it('article JSON-LD names each author as a Person with the URL of their page', async () => {
    expect((await jsonLd('/articles/alpha-03/')).author).toEqual([
      { '@type': 'Person', name: 'Fixture Desk', url: `${SITE.url}/authors/fixture-desk/` },
      { '@type': 'Person', name: 'Second Writer', url: `${SITE.url}/authors/writer-two/` },
    ]);
  });

  it('the API lists authors and serves each with their articles', async () => {
    const list = await json('api/authors.json');
    expect(list.total).toBe(5);
    expect(list.authors[0]).toMatchObject({
      name: 'Fixture Desk',
      slug: 'fixture-desk',
      role: 'Night editor',
      links: ['https://t.me/fixturedesk', 'mailto:desk@example.org'],
      count: 14,
      url: `${SITE.url}/authors/fixture-desk/`,
      api: `${SITE.url}/api/authors/fixture-desk.json`,
      feed: `${SITE.url}/authors/fixture-desk/rss.xml`,
    });
    expect(list.authors[0].bio).toContain('<strong>night</strong>');
    expect(list.authors[0].photo.url).toMatch(/^https:\/\/khabar\.example\.org\/_astro\//);
    const writer = await json('api/authors/writer-two.json');
    expect(writer.articles.map((article: { slug: string }) => article.slug)).toEqual([
      'alpha-04',
      'alpha-03',
    ]);
  });
});

describe('sections', () => {
  it('lead the masthead navigation, in the registry order, on every page', async () => {
    const current = (await page(out, '/sections/politics/')).querySelector(
      '.site-nav a[aria-current="page"]',
    );
    expect(text(current)).toBe('Politics');
    for (const path of ['/', '/articles/alpha-01/', '/authors/']) {
      const links = (await page(out, path)).querySelectorAll('.site-nav a').map(text);
      expect(links.slice(0, 5), path).toEqual([
        'Front page',
        'Latest',
        'Politics',
        'Economy',
        'Empty Desk',
      ]);
    }
  });

  it.each([
    ['/sections/politics/', 'Viewing results 1 - 9 of 9'],
    ['/sections/economy/', 'Viewing results 1 - 12 of 12'],
    ['/sections/empty/', 'No results'],
  ])('%s counts %s', async (path, counter) => {
    expect(text((await page(out, path)).querySelector('.counter'))).toBe(counter);
  });

  it('show above the headline on the article page and in listings, whatever case the article wrote', async () => {
    const article = await page(out, '/articles/alpha-02/');
    const label = article.querySelector('.article-header .section-label a')!;
    expect([text(label), label.getAttribute('href')]).toEqual(['Economy', '/sections/economy/']);
    expect((await jsonLd('/articles/alpha-02/')).articleSection).toBe('Economy');
    const teaser = (await page(out, '/tags/alpha/2/'))
      .querySelectorAll('.teaser')
      .find((item) => text(item.querySelector('h2')) === 'Alpha story number 2')!;
    expect(text(teaser.querySelector('.section-label'))).toBe('Economy');
  });

  it('have feeds and API files, the section the first category of each item', async () => {
    const channel = await feed('sections/politics/rss.xml');
    expect(channel.item[0].category[0]).toBe('Politics');
    const list = await json('api/sections.json');
    expect(list.sections.map((section: { slug: string }) => section.slug)).toEqual([
      'politics',
      'economy',
      'empty',
    ]);
    expect(list.sections[0]).toMatchObject({
      name: 'Politics',
      description: 'Power and policy across the region.',
      count: 9,
    });
    expect((await json('api/sections/empty.json')).articles).toEqual([]);
  });
});

describe('photos', () => {
  it('the lead photo is resized with a modern format and a fallback, sized, eager, captioned and credited', async () => {
    const doc = await page(out, '/articles/alpha-01/');
    const figure = doc.querySelector('.lead-image')!;
    // WebP versions only, as Astro's own <Image> gives them: no copies in the original's format.
    const img = figure.querySelector('img')!;
    expect(figure.querySelector('picture')).toBeNull();
    expect(img.getAttribute('srcset')).toMatch(
      /\.webp 400w, .*\.webp 800w, .*\.webp 1200w, .*\.webp 1600w$/,
    );
    expect(img.getAttribute('src')).toMatch(/\.webp$/);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1600', '1000']);
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    expect(img.getAttribute('alt')).toBe('A gradient from ochre to white');
    expect(text(figure.querySelector('figcaption'))).toBe(
      'The valley at dawn. Photo: Fixture Agency',
    );
    expect(await readFile(builtFile(img.getAttribute('src')!))).toBeTruthy();
  });

  it('gives an article with a photo a 1200×630 JPEG Open Graph image', async () => {
    const doc = await page(out, '/articles/alpha-01/');
    const og = doc.querySelector('meta[property="og:image"]')!.getAttribute('content')!;
    const { width, height, format } = await sharp(builtFile(og)).metadata();
    expect([width, height, format]).toEqual([1200, 630, 'jpeg']);
    expect((await jsonLd('/articles/alpha-01/')).image).toEqual([
      {
        '@type': 'ImageObject',
        url: og,
        width: 1200,
        height: 630,
        caption: 'The valley at dawn.',
        creditText: 'Fixture Agency',
      },
    ]);
  });

  it('holds only the photo versions some page, feed or JSON file names: no copy of an original', async () => {
    const files = await listFiles(out);
    const texts = (
      await Promise.all(
        files
          .filter((file) => /\.(?:html|json|xml)$/.test(file))
          .map((file) => readFile(join(out, file), 'utf8')),
      )
    ).join('\n');
    const images = files.filter((file) => /^_astro\/.*\.(?:jpe?g|png|webp)$/.test(file));
    expect(images.length).toBeGreaterThan(0);
    for (const file of images)
      expect(texts.includes(`/${encodeURI(file)}`) || texts.includes(`/${file}`), file).toBe(true);
    // The fixture's lead photo, as the author committed it, is in no file.
    const original = createHash('sha256')
      .update((await newsroomPhotos())['articles/alpha/alpha-photo.jpg']!)
      .digest('hex');
    for (const file of images) {
      const digest = createHash('sha256')
        .update(await readFile(join(out, file)))
        .digest('hex');
      expect(digest, file).not.toBe(original);
    }
  });

  it('a photo in the body becomes a lazily loaded figure with its caption', async () => {
    const figure = (await page(out, '/articles/alpha-02/')).querySelector('.article-body figure')!;
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['900', '600']);
    expect(img.getAttribute('alt')).toBe('A blue square');
    expect(text(figure.querySelector('figcaption'))).toBe('The square, captioned');
  });

  it('listings show a lazily loaded thumbnail for articles with a photo only', async () => {
    const teasers = (await page(out, '/tags/alpha/2/')).querySelectorAll('.teaser');
    const withPhoto = teasers.filter((teaser) => teaser.querySelector('.thumbnail img'));
    expect(withPhoto.map((teaser) => text(teaser.querySelector('h2')))).toEqual([
      'Alpha story number 1',
    ]);
    const img = withPhoto[0]!.querySelector('.thumbnail img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('width')).toBe('400');
  });

  it('a photo under public/ is shown as it is, with its width and height', async () => {
    const img = (await page(out, '/articles/hostile/')).querySelector('.lead-image img')!;
    expect(img.getAttribute('src')).toBe('/images/mountain-road.svg');
    expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
  });

  it('the API gives the photo with its sizes, caption, credit and Open Graph image', async () => {
    const article = await json(await articleApiFile(out, 'alpha-01'));
    expect(article.photo).toMatchObject({
      alt: 'A gradient from ochre to white',
      caption: 'The valley at dawn.',
      credit: 'Fixture Agency',
    });
    expect(
      article.photo.sizes.map(({ width, format }: { width: number; format: string }) => [
        width,
        format,
      ]),
    ).toEqual([
      [400, 'webp'],
      [800, 'webp'],
      [1200, 'webp'],
      [1600, 'webp'],
    ]);
    expect(article.image).toBe(article.photo.url);
    expect(article.photo.openGraph).toMatch(/\.jpg$/);
    // Body photos in the API's HTML are the resized ones the page shows.
    const withBodyPhoto = await json(await articleApiFile(out, 'alpha-02'));
    expect(withBodyPhoto.html).toMatch(/<img src="\/_astro\/[^"]+\.webp" srcset=/);
    expect(withBodyPhoto.html).not.toContain('src="./');
  });
});

describe('the front page', () => {
  it('leads with the featured story: photo loaded first, section, headline, byline', async () => {
    const lead = (await page(out, '/')).querySelector('.lead-story')!;
    expect(text(lead.querySelector('h2'))).toBe('Alpha story number 1');
    expect(text(lead.querySelector('.section-label'))).toBe('Politics');
    expect(text(lead.querySelector('.byline'))).toBe('By Fixture Desk');
    const img = lead.querySelector('img')!;
    expect([img.getAttribute('loading'), img.getAttribute('fetchpriority')]).toEqual([
      'eager',
      'high',
    ]);
  });

  it('has a block per section with stories, in the registry order, each linking to its section', async () => {
    const doc = await page(out, '/');
    const blocks = doc.querySelectorAll('.front-section');
    expect(blocks.map((block) => text(block.querySelector('h2')))).toEqual(['Politics', 'Economy']);
    for (const block of blocks) {
      const titles = block.querySelectorAll('.story-card h3').map(text);
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.length).toBeLessThanOrEqual(SITE.frontPage.perSection);
      expect(titles).not.toContain('Alpha story number 1');
    }
    expect(blocks[0]!.querySelector('.more a')?.getAttribute('href')).toBe('/sections/politics/');
  });

  it('lists the latest headlines but the lead, and leads to /latest/, where the old /page/N/ addresses now go', async () => {
    const latest = (await page(out, '/')).querySelector('.front-latest')!;
    const titles = latest.querySelectorAll('li a').map(text);
    expect(titles).toHaveLength(SITE.frontPage.latest);
    expect(titles[0]).toBe('New year in Almaty');
    expect(titles).not.toContain('Alpha story number 1');
    expect(latest.querySelector('.more a')?.getAttribute('href')).toBe('/latest/');
    const redirect = await pageSource(out, '/page/2/');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/latest/">');
    expect(await readFile(join(out, '_redirects'), 'utf8')).toContain('/page/2/ /latest/ 301');
  });
});
