import { describe, expect, it } from 'vitest';
import { listedInSitemap, SITEMAP_INDEX_PATH, sitemapFiles } from '../../src/lib/sitemap.ts';

const SITE = 'https://news.example.org';
const locs = (xml: string) => [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((match) => match[1]);

describe.each([
  { pathname: '', listed: true },
  { pathname: 'articles/csto-summit/', listed: true },
  { pathname: 'tags/kazakhstan/page/2/', listed: true },
  { pathname: '404/', listed: false },
  { pathname: '/404.html', listed: false },
  { pathname: 'admin/', listed: false },
  { pathname: 'admin/config.yml', listed: false },
  { pathname: 'administration-reform/', listed: true },
  { pathname: 'today/', listed: false },
  { pathname: 'ru/today/latest/', listed: false },
  { pathname: 'articles/today/', listed: true },
])('listedInSitemap($pathname)', ({ pathname, listed }) => {
  const included = ['/today/', '/today/latest/', '/ru/today/', '/ru/today/latest/'];
  it(`is ${listed}`, () => expect(listedInSitemap(pathname, included)).toBe(listed));
});

describe('sitemapFiles', () => {
  it('lists each URL once, numbers compared as numbers, in one file the index points to', () => {
    const files = sitemapFiles(
      [`${SITE}/page/10/`, `${SITE}/page/2/`, `${SITE}/`, `${SITE}/page/2/`],
      SITE,
    );
    expect(files.map(({ path }) => path)).toEqual([SITEMAP_INDEX_PATH, '/sitemap-0.xml']);
    expect(locs(files[1]!.xml)).toEqual([`${SITE}/`, `${SITE}/page/2/`, `${SITE}/page/10/`]);
    expect(locs(files[0]!.xml)).toEqual([`${SITE}/sitemap-0.xml`]);
    expect(files[1]!.xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/,
    );
  });

  it('gives a page with versions in other editions each version and an x-default', () => {
    const links = [
      { hreflang: 'en', path: '/articles/a/' },
      { hreflang: 'ru', path: '/ru/articles/b/' },
      { hreflang: 'x-default', path: '/articles/a/' },
    ];
    const [, file] = sitemapFiles(
      [`${SITE}/articles/a/`, `${SITE}/tags/x/`],
      SITE,
      undefined,
      new Map(),
      new Map([['/articles/a/', links]]),
    );
    expect(file!.xml).toContain(
      `<url><loc>${SITE}/articles/a/</loc><xhtml:link rel="alternate" hreflang="en" href="${SITE}/articles/a/"/><xhtml:link rel="alternate" hreflang="ru" href="${SITE}/ru/articles/b/"/><xhtml:link rel="alternate" hreflang="x-default" href="${SITE}/articles/a/"/></url>`,
    );
    expect(file!.xml).toContain(`<url><loc>${SITE}/tags/x/</loc></url>`);
  });

  it('splits the URLs into files of at most the given number, in order', () => {
    const urls = Array.from({ length: 5 }, (_, i) => `${SITE}/articles/a-${i + 1}/`);
    const [index, ...files] = sitemapFiles(urls.reverse(), SITE, 2);
    expect(files.map((file) => locs(file.xml).map((url) => url!.slice(SITE.length)))).toEqual([
      ['/articles/a-1/', '/articles/a-2/'],
      ['/articles/a-3/', '/articles/a-4/'],
      ['/articles/a-5/'],
    ]);
    expect(locs(index!.xml)).toEqual([0, 1, 2].map((n) => `${SITE}/sitemap-${n}.xml`));
  });

  it('escapes characters XML reserves', () => {
    expect(sitemapFiles([`${SITE}/search/?q=a&b`], SITE)[1]!.xml).toContain(
      `<loc>${SITE}/search/?q=a&amp;b</loc>`,
    );
  });

  it('gives a page with a known revision its lastmod, and no other', () => {
    const xml = sitemapFiles(
      [`${SITE}/articles/a/`, `${SITE}/tags/x/`],
      SITE,
      undefined,
      new Map([['/articles/a/', '2026-02-01T10:00:00.000Z']]),
    )[1]!.xml;
    expect(xml).toContain(
      `<url><loc>${SITE}/articles/a/</loc><lastmod>2026-02-01T10:00:00.000Z</lastmod></url>`,
    );
    expect(xml).toContain(`<url><loc>${SITE}/tags/x/</loc></url>`);
  });

  it('still writes an index and one empty file for a site with no pages', () => {
    const files = sitemapFiles([], SITE);
    expect(files).toHaveLength(2);
    expect(locs(files[1]!.xml)).toEqual([]);
  });
});
