import { uiStrings } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleFeed } from '../../../data/feeds.ts';
import { getCatalog } from '../../../data/published.ts';
import type { TagGroup } from '../../../lib/catalog.ts';
import { tagPath } from '../../../lib/routes.ts';
import { SITE } from '../../../site.config.ts';

const ui = uiStrings();

export const getStaticPaths = (async () => {
  const { byTag } = await getCatalog();
  return byTag.map((group) => ({ params: { tag: group.tag.slug }, props: { group } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ group: TagGroup }> = async ({ props: { group } }) =>
  articleFeed({
    title: `${group.tag.name} | ${SITE.title}`,
    description: ui.listings.tag(group.tag.name),
    path: `${tagPath(group.tag.slug)}rss.xml`,
    articles: group.articles,
  });
