import { perEdition, type Edition } from '../../../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../../../data/published.ts';
import { getCacheKeys } from '../../../../../data/cache-keys.ts';
import { apiArticleListPages, jsonResponse } from '../../../../../lib/api.ts';
import type { ApiArticleList } from '../../../../../schemas/api.ts';
import { SITE } from '../../../../../site.config.ts';

export const getStaticPaths = (() =>
  perEdition(async (edition) => {
    const [{ articles, tags }, keys] = await Promise.all([
      getCatalog(edition),
      getCacheKeys(edition),
    ]);
    return apiArticleListPages(edition, articles, tags, SITE.url, SITE.apiPerPage, SITE.timeZone)
      .slice(1)
      .map((list) => ({
        params: { page: String(list.page) },
        props: { list },
        cacheKey: keys.listing({ ...list, items: list.articles }),
      }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition; list: ApiArticleList }> = ({ props }) =>
  jsonResponse(props.list);
