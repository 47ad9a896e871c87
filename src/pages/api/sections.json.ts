import type { APIRoute } from 'astro';
import { apiSection } from '../../data/people.ts';
import { getCatalog } from '../../data/published.ts';
import { jsonResponse } from '../../lib/api.ts';
import type { ApiSectionList } from '../../schemas/api.ts';

export const GET: APIRoute = async () => {
  const { bySection } = await getCatalog();
  const body: ApiSectionList = { total: bySection.length, sections: bySection.map(apiSection) };
  return jsonResponse(body);
};
