import { uiStrings } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleFeed } from '../../../data/feeds.ts';
import { getCatalog, type AuthorGroup } from '../../../data/published.ts';
import { authorPath } from '../../../lib/routes.ts';
import { SITE } from '../../../site.config.ts';

const ui = uiStrings();

export const getStaticPaths = (async () => {
  const { byAuthor } = await getCatalog();
  return byAuthor.map((group) => ({ params: { author: group.named.slug }, props: { group } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ group: AuthorGroup }> = async ({ props: { group } }) =>
  articleFeed({
    title: `${group.named.name} | ${SITE.title}`,
    description: ui.listings.author(group.named.name),
    path: `${authorPath(group.named.slug)}rss.xml`,
    articles: group.articles,
  });
