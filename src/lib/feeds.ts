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
 * (`atom:link rel="self"`) and the last time its content changed (`lastBuildDate`, as RSS
 * defines it), absent for a channel without items. A feed is then the same file until one of
 * its stories changes, however often the site is built.
 */
export function channelData({
  lang,
  selfUrl,
  changed,
}: {
  lang: string;
  selfUrl: string;
  changed: Date | undefined;
}): string {
  return (
    `<language>${escapeXml(lang)}</language>` +
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>` +
    (changed ? `<lastBuildDate>${changed.toUTCString()}</lastBuildDate>` : '')
  );
}

/** When the newest change among `items` was made: a publication or a later revision. */
export function lastChanged(
  items: readonly Pick<ArticleSummary, 'date' | 'revised' | 'updated'>[],
): Date | undefined {
  let last: Date | undefined;
  for (const { date, revised, updated } of items) {
    const at = revised ?? updated ?? date;
    if (!last || at > last) last = at;
  }
  return last;
}
