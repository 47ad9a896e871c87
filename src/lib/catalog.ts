import type { ImageMetadata } from 'astro';
import { zonedParts } from './dates.ts';
import { canonicalTag, collectTags, NO_REGISTRY, tagKey, type Tag, type TagIndex } from './tags.ts';

/** An author or section as an article refers to it: display name and URL slug. */
export interface NameRef {
  name: string;
  slug: string;
}

/** What listings, feeds and the API need of an article: small, so pages stay light to render. */
export interface ArticleSummary {
  /** The URL slug within its edition. */
  slug: string;
  /** The content entry id: the slug, `ru/<slug>` outside the default edition. */
  id: string;
  /** The `lang` of the article's edition. */
  lang: string;
  /** Its page, as a path of the site (`/ru/articles/<slug>/`). */
  path: string;
  title: string;
  date: Date;
  updated?: Date;
  /** The latest of `updated` and the corrections' dates: what listings mark as "Updated". */
  revised?: Date;
  /** The byline's authors in order, under their registered names; none without a byline. */
  authors?: NameRef[];
  /** The section (desk), under its registered name. */
  section?: NameRef;
  /** The lead photo, for thumbnails: image metadata for a photo beside the article, else its URL. */
  photo?: { src: ImageMetadata | string; alt: string };
  summary?: string;
  /** Marked to lead the front page. */
  featured?: boolean;
  /** Shared by the versions of one story in other editions. */
  translationKey?: string;
  /** Tags as the author wrote them, aliases replaced by their registered names. */
  tags: string[];
  excerpt: string;
}

/** An article's corrections in the order they were made, oldest first. */
export function correctionsInOrder<T extends { date: Date }>(corrections: readonly T[] = []): T[] {
  return [...corrections].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** When an article was last revised: the latest of `updated` and its corrections, if any. */
export function lastRevision(article: {
  updated?: Date;
  corrections?: ReadonlyArray<{ date: Date }>;
}): Date | undefined {
  const dates = [article.updated, ...(article.corrections ?? []).map(({ date }) => date)].filter(
    (date): date is Date => date !== undefined,
  );
  return dates.length === 0
    ? undefined
    : new Date(Math.max(...dates.map((date) => date.getTime())));
}

/** A tag with its published articles, newest first. */
export interface TagGroup {
  tag: Tag;
  articles: ArticleSummary[];
}

/** One month of the archive. */
export interface MonthGroup {
  year: number;
  /** 1–12. */
  month: number;
  articles: ArticleSummary[];
}

/** One year of the archive, its months newest first. */
export interface YearGroup {
  year: number;
  articles: ArticleSummary[];
  months: MonthGroup[];
}

/** Whether an article is out: not a draft, and dated at or before `now`. */
export function isPublished(article: { draft?: boolean; date: Date }, now: Date): boolean {
  return article.draft !== true && article.date.getTime() <= now.getTime();
}

/** Newest first; equal dates fall back to the slug so every build orders them alike. */
export function newestFirst(
  a: Pick<ArticleSummary, 'date' | 'slug'>,
  b: Pick<ArticleSummary, 'date' | 'slug'>,
): number {
  return b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * Every tag of `articles` (given newest first) with its articles in the same order, tags sorted
 * by display name. An article that repeats a tag in another spelling is listed once.
 * Registered tags take their name, slug and description from `index`.
 */
export function groupByTag(
  articles: readonly ArticleSummary[],
  index: TagIndex = NO_REGISTRY,
): TagGroup[] {
  const tags = collectTags(
    articles.map((article) => article.tags),
    index,
  );
  const groups = new Map<string, ArticleSummary[]>();
  for (const article of articles) {
    for (const key of new Set(article.tags.map((tag) => tagKey(canonicalTag(tag, index))))) {
      const list = groups.get(key);
      if (list) list.push(article);
      else groups.set(key, [article]);
    }
  }
  return [...groups]
    .map(([key, list]) => ({ tag: tags.get(key)!, articles: list }))
    .sort(
      (a, b) =>
        a.tag.name.localeCompare(b.tag.name, 'en', { sensitivity: 'base' }) ||
        a.tag.slug.localeCompare(b.tag.slug),
    );
}

/** The archive: `articles` (given newest first) by year and month on the calendar of `timeZone`, newest first. */
export function groupByMonth(articles: readonly ArticleSummary[], timeZone: string): YearGroup[] {
  const years = new Map<number, YearGroup>();
  for (const article of articles) {
    const { year, month } = zonedParts(article.date, timeZone);
    let yearGroup = years.get(year);
    if (!yearGroup) {
      yearGroup = { year, articles: [], months: [] };
      years.set(year, yearGroup);
    }
    yearGroup.articles.push(article);
    let monthGroup = yearGroup.months.find((group) => group.month === month);
    if (!monthGroup) {
      monthGroup = { year, month, articles: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.articles.push(article);
  }
  const sorted = [...years.values()].sort((a, b) => b.year - a.year);
  for (const year of sorted) year.months.sort((a, b) => b.month - a.month);
  return sorted;
}

/** The tags of one article in its own order, resolved to their display names and slugs. */
export function articleTags(
  article: Pick<ArticleSummary, 'tags'>,
  all: ReadonlyMap<string, Tag>,
): Tag[] {
  const seen = new Set<string>();
  const out: Tag[] = [];
  for (const raw of article.tags) {
    const key = tagKey(raw);
    const tag = all.get(key);
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** Two-digit month for URLs: `03`. */
export function monthSegment(month: number): string {
  return String(month).padStart(2, '0');
}
