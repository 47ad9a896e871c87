import type { Alternate } from './editions.ts';
import { escapeXml, XML_DECLARATION } from './xml.ts';

/** A file of the sitemap: its path under the site root and its XML. */
export interface SitemapFile {
  path: string;
  xml: string;
}

/** The most URLs one sitemap file lists; the protocol allows 50,000. */
export const SITEMAP_URLS_PER_FILE = 45_000;

/** The index that search engines are pointed to (robots.txt). */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';

// One collator for every comparison: `localeCompare` with options builds one per call, which for
// a large site costs seconds (docs/performance.md).
const byUrl = new Intl.Collator('en', { numeric: true }).compare;

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * Whether a page the build wrote (its path, `articles/x/`) belongs in the sitemap: not the 404
 * page, not the editor, not one of the `included` documents pages show in a frame (`/today/`).
 */
export function listedInSitemap(pathname: string, included: readonly string[] = []): boolean {
  const path = `/${pathname.replace(/^\//, '')}`;
  return (
    path !== '/404/' &&
    path !== '/404.html' &&
    !path.startsWith('/admin/') &&
    !included.includes(path)
  );
}

/**
 * The sitemap of `urls` (absolute, in any order, repeats allowed): `/sitemap-0.xml`,
 * `/sitemap-1.xml`… with at most `perFile` URLs each, in order (numbers compared as numbers, so
 * `/page/2/` comes before `/page/10/`), and the index listing them, at `SITEMAP_INDEX_PATH`. A page
 * whose path is in `lastModified` (an article's, by its last revision) gets its `<lastmod>`, and one
 * in `alternates` (a page with versions in other editions) its `xhtml:link` alternates.
 */
export function sitemapFiles(
  urls: Iterable<string>,
  siteUrl: string,
  perFile: number = SITEMAP_URLS_PER_FILE,
  lastModified: ReadonlyMap<string, string> = new Map(),
  alternates: ReadonlyMap<string, readonly Alternate[]> = new Map(),
): SitemapFile[] {
  const sorted = [...new Set(urls)].sort(byUrl);
  const files: SitemapFile[] = [];
  for (let i = 0; i === 0 || i * perFile < sorted.length; i++) {
    const entries = sorted.slice(i * perFile, (i + 1) * perFile).map((url) => {
      const path = new URL(url).pathname;
      const lastmod = lastModified.get(path);
      const links = (alternates.get(path) ?? []).map(
        ({ hreflang, path: other }) =>
          `<xhtml:link rel="alternate" hreflang="${escapeXml(hreflang)}" href="${escapeXml(new URL(other, siteUrl).href)}"/>`,
      );
      return `<url><loc>${escapeXml(url)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${links.join('')}</url>`;
    });
    files.push({
      path: `/sitemap-${i}.xml`,
      xml: `${XML_DECLARATION}<urlset xmlns="${NAMESPACE}" xmlns:xhtml="${XHTML}">${entries.join('')}</urlset>\n`,
    });
  }
  const index = files.map(
    ({ path }) => `<sitemap><loc>${escapeXml(new URL(path, siteUrl).href)}</loc></sitemap>`,
  );
  return [
    {
      path: SITEMAP_INDEX_PATH,
      xml: `${XML_DECLARATION}<sitemapindex xmlns="${NAMESPACE}">${index.join('')}</sitemapindex>\n`,
    },
    ...files,
  ];
}
