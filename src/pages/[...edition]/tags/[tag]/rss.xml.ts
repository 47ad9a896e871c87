import { perEdition, type Edition } from '../../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleFeed } from '../../../../data/feeds.ts';
import { getCatalog } from '../../../../data/published.ts';
import type { TagGroup } from '../../../../lib/catalog.ts';
import { tagPath } from '../../../../lib/routes.ts';

export const getStaticPaths = (() =>
  perEdition(async (edition) => {
    const { byTag } = await getCatalog(edition);
    return byTag.map((group) => ({ params: { tag: group.tag.slug }, props: { group } }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition; group: TagGroup }> = async ({
  props: { edition, group },
}) =>
  articleFeed({
    edition,
    title: `${group.tag.name} | ${edition.title}`,
    description: edition.strings.listings.tag(group.tag.name),
    path: `${tagPath(edition, group.tag.slug)}rss.xml`,
    articles: group.articles,
  });
