import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/published.ts';
import { apiTag, jsonResponse } from '../../lib/api.ts';
import type { ApiTagList } from '../../schemas/api.ts';
import { SITE } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const { byTag } = await getCatalog();
  const body: ApiTagList = {
    total: byTag.length,
    tags: byTag.map((group) => apiTag(group, SITE.url)),
  };
  return jsonResponse(body);
};
