import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/published.ts';
import { feedItem } from '../lib/feeds.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const { articles, tags } = await getCatalog();
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: SITE.url,
    items: articles.slice(0, SITE.feedItems).map((article) => feedItem(article, tags)),
    customData: `<language>${SITE.lang}</language>`,
  });
};
