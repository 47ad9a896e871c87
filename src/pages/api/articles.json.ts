import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/published.ts';
import { apiArticleListPages, jsonResponse } from '../../lib/api.ts';
import { SITE } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const { articles, tags } = await getCatalog();
  return jsonResponse(apiArticleListPages(articles, tags, SITE.url, SITE.apiPerPage)[0]);
};
