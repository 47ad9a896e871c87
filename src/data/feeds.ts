import { pagePath } from '../lib/routes.ts';
import rss from '@astrojs/rss';
import { channelData, FEED_NAMESPACES, feedItem, lastChanged } from '../lib/feeds.ts';
import type { ArticleSummary } from '../lib/catalog.ts';
import type { Edition } from '../lib/editions.ts';
import { SITE } from '../site.config.ts';
import { getCatalog, type ArticleEntry } from './published.ts';
import { renderBodyHtml } from './render.ts';

const entriesByEdition = new Map<string, Map<string, ArticleEntry>>();

/**
 * An RSS feed of `articles` (newest first), the newest `SITE.feedItems` of them, with the full
 * text of each when `SITE.feedFullText` is set. Every feed of the site is made here.
 */
export async function articleFeed({
  edition,
  title,
  description,
  path,
  articles,
}: {
  /** The edition the feed is of: its language and its articles. */
  edition: Edition;
  title: string;
  description: string;
  /** The feed's own site path, e.g. `/sections/economy/rss.xml`. */
  path: string;
  articles: readonly ArticleSummary[];
}): Promise<Response> {
  const { tags, entries } = await getCatalog(edition);
  const items = articles.slice(0, SITE.feedItems);
  let bodies: Array<string | undefined> = [];
  if (SITE.feedFullText) {
    let found = entriesByEdition.get(edition.lang);
    if (!found) {
      found = new Map(entries.map((entry) => [entry.id, entry]));
      entriesByEdition.set(edition.lang, found);
    }
    const byId = found;
    bodies = await Promise.all(
      items.map((article) => {
        const entry = byId.get(article.id);
        return entry ? renderBodyHtml(entry) : undefined;
      }),
    );
  }
  return rss({
    title,
    description,
    // The channel's home: the edition's own front page.
    site: new URL(pagePath(edition, 'front'), SITE.url).href,
    items: items.map((article, i) => feedItem(article, tags, bodies[i])),
    xmlns: FEED_NAMESPACES,
    customData: channelData({
      lang: edition.lang,
      selfUrl: new URL(path, SITE.url).href,
      changed: lastChanged(items),
    }),
  });
}
