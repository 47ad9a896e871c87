import { perEdition, type Edition } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/published.ts';
import { apiArticleListPages, jsonResponse } from '../../../lib/api.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (() => perEdition(() => [{}])) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = async ({ props: { edition } }) => {
  const { articles, tags } = await getCatalog(edition);
  return jsonResponse(
    apiArticleListPages(edition, articles, tags, SITE.url, SITE.apiPerPage, SITE.timeZone)[0],
  );
};
