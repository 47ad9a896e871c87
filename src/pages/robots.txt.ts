import type { APIRoute } from 'astro';
import { absolute } from '../lib/api.ts';
import { NEWS_SITEMAP_PATH } from '../lib/news-sitemap.ts';
import { SITEMAP_INDEX_PATH } from '../lib/sitemap.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absolute(SITE.url, SITEMAP_INDEX_PATH)}\nSitemap: ${absolute(SITE.url, NEWS_SITEMAP_PATH)}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
