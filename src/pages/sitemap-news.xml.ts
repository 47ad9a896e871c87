import type { APIRoute } from 'astro';
import { NOW } from '../data/build-context.ts';
import { getCatalog } from '../data/published.ts';
import { newsSitemap } from '../lib/news-sitemap.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const { articles } = await getCatalog();
  return new Response(
    newsSitemap(articles, NOW, { name: SITE.title, lang: SITE.lang, siteUrl: SITE.url }),
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
};
