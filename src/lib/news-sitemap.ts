import type { ArticleSummary } from './catalog.ts';
import { escapeXml, XML_DECLARATION } from './xml.ts';

/** Where the Google News sitemap is published (and listed in robots.txt). */
export const NEWS_SITEMAP_PATH = '/sitemap-news.xml';

/** How far back the news sitemap reaches: Google News reads articles of the last two days. */
export const NEWS_WINDOW_MS = 2 * 86_400_000;

/** The most articles one news sitemap may list. */
export const NEWS_SITEMAP_MAX = 1000;

/** What the news sitemap says of the publication. */
export interface NewsPublication {
  /** The publication's name in the edition of language `lang`, as Google News shows it. */
  name: (lang: string) => string;
  /** The site's origin. */
  siteUrl: string;
}

/**
 * The Google News sitemap: the articles (newest first, as the catalogue gives them) published in
 * the two days up to `now`, at most 1,000, each with the publication's name in its edition and its
 * language, its publication time and its headline, as Google documents the format.
 */
export function newsSitemap(
  articles: readonly ArticleSummary[],
  now: Date,
  publication: NewsPublication,
): string {
  const from = now.getTime() - NEWS_WINDOW_MS;
  const recent = articles
    .filter(({ date }) => date.getTime() > from && date.getTime() <= now.getTime())
    .slice(0, NEWS_SITEMAP_MAX);
  const urls = recent.map(
    (article) =>
      `<url><loc>${escapeXml(new URL(article.path, publication.siteUrl).href)}</loc>` +
      `<news:news><news:publication><news:name>${escapeXml(publication.name(article.lang))}</news:name>` +
      `<news:language>${escapeXml(newsLanguage(article.lang))}</news:language></news:publication>` +
      `<news:publication_date>${article.date.toISOString()}</news:publication_date>` +
      `<news:title>${escapeXml(article.title)}</news:title></news:news></url>`,
  );
  return (
    `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ` +
    `xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls.join('')}</urlset>\n`
  );
}

/**
 * A BCP 47 tag as Google News wants it: the ISO 639 language code, except Chinese, which keeps
 * its script (`zh-cn`, `zh-tw`).
 */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /hant|tw|hk|mo/.test(lower) ? 'zh-tw' : 'zh-cn';
  return lower.split('-')[0]!;
}
