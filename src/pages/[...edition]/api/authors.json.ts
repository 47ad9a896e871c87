import { perEdition, type Edition } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiAuthor } from '../../../data/people.ts';
import { getCatalog } from '../../../data/published.ts';
import { jsonResponse } from '../../../lib/api.ts';
import type { ApiAuthorList } from '../../../schemas/api.ts';

export const getStaticPaths = (() => perEdition(() => [{}])) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = async ({ props: { edition } }) => {
  const { byAuthor } = await getCatalog(edition);
  const body: ApiAuthorList = {
    total: byAuthor.length,
    authors: await Promise.all(byAuthor.map((group) => apiAuthor(edition, group))),
  };
  return jsonResponse(body);
};
