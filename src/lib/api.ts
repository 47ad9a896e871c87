import { EDITIONS } from '../i18n/index.ts';
import { editionOf } from './editions.ts';
import type { ApiArticleList, ApiArticleRef, ApiArticleSummary, ApiTag } from '../schemas/api.ts';
import { articleTags, monthSegment, type ArticleSummary, type TagGroup } from './catalog.ts';
import { zonedParts } from './dates.ts';
import { apiPath, authorPath, sectionPath, tagPath, type Prefixed } from './routes.ts';
import type { Tag } from './tags.ts';

/** Absolute URL of a site path under `origin`. */
export function absolute(origin: string, path: string): string {
  return new URL(path, origin).href;
}

/** Path of page `n` of an edition's article list: `/api/articles.json`, `/ru/api/articles/page/2.json`. */
export function articleListPath(edition: Prefixed, n: number): string {
  return apiPath(edition, n === 1 ? 'articles.json' : `articles/page/${n}.json`);
}

/**
 * Path of an article's own JSON, in the folder of its month (in `timeZone`), so that no folder of
 * the API holds more than a month's stories: `/api/articles/2026/11/<slug>.json`.
 */
export function articleJsonPath(
  edition: Prefixed,
  article: { slug: string; date: Date },
  timeZone: string,
): string {
  const { year, month } = zonedParts(article.date, timeZone);
  return apiPath(edition, `articles/${year}/${monthSegment(month)}/${article.slug}.json`);
}

/** What lists of a tag's, an author's or a section's articles give of each: enough to link it. */
export function apiArticleRef(
  article: ArticleSummary,
  origin: string,
  timeZone: string,
): ApiArticleRef {
  const edition = editionOf(article.lang, EDITIONS) ?? EDITIONS[0]!;
  return {
    slug: article.slug,
    url: absolute(origin, article.path),
    api: absolute(origin, articleJsonPath(edition, article, timeZone)),
    title: article.title,
    date: article.date.toISOString(),
  };
}

/** An article's metadata as the API publishes it. */
export function apiArticleSummary(
  article: ArticleSummary,
  tags: ReadonlyMap<string, Tag>,
  origin: string,
  timeZone: string,
): ApiArticleSummary {
  const edition = editionOf(article.lang, EDITIONS) ?? EDITIONS[0]!;
  const { slug, url, api, title, date } = apiArticleRef(article, origin, timeZone);
  return {
    slug,
    lang: article.lang,
    url,
    api,
    title,
    date,
    updated: (article.revised ?? article.updated)?.toISOString(),
    tags: articleTags(article, tags).map(({ name, slug }) => ({ name, slug })),
    authors: (article.authors ?? []).map(({ name, slug }) => ({
      name,
      slug,
      url: absolute(origin, authorPath(edition, slug)),
    })),
    ...(article.section
      ? {
          section: {
            ...article.section,
            url: absolute(origin, sectionPath(edition, article.section.slug)),
          },
        }
      : {}),
    ...(article.authors?.[0] ? { author: article.authors[0].name } : {}),
    summary: article.summary,
  };
}

/** The article list split into pages of `perPage`; an empty site still has page 1. */
export function apiArticleListPages(
  edition: Prefixed,
  articles: readonly ArticleSummary[],
  tags: ReadonlyMap<string, Tag>,
  origin: string,
  perPage: number,
  timeZone: string,
): ApiArticleList[] {
  const pages = Math.max(1, Math.ceil(articles.length / perPage));
  return Array.from({ length: pages }, (_, i) => ({
    total: articles.length,
    page: i + 1,
    pages,
    next: i + 1 < pages ? absolute(origin, articleListPath(edition, i + 2)) : null,
    prev: i > 0 ? absolute(origin, articleListPath(edition, i)) : null,
    articles: articles
      .slice(i * perPage, (i + 1) * perPage)
      .map((article) => apiArticleSummary(article, tags, origin, timeZone)),
  }));
}

/** A tag with its count and addresses. */
export function apiTag(edition: Prefixed, { tag, articles }: TagGroup, origin: string): ApiTag {
  return {
    name: tag.name,
    slug: tag.slug,
    ...(tag.description ? { description: tag.description } : {}),
    count: articles.length,
    url: absolute(origin, tagPath(edition, tag.slug)),
    api: absolute(origin, apiPath(edition, `tags/${tag.slug}.json`)),
    feed: absolute(origin, `${tagPath(edition, tag.slug)}rss.xml`),
  };
}

/** JSON for a `<script type="application/ld+json">`: no `<`, `>` or `&` can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A JSON response body, compact: a site's API is thousands of files, and indentation would add a
 * fifth to each (any JSON viewer, or `jq`, lays it out for people).
 */
export function jsonResponse(value: unknown): Response {
  return new Response(`${JSON.stringify(value)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
