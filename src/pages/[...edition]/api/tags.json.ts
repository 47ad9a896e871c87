import { perEdition, type Edition } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/published.ts';
import { apiTag, jsonResponse } from '../../../lib/api.ts';
import type { ApiTagList } from '../../../schemas/api.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (() => perEdition(() => [{}])) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = async ({ props: { edition } }) => {
  const { byTag } = await getCatalog(edition);
  const body: ApiTagList = {
    total: byTag.length,
    tags: byTag.map((group) => apiTag(edition, group, SITE.url)),
  };
  return jsonResponse(body);
};
