import type { APIRoute, GetStaticPaths } from 'astro';
import { getCacheKeys } from '../../../data/cache-keys.ts';
import { apiAuthor } from '../../../data/people.ts';
import { getCatalog, type AuthorGroup } from '../../../data/published.ts';
import { apiArticleSummary, jsonResponse } from '../../../lib/api.ts';
import type { ApiAuthorDetail } from '../../../schemas/api.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const [{ byAuthor }, keys] = await Promise.all([getCatalog(), getCacheKeys()]);
  return byAuthor.map((group) => ({
    params: { slug: group.named.slug },
    props: { group },
    cacheKey: keys.listing({ items: group.articles }, group.named),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ group: AuthorGroup }> = async ({ props: { group } }) => {
  const { tags } = await getCatalog();
  const body: ApiAuthorDetail = {
    ...(await apiAuthor(group)),
    articles: group.articles.map((article) => apiArticleSummary(article, tags, SITE.url)),
  };
  return jsonResponse(body);
};
