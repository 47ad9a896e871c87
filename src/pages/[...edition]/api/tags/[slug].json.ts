import { perEdition, type Edition } from '../../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../../data/published.ts';
import { getCacheKeys } from '../../../../data/cache-keys.ts';
import { apiArticleRef, apiTag, jsonResponse } from '../../../../lib/api.ts';
import type { TagGroup } from '../../../../lib/catalog.ts';
import type { ApiTagDetail } from '../../../../schemas/api.ts';
import { SITE } from '../../../../site.config.ts';

export const getStaticPaths = (() =>
  perEdition(async (edition) => {
    const [{ byTag }, keys] = await Promise.all([getCatalog(edition), getCacheKeys(edition)]);
    return byTag.map((group) => ({
      params: { slug: group.tag.slug },
      props: { group },
      cacheKey: keys.listing({ items: group.articles }, group.tag),
    }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition; group: TagGroup }> = async ({
  props: { edition, group },
}) => {
  const body: ApiTagDetail = {
    ...apiTag(edition, group, SITE.url),
    articles: group.articles.map((a) => apiArticleRef(a, SITE.url, SITE.timeZone)),
  };
  return jsonResponse(body);
};
