import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/published.ts';
import type { TagGroup } from '../../../lib/catalog.ts';
import { channelData, FEED_NAMESPACES, feedItem } from '../../../lib/feeds.ts';
import { tagPath } from '../../../lib/routes.ts';
import { SITE } from '../../../site.config.ts';
import { NOW } from '../../../data/build-context.ts';

export const getStaticPaths = (async () => {
  const { byTag } = await getCatalog();
  return byTag.map((group) => ({ params: { tag: group.tag.slug }, props: { group } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ group: TagGroup }> = async ({ props: { group } }) => {
  const { tags } = await getCatalog();
  return rss({
    title: `${group.tag.name} | ${SITE.title}`,
    description: `Articles tagged ${group.tag.name}.`,
    site: SITE.url,
    items: group.articles.slice(0, SITE.feedItems).map((article) => feedItem(article, tags)),
    xmlns: FEED_NAMESPACES,
    customData: channelData({
      lang: SITE.lang,
      selfUrl: new URL(`${tagPath(group.tag.slug)}rss.xml`, SITE.url).href,
      now: NOW,
    }),
  });
};
