import { perEdition, type Edition } from '../../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCacheKeys } from '../../../../data/cache-keys.ts';
import { apiSection } from '../../../../data/people.ts';
import { getCatalog, type SectionGroup } from '../../../../data/published.ts';
import { apiArticleRef, jsonResponse } from '../../../../lib/api.ts';
import type { ApiSectionDetail } from '../../../../schemas/api.ts';
import { SITE } from '../../../../site.config.ts';

export const getStaticPaths = (() =>
  perEdition(async (edition) => {
    const [{ bySection }, keys] = await Promise.all([getCatalog(edition), getCacheKeys(edition)]);
    return bySection.map((group) => ({
      params: { slug: group.named.slug },
      props: { group },
      cacheKey: keys.listing({ items: group.articles }, group.named),
    }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition; group: SectionGroup }> = async ({
  props: { edition, group },
}) => {
  const body: ApiSectionDetail = {
    ...apiSection(edition, group),
    articles: group.articles.map((article) => apiArticleRef(article, SITE.url, SITE.timeZone)),
  };
  return jsonResponse(body);
};
