import { groupByMonth, groupByTag, monthSegment, type ArticleSummary } from './catalog.ts';
import { pageCount, pageUrl, type PageScheme, type PageSizes } from './pagination.ts';
import type { TagIndex } from './tags.ts';
import type { Redirect } from '../schemas/redirects.ts';
import { localPath, type Edition } from './editions.ts';

/** Where an edition's paths start: `''` for the default edition, `/ru` for Russian. */
export type Prefixed = Pick<Edition, 'prefix'>;

/** Pages every edition has once, by their path from the edition's root. */
export const EDITION_PAGES = {
  front: '/',
  /** The first page of every published article, newest first (the front page's "Latest" in full). */
  latest: '/latest/',
  tags: '/tags/',
  authors: '/authors/',
  sections: '/sections/',
  archive: '/archive/',
  search: '/search/',
  feed: '/rss.xml',
  api: '/api/',
} as const;

/** One of an edition's fixed pages, as a path of the site: `pagePath(ru, 'tags')` → `/ru/tags/`. */
export function pagePath(edition: Prefixed, page: keyof typeof EDITION_PAGES): string {
  return localPath(edition, EDITION_PAGES[page]);
}

/**
 * The small documents every page of an edition includes in a frame: what changes every day
 * (the date, the rates, the newest headlines) lives there, so a page changes only when what it
 * shows of its own does (docs/deploy.md, "Daily builds").
 */
export const INCLUDES = {
  /** The masthead's band: today's date and the rates ticker. */
  today: '/today/',
  /** The side column's newest headlines. */
  latest: '/today/latest/',
} as const;

/** One of an edition's included documents: `includePath(ru, 'today')` → `/ru/today/`. */
export function includePath(edition: Prefixed, name: keyof typeof INCLUDES): string {
  return localPath(edition, INCLUDES[name]);
}

/** Every edition's included documents, as paths of the site. */
export function includePaths(editions: readonly Prefixed[]): string[] {
  return editions.flatMap((edition) =>
    (Object.keys(INCLUDES) as (keyof typeof INCLUDES)[]).map((name) => includePath(edition, name)),
  );
}

/** A file of an edition's JSON API: `apiPath(ru, 'tags.json')` → `/ru/api/tags.json`. */
export function apiPath(edition: Prefixed, file: string): string {
  return localPath(edition, `${EDITION_PAGES.api}${file}`);
}

/** An article's page. */
export function articlePath(edition: Prefixed, slug: string): string {
  return localPath(edition, `/articles/${slug}/`);
}

/** A tag's first page. */
export function tagPath(edition: Prefixed, slug: string): string {
  return localPath(edition, `/tags/${slug}/`);
}

/** An author's first page. */
export function authorPath(edition: Prefixed, slug: string): string {
  return localPath(edition, `/authors/${slug}/`);
}

/** A section's first page. */
export function sectionPath(edition: Prefixed, slug: string): string {
  return localPath(edition, `/sections/${slug}/`);
}

/** A year's or a month's first page in the archive. */
export function archivePath(edition: Prefixed, year: number, month?: number): string {
  return localPath(
    edition,
    month === undefined ? `/archive/${year}/` : `/archive/${year}/${monthSegment(month)}/`,
  );
}

/** The latest articles' pages of the default edition (the site's root), for the redirects below. */
const ROOT: Prefixed = { prefix: '' };

/**
 * Where the default edition's latest articles' pages were before the front page took `/`:
 * `/page/2/` …, each now a redirect to the first page of `/latest/` (page numbers counted from
 * the newest then, from the oldest now: see `ListingPage`).
 */
export function retiredLatestPages(total: number, perPage: number): Redirect[] {
  return Array.from({ length: pageCount(total, perPage) - 1 }, (_, i) => ({
    from: `/page/${i + 2}/`,
    to: pagePath(ROOT, 'latest'),
  }));
}

/**
 * A tag's pages: the first shows its newest `perPage` stories with their excerpts (`Viewing
 * results 1 - 6 of 14`), the older ones `teaserPerPage` teasers each, as the other listings do.
 */
export function tagPageSizes(site: { perPage: number; teaserPerPage: number }): PageSizes {
  return { first: site.perPage, older: site.teaserPerPage };
}

/** How the listings name their pages; see {@link PageScheme}. */
export const schemes = {
  latest: (edition: Prefixed): PageScheme => ({ base: pagePath(edition, 'latest'), segment: '' }),
  tag: (edition: Prefixed, slug: string): PageScheme => ({
    base: tagPath(edition, slug),
    segment: '',
  }),
  author: (edition: Prefixed, slug: string): PageScheme => ({
    base: authorPath(edition, slug),
    segment: '',
  }),
  section: (edition: Prefixed, slug: string): PageScheme => ({
    base: sectionPath(edition, slug),
    segment: '',
  }),
  month: (edition: Prefixed, year: number, month: number): PageScheme => ({
    base: archivePath(edition, year, month),
    segment: 'page/',
  }),
} as const;

/** Pages and files of the site's root, whatever the content and however many editions. */
const ROOT_PATHS: readonly string[] = ['/404.html', '/robots.txt', '/sitemap-news.xml', '/admin/'];

/** Pages and files every edition has, whatever the content, as paths of the site. */
export function fixedPaths(editions: readonly Prefixed[]): string[] {
  return [
    ...ROOT_PATHS,
    ...editions.flatMap((edition) =>
      (Object.keys(EDITION_PAGES) as (keyof typeof EDITION_PAGES)[])
        .filter((page) => page !== 'api')
        .map((page) => pagePath(edition, page)),
    ),
    ...includePaths(editions),
  ];
}

/** Folders of each edition the build owns entirely: nothing else may be written under them. */
const EDITION_FOLDERS = [
  '/api/',
  '/pagefind/',
  '/authors/',
  '/sections/',
  EDITION_PAGES.latest,
  INCLUDES.today,
];

/** Folders the build owns entirely, in every edition: nothing else may be written under them. */
export function reservedPrefixes(editions: readonly Prefixed[]): string[] {
  return [
    '/_astro/',
    '/admin/',
    ...editions.flatMap((edition) => EDITION_FOLDERS.map((folder) => localPath(edition, folder))),
  ];
}

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

function listingPaths(total: number, perPage: number | PageSizes, scheme: PageScheme): string[] {
  return Array.from({ length: pageCount(total, perPage) }, (_, i) => pageUrl(scheme, i + 1));
}

/**
 * Every HTML page path an edition builds for `articles` (published, newest first): articles,
 * listings with all their pages (a tag's first page `perPage`, the rest `teaserPerPage`), the
 * archive's years, tag feeds (the fixed pages are {@link fixedPaths}). Redirects must not land on
 * any.
 */
export function livePagePaths(
  edition: Prefixed,
  articles: readonly ArticleSummary[],
  index: TagIndex,
  pageSizes: { perPage: number; teaserPerPage: number },
  timeZone: string,
): Set<string> {
  const { teaserPerPage } = pageSizes;
  const paths = new Set<string>();
  for (const article of articles) paths.add(articlePath(edition, article.slug));
  for (const path of listingPaths(articles.length, teaserPerPage, schemes.latest(edition)))
    paths.add(path);
  for (const { tag, articles: tagged } of groupByTag(articles, index)) {
    for (const path of listingPaths(
      tagged.length,
      tagPageSizes(pageSizes),
      schemes.tag(edition, tag.slug),
    ))
      paths.add(path);
    paths.add(`${tagPath(edition, tag.slug)}rss.xml`);
  }
  for (const year of groupByMonth(articles, timeZone)) {
    paths.add(archivePath(edition, year.year));
    for (const month of year.months) {
      for (const path of listingPaths(
        month.articles.length,
        teaserPerPage,
        schemes.month(edition, month.year, month.month),
      ))
        paths.add(path);
    }
  }
  return paths;
}

/** Pages each edition has once, besides feeds and the API: the same page in every language. */
const SHARED_PAGES = [
  'front',
  'latest',
  'tags',
  'authors',
  'sections',
  'archive',
  'search',
] as const;

/** The versions, one per edition, of each page every edition has (front page, archive…). */
export function sharedPageVersions(
  editions: readonly Pick<Edition, 'prefix' | 'lang'>[],
): { lang: string; path: string }[][] {
  return SHARED_PAGES.map((page) =>
    editions.map((edition) => ({ lang: edition.lang, path: pagePath(edition, page) })),
  );
}
