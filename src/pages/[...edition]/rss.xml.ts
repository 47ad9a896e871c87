import { pagePath } from '../../lib/routes.ts';
import { perEdition, type Edition } from '../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleFeed } from '../../data/feeds.ts';
import { getCatalog } from '../../data/published.ts';

export const getStaticPaths = (() => perEdition(() => [{}])) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = async ({ props: { edition } }) =>
  articleFeed({
    title: edition.title,
    description: edition.description,
    edition,
    path: pagePath(edition, 'feed'),
    articles: (await getCatalog(edition)).articles,
  });
