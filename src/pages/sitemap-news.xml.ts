import type { APIRoute } from 'astro';
import { NOW } from '../data/build-context.ts';
import { getCatalog } from '../data/published.ts';
import { newsSitemap } from '../lib/news-sitemap.ts';
import { newestFirst } from '../lib/catalog.ts';
import { editionOf } from '../lib/editions.ts';
import { EDITIONS } from '../i18n/index.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async () => {
  // Every edition's stories, newest first: the news sitemap is the site's, not an edition's.
  const catalogs = await Promise.all(EDITIONS.map((edition) => getCatalog(edition)));
  const articles = catalogs.flatMap((catalog) => catalog.articles).sort(newestFirst);
  const name = (lang: string) => editionOf(lang, EDITIONS)?.title ?? SITE.title;
  return new Response(newsSitemap(articles, NOW, { name, siteUrl: SITE.url }), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
