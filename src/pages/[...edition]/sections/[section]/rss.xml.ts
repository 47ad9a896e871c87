import { perEdition, type Edition } from '../../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleFeed } from '../../../../data/feeds.ts';
import { getCatalog, type SectionGroup } from '../../../../data/published.ts';
import { sectionPath } from '../../../../lib/routes.ts';

export const getStaticPaths = (() =>
  perEdition(async (edition) => {
    const { bySection } = await getCatalog(edition);
    return bySection.map((group) => ({ params: { section: group.named.slug }, props: { group } }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition; group: SectionGroup }> = async ({
  props: { edition, group },
}) =>
  articleFeed({
    edition,
    title: `${group.named.name} | ${edition.title}`,
    description:
      group.named.entry?.description ?? edition.strings.listings.section(group.named.name),
    path: `${sectionPath(edition, group.named.slug)}rss.xml`,
    articles: group.articles,
  });
