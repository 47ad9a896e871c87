import type { APIRoute } from 'astro';
import { articleFeed } from '../data/feeds.ts';
import { getCatalog } from '../data/published.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async () =>
  articleFeed({
    title: SITE.title,
    description: SITE.description,
    path: '/rss.xml',
    articles: (await getCatalog()).articles,
  });
