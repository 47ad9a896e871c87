import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/published.ts';
import { channelData, FEED_NAMESPACES, feedItem } from '../lib/feeds.ts';
import { SITE } from '../site.config.ts';
import { NOW } from '../data/build-context.ts';

export const GET: APIRoute = async () => {
  const { articles, tags } = await getCatalog();
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: SITE.url,
    items: articles.slice(0, SITE.feedItems).map((article) => feedItem(article, tags)),
    xmlns: FEED_NAMESPACES,
    customData: channelData({
      lang: SITE.lang,
      selfUrl: new URL('/rss.xml', SITE.url).href,
      now: NOW,
    }),
  });
};
