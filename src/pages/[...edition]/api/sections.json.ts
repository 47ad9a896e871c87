import { perEdition, type Edition } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiSection } from '../../../data/people.ts';
import { getCatalog } from '../../../data/published.ts';
import { jsonResponse } from '../../../lib/api.ts';
import type { ApiSectionList } from '../../../schemas/api.ts';

export const getStaticPaths = (() => perEdition(() => [{}])) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = async ({ props: { edition } }) => {
  const { bySection } = await getCatalog(edition);
  const body: ApiSectionList = {
    total: bySection.length,
    sections: bySection.map((group) => apiSection(edition, group)),
  };
  return jsonResponse(body);
};
