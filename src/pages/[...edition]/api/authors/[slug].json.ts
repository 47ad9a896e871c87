import { perEdition, type Edition } from '../../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCacheKeys } from '../../../../data/cache-keys.ts';
import { apiAuthor } from '../../../../data/people.ts';
import { getCatalog, type AuthorGroup } from '../../../../data/published.ts';
import { apiArticleRef, jsonResponse } from '../../../../lib/api.ts';
import type { ApiAuthorDetail } from '../../../../schemas/api.ts';
import { SITE } from '../../../../site.config.ts';

export const getStaticPaths = (() =>
  perEdition(async (edition) => {
    const [{ byAuthor }, keys] = await Promise.all([getCatalog(edition), getCacheKeys(edition)]);
    return byAuthor.map((group) => ({
      params: { slug: group.named.slug },
      props: { group },
      cacheKey: keys.listing({ items: group.articles }, group.named),
    }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition; group: AuthorGroup }> = async ({
  props: { edition, group },
}) => {
  const body: ApiAuthorDetail = {
    ...(await apiAuthor(edition, group)),
    articles: group.articles.map((article) => apiArticleRef(article, SITE.url, SITE.timeZone)),
  };
  return jsonResponse(body);
};
