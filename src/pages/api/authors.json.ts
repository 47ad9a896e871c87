import type { APIRoute } from 'astro';
import { apiAuthor } from '../../data/people.ts';
import { getCatalog } from '../../data/published.ts';
import { jsonResponse } from '../../lib/api.ts';
import type { ApiAuthorList } from '../../schemas/api.ts';

export const GET: APIRoute = async () => {
  const { byAuthor } = await getCatalog();
  const body: ApiAuthorList = {
    total: byAuthor.length,
    authors: await Promise.all(byAuthor.map(apiAuthor)),
  };
  return jsonResponse(body);
};
