import { type ArticleFrontmatter } from '../schemas/article.ts';
import type { Redirect } from '../schemas/redirects.ts';
import { isPublished, newestFirst, type ArticleSummary } from '../lib/catalog.ts';
import { fieldLocator, type Position, type Problem } from '../lib/problems.ts';
import { planRedirects, type RedirectRequest } from '../lib/redirects.ts';
import { DEFAULT_EDITION, EDITIONS } from '../i18n/index.ts';
import { editionOf, type Edition } from '../lib/editions.ts';
import {
  articlePath,
  fixedPaths,
  livePagePaths,
  RETIRED_LATEST,
  retiredLatestPages,
  sectionPath,
  tagPath,
} from '../lib/routes.ts';

function parseYamlSafe(source: string): unknown {
  try {
    return parseYaml(source);
  } catch {
    return undefined;
  }
}
import { toSlug } from '../lib/slug.ts';
import { slugOf } from '../lib/registry.ts';
import { registryItems } from '../schemas/registry-fields.ts';
import type { SectionEntry } from '../schemas/sections.ts';
import { parse as parseYaml } from 'yaml';
import { collectTags, type TagIndex } from '../lib/tags.ts';
import type { CheckedArticle } from './article.ts';
import { locateField } from './issues.ts';

/** What listings need of a checked article, for the set of live pages. */
function summaryOf(article: CheckedArticle & { data: ArticleFrontmatter }): ArticleSummary {
  const { title, date, tags } = article.data;
  const edition = editionOfArticle(article);
  return {
    slug: article.slug,
    id: article.key,
    lang: article.edition,
    path: articlePath(edition, article.slug),
    title,
    date,
    tags,
    excerpt: '',
  };
}

/** The edition of a checked article, as paths need it. */
function editionOfArticle(article: CheckedArticle): Edition {
  return editionOf(article.edition, EDITIONS) ?? DEFAULT_EDITION;
}

/**
 * The redirects the site will serve, from articles' `redirectFrom` and the registry's tag
 * `redirectFrom` and aliases, and the problems with them (see {@link planRedirects}).
 * Redirects to articles not yet published are left out until they are, with a warning.
 */
export function checkRedirects(
  articles: readonly CheckedArticle[],
  indexFor: (lang: string) => TagIndex,
  registry: { file: string; source: string } | undefined,
  site: {
    perPage: number;
    teaserPerPage: number;
    timeZone: string;
    now: Date;
    publicPaths?: readonly string[];
  },
  sections?: { file: string; source: string; entries: readonly SectionEntry[] },
): { redirects: Redirect[]; problems: Problem[] } {
  const valid = articles.filter(
    (article): article is CheckedArticle & { data: ArticleFrontmatter } =>
      article.data !== undefined,
  );
  const published = valid.filter((article) => isPublished(article.data, site.now));
  const index = indexFor(DEFAULT_EDITION.lang);
  // The latest articles' old pages redirect to their new place; no article may claim them.
  const retired = retiredLatestPages(
    published.filter((article) => editionOfArticle(article) === DEFAULT_EDITION).length,
    site.perPage,
  );
  // Files of public/ are copied into the site as they are: a redirect may not replace one either.
  const live = new Set([
    ...fixedPaths(EDITIONS),
    ...EDITIONS.flatMap((edition) => [
      ...livePagePaths(
        edition,
        published
          .filter((article) => editionOfArticle(article) === edition)
          .map(summaryOf)
          .sort(newestFirst),
        indexFor(edition.lang),
        site,
        site.timeZone,
      ),
    ]),
    ...(site.publicPaths ?? []),
    ...retired.map(({ from }) => from),
    // A registered section has its page whether or not it has stories yet.
    ...EDITIONS.flatMap((edition) =>
      (sections?.entries ?? []).map((entry) => sectionPath(edition, slugOf(entry))),
    ),
  ]);
  const problems: Problem[] = [];
  const requests: RedirectRequest[] = [];
  const locations = new Map<RedirectRequest, Position | undefined>();
  for (const article of valid) {
    const sources = article.data.redirectFrom ?? [];
    if (sources.length === 0) continue;
    if (!isPublished(article.data, site.now)) {
      problems.push({
        file: article.file,
        ...locateField(article, ['redirectFrom']),
        field: 'redirectFrom',
        message: 'the article is not published yet, so its redirects are written once it is',
        severity: 'warning',
      });
      continue;
    }
    sources.forEach((source, i) => {
      if (RETIRED_LATEST.test(source)) {
        problems.push({
          file: article.file,
          ...locateField(article, ['redirectFrom', i]),
          field: `redirectFrom[${i}]`,
          message: `redirect from ${source}: /page/… are the old addresses of the latest articles' pages, which the build redirects to /latest/ itself`,
          severity: 'error',
        });
        return;
      }
      const request: RedirectRequest = {
        source,
        kind: 'article',
        edition: editionOfArticle(article),
        to: articlePath(editionOfArticle(article), article.slug),
        file: article.file,
        field: `redirectFrom[${i}]`,
      };
      locations.set(request, locateField(article, ['redirectFrom', i]));
      requests.push(request);
    });
  }
  if (registry) {
    const locate = fieldLocator(registry.source);
    const tags = collectTags(
      [[...index.registered.values()].map(({ canonical }) => canonical)],
      index,
    );
    for (const [key, { canonical, entry }] of index.registered) {
      const to = tagPath(DEFAULT_EDITION, tags.get(key)!.slug);
      entry.redirectFrom.forEach((source, i) => {
        const request: RedirectRequest = {
          source,
          kind: 'tag',
          to,
          file: registry.file,
          field: `tags.${canonical}.redirectFrom[${i}]`,
        };
        locations.set(request, locate(['tags', canonical, 'redirectFrom', i]));
        requests.push(request);
      });
      entry.aliases.forEach((alias, i) => {
        const slug = toSlug(alias);
        if (slug !== '' && tagPath(DEFAULT_EDITION, slug) !== to)
          requests.push({
            source: slug,
            kind: 'tag',
            to,
            file: registry.file,
            field: `tags.${canonical}.aliases[${i}]`,
            implicit: true,
          });
      });
    }
  }
  if (sections) {
    const locate = fieldLocator(sections.source);
    const { items, path } = registryItems(parseYamlSafe(sections.source), 'sections');
    sections.entries.forEach((entry, i) => {
      const to = sectionPath(DEFAULT_EDITION, slugOf(entry));
      (entry.redirectFrom ?? []).forEach((source, j) => {
        const request: RedirectRequest = {
          source,
          kind: 'section',
          to,
          file: sections.file,
          field: `sections[${i}].redirectFrom[${j}]`,
        };
        locations.set(
          request,
          Array.isArray(items) ? locate([...path, i, 'redirectFrom', j]) : undefined,
        );
        requests.push(request);
      });
    });
  }
  const { redirects, conflicts } = planRedirects(requests, live);
  // With invalid articles left out, pages that will exist look missing; say so only of valid content.
  const complete = valid.length === articles.length;
  for (const { request, message } of conflicts.filter(
    (conflict) => complete || conflict.reason !== 'nowhere',
  )) {
    problems.push({
      file: request.file,
      ...locations.get(request),
      field: request.field,
      message,
      severity: 'error',
    });
  }
  return { redirects: [...retired, ...redirects], problems };
}
