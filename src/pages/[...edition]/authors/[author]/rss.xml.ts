import { perEdition, type Edition } from '../../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleFeed } from '../../../../data/feeds.ts';
import { getCatalog, type AuthorGroup } from '../../../../data/published.ts';
import { authorPath } from '../../../../lib/routes.ts';

export const getStaticPaths = (() =>
  perEdition(async (edition) => {
    const { byAuthor } = await getCatalog(edition);
    return byAuthor.map((group) => ({ params: { author: group.named.slug }, props: { group } }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition; group: AuthorGroup }> = async ({
  props: { edition, group },
}) =>
  articleFeed({
    edition,
    title: `${group.named.name} | ${edition.title}`,
    description: edition.strings.listings.author(group.named.name),
    path: `${authorPath(edition, group.named.slug)}rss.xml`,
    articles: group.articles,
  });
