import { articleTags, type ArticleSummary } from './catalog.ts';
import type { Tag } from './tags.ts';
import { escapeXml } from './xml.ts';

/** One RSS item, in the shape @astrojs/rss takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  /** The full text as HTML (`content:encoded`), when the site publishes it. */
  content?: string;
  /** Raw XML after the item's own elements: each author as `dc:creator`. */
  customData?: string;
}

/** The namespaces every feed declares: Atom for its self link, Dublin Core for authors. */
export const FEED_NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
};

/**
 * The RSS item of an article: the summary, or the excerpt when there is none; the section and the
 * tags as categories; each author as `dc:creator`; the full text when `content` is given.
 */
export function feedItem(
  article: ArticleSummary,
  tags: ReadonlyMap<string, Tag>,
  content?: string,
): FeedItem {
  const authors = article.authors ?? [];
  return {
    title: article.title,
    link: article.path,
    pubDate: article.date,
    description: article.summary ?? article.excerpt,
    categories: [
      ...(article.section ? [article.section.name] : []),
      ...articleTags(article, tags).map((tag) => tag.name),
    ],
    ...(content !== undefined ? { content } : {}),
    ...(authors.length > 0
      ? {
          customData: authors
            .map((author) => `<dc:creator>${escapeXml(author.name)}</dc:creator>`)
            .join(''),
        }
      : {}),
  };
}

/**
 * The channel elements @astrojs/rss does not write itself: the language, the feed's own address
 * (`atom:link rel="self"`) and when it was built.
 */
export function channelData({
  lang,
  selfUrl,
  now,
}: {
  lang: string;
  selfUrl: string;
  now: Date;
}): string {
  return (
    `<language>${escapeXml(lang)}</language>` +
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>` +
    `<lastBuildDate>${now.toUTCString()}</lastBuildDate>`
  );
}
