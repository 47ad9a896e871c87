import { uiStrings } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleFeed } from '../../../data/feeds.ts';
import { getCatalog, type SectionGroup } from '../../../data/published.ts';
import { sectionPath } from '../../../lib/routes.ts';
import { SITE } from '../../../site.config.ts';

const ui = uiStrings();

export const getStaticPaths = (async () => {
  const { bySection } = await getCatalog();
  return bySection.map((group) => ({ params: { section: group.named.slug }, props: { group } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ group: SectionGroup }> = async ({ props: { group } }) =>
  articleFeed({
    title: `${group.named.name} | ${SITE.title}`,
    description: group.named.entry?.description ?? ui.listings.section(group.named.name),
    path: `${sectionPath(group.named.slug)}rss.xml`,
    articles: group.articles,
  });
