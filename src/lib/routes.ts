import { groupByMonth, groupByTag, monthSegment, type ArticleSummary } from './catalog.ts';
import { pageBounds, pageUrl, type PageScheme } from './pagination.ts';
import type { TagIndex } from './tags.ts';
import type { Redirect } from '../schemas/redirects.ts';

/** An article's page. */
export function articlePath(slug: string): string {
  return `/articles/${slug}/`;
}

/** A tag's first page. */
export function tagPath(slug: string): string {
  return `/tags/${slug}/`;
}

/** The first page of every published article, newest first (the front page's "Latest" in full). */
export const LATEST_PATH = '/latest/';

/**
 * Where the latest articles' pages were before the front page took `/`: `/page/2/` …, each now a
 * redirect to the same page of {@link LATEST_PATH}.
 */
export function retiredLatestPages(total: number, perPage: number): Redirect[] {
  const { pages } = pageBounds(total, perPage, 1);
  return Array.from({ length: pages - 1 }, (_, i) => ({
    from: `/page/${i + 2}/`,
    to: pageUrl(schemes.latest(), i + 2),
  }));
}

/** An author's first page. */
export function authorPath(slug: string): string {
  return `/authors/${slug}/`;
}

/** A section's first page. */
export function sectionPath(slug: string): string {
  return `/sections/${slug}/`;
}

/** How the listings name their pages; see {@link PageScheme}. */
export const schemes = {
  latest: (): PageScheme => ({ base: LATEST_PATH, segment: '' }),
  tag: (slug: string): PageScheme => ({ base: tagPath(slug), segment: '' }),
  author: (slug: string): PageScheme => ({ base: authorPath(slug), segment: '' }),
  section: (slug: string): PageScheme => ({ base: sectionPath(slug), segment: '' }),
  year: (year: number): PageScheme => ({ base: `/archive/${year}/`, segment: 'page/' }),
  month: (year: number, month: number): PageScheme => ({
    base: `/archive/${year}/${monthSegment(month)}/`,
    segment: 'page/',
  }),
} as const;

/** Pages and files the site always has, whatever the content. */
export const FIXED_PATHS: readonly string[] = [
  '/',
  LATEST_PATH,
  '/404.html',
  '/archive/',
  '/search/',
  '/tags/',
  '/authors/',
  '/sections/',
  '/rss.xml',
  '/robots.txt',
  '/sitemap-news.xml',
  '/admin/',
];

/** Folders the build owns entirely: nothing else may be written under them. */
export const RESERVED_PREFIXES: readonly string[] = [
  '/_astro/',
  '/api/',
  '/pagefind/',
  '/admin/',
  '/authors/',
  '/sections/',
  // The latest articles' pages.
  LATEST_PATH,
];

/**
 * Where the latest articles' pages used to be (`/page/2/`…): the build redirects them itself, as
 * many as there are pages, so no article may claim one, however few pages there are today.
 */
export const RETIRED_LATEST = /^\/page(?:\/|$)/i;

/** Files the build owns at the site's root, read by hosts rather than readers. */
export const RESERVED_FILES: readonly string[] = [
  '/_redirects',
  '/_headers',
  '/sitemap-index.xml',
  '/sitemap-0.xml',
  '/robots.txt',
];

function listingPaths(total: number, perPage: number, scheme: PageScheme): string[] {
  const { pages } = pageBounds(total, perPage, 1);
  return Array.from({ length: pages }, (_, i) => pageUrl(scheme, i + 1));
}

/**
 * Every HTML page path the site builds for `articles` (published, newest first): articles,
 * listings with all their pages, tag feeds and the fixed pages. Redirects must not land on any.
 */
export function livePagePaths(
  articles: readonly ArticleSummary[],
  index: TagIndex,
  perPage: number,
  timeZone: string,
): Set<string> {
  const paths = new Set<string>(FIXED_PATHS);
  for (const article of articles) paths.add(articlePath(article.slug));
  for (const path of listingPaths(articles.length, perPage, schemes.latest())) paths.add(path);
  for (const { tag, articles: tagged } of groupByTag(articles, index)) {
    for (const path of listingPaths(tagged.length, perPage, schemes.tag(tag.slug))) paths.add(path);
    paths.add(`${tagPath(tag.slug)}rss.xml`);
  }
  for (const year of groupByMonth(articles, timeZone)) {
    for (const path of listingPaths(year.articles.length, perPage, schemes.year(year.year)))
      paths.add(path);
    for (const month of year.months) {
      for (const path of listingPaths(
        month.articles.length,
        perPage,
        schemes.month(month.year, month.month),
      ))
        paths.add(path);
    }
  }
  return paths;
}
