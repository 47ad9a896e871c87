import { getCollection, type CollectionEntry } from 'astro:content';
import {
  articleTags,
  groupByMonth,
  groupByTag,
  isPublished,
  lastRevision,
  newestFirst,
  type ArticleSummary,
  type NameRef,
  type TagGroup,
  type YearGroup,
} from '../lib/catalog.ts';
import { relatedArticles } from '../lib/related.ts';
import { groupByName, nameSlugCollisions, resolveName, type NameGroup } from '../lib/registry.ts';
import { bylineNames } from '../schemas/article.ts';
import type { AuthorEntry } from '../schemas/authors.ts';
import type { SectionEntry } from '../schemas/sections.ts';
import { leadPhoto } from './photos.ts';
import { getAuthorRegistry, getSectionRegistry } from './registries.ts';
import { canonicalTag, slugCollisions, tagKey, tagNames, type Tag } from '../lib/tags.ts';
import { EDITIONS, type Edition } from '../i18n/index.ts';
import { splitArticleKey } from '../lib/editions.ts';
import { articlePath, tagPath } from '../lib/routes.ts';
import { NOW } from './build-context.ts';
import { readExcerpt } from './bodies.ts';
import { getTagIndex } from './tag-registry.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type AuthorGroup = NameGroup<AuthorEntry, ArticleSummary>;
export type SectionGroup = NameGroup<SectionEntry, ArticleSummary>;

/** Everything an edition's pages select from, computed once per build. */
export interface Catalog {
  /** The edition the catalogue is of. */
  edition: Edition;
  /** Published entries, newest first, for article pages. */
  entries: ArticleEntry[];
  /** Summaries of the same articles in the same order, for listings. */
  articles: ArticleSummary[];
  /** The same summaries by slug. */
  bySlug: ReadonlyMap<string, ArticleSummary>;
  /** Every published tag by its key. */
  tags: ReadonlyMap<string, Tag>;
  /** Tags with their articles, sorted by name. */
  byTag: TagGroup[];
  /** The archive, newest year first. */
  byMonth: YearGroup[];
  /** Authors with their articles: the registry's in its order (even with none yet), then free names. */
  byAuthor: AuthorGroup[];
  /** Sections with their articles: the registry's in its order (even with none yet), then free names. */
  bySection: SectionGroup[];
  /** Each article's related articles (slugs, best first), computed once for the archive. */
  related: ReadonlyMap<string, string[]>;
}

/**
 * How an article names an author or section: the registry's entry, or, for a name the registry does
 * not hold, the spelling most articles use (as for tags), so every page shows one spelling.
 */
function nameRef(
  raw: string,
  registry: Parameters<typeof resolveName>[1],
  spellings: ReadonlyMap<string, string>,
): NameRef {
  const { name, slug, entry } = resolveName(raw, registry);
  if (entry) return { name, slug };
  return { name: spellings.get(tagKey(raw)) ?? name, slug };
}

/** The most common spelling of each free author and section name across `entries`. */
interface Spellings {
  authors: ReadonlyMap<string, string>;
  sections: ReadonlyMap<string, string>;
}

function summarise(entry: ArticleEntry, edition: Edition, spellings: Spellings): ArticleSummary {
  const { title, date, updated, summary, tags, derived, section, featured, translationKey } =
    entry.data;
  const revised = lastRevision(entry.data);
  const { slug } = splitArticleKey(entry.id, EDITIONS);
  const index = getTagIndex(edition.lang);
  const authors = bylineNames(entry.data).map((name) =>
    nameRef(name, getAuthorRegistry(edition.lang), spellings.authors),
  );
  const photo = leadPhoto(entry.data);
  const excerpt = derived
    ? readExcerpt(derived.bodyFile, { id: entry.id, digest: String(entry.digest) })
    : '';
  return {
    slug,
    id: entry.id,
    lang: edition.lang,
    path: articlePath(edition, slug),
    title,
    date,
    updated,
    ...(revised ? { revised } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(section
      ? { section: nameRef(section, getSectionRegistry(edition.lang), spellings.sections) }
      : {}),
    ...(photo ? { photo: { src: photo.src, alt: photo.alt } } : {}),
    summary,
    ...(featured ? { featured } : {}),
    ...(translationKey ? { translationKey } : {}),
    tags: tags.map((tag) => canonicalTag(tag, index)),
    excerpt,
  };
}

let everything: Promise<ArticleEntry[]> | undefined;

/** Every published entry of every edition, newest first. */
function getPublished(): Promise<ArticleEntry[]> {
  everything ??= getCollection('articles', ({ data }) => isPublished(data, NOW)).then((entries) =>
    entries.sort((a, b) =>
      newestFirst({ date: a.data.date, slug: a.id }, { date: b.data.date, slug: b.id }),
    ),
  );
  return everything;
}

const catalogs = new Map<string, Promise<Catalog>>();

/**
 * An edition's published catalogue: its articles only, names and tags in its language. Drafts and
 * articles dated after the build's "now" are never in it.
 */
export function getCatalog(edition: Edition): Promise<Catalog> {
  let catalog = catalogs.get(edition.lang);
  if (catalog) return catalog;
  catalog = (async () => {
    const entries = (await getPublished()).filter(
      (entry) => splitArticleKey(entry.id, EDITIONS).edition === edition,
    );
    const spellings: Spellings = {
      authors: tagNames(entries.map(({ data }) => bylineNames(data))),
      sections: tagNames(entries.map(({ data }) => (data.section ? [data.section] : []))),
    };
    const articles = entries.map((entry) => summarise(entry, edition, spellings));
    const byTag = groupByTag(articles, getTagIndex(edition.lang));
    const tags = new Map(byTag.map(({ tag }) => [tag.key, tag]));
    // scripts/build.ts reports this before Astro starts; `astro dev` has only this check.
    const [collision] = slugCollisions(tags.values());
    if (collision) {
      const names = collision.names.map((name) => `"${name}"`).join(' and ');
      throw new Error(
        `Tags ${names} would share the URL ${tagPath(edition, collision.slug)}; use one spelling`,
      );
    }
    const bySlug = new Map(articles.map((article) => [article.slug, article]));
    const byAuthor = groupByName(
      articles,
      (article) => (article.authors ?? []).map(({ name }) => name),
      getAuthorRegistry(edition.lang),
    );
    const bySection = groupByName(
      articles,
      (article) => (article.section ? [article.section.name] : []),
      getSectionRegistry(edition.lang),
    );
    for (const [what, groups] of [
      ['Authors', byAuthor],
      ['Sections', bySection],
    ] as const) {
      const [clash] = nameSlugCollisions(groups);
      if (clash)
        throw new Error(`${what} ${clash.join(' and ')} would share one URL; use one spelling`);
    }
    return {
      edition,
      entries,
      articles,
      bySlug,
      tags,
      byTag,
      byAuthor,
      bySection,
      byMonth: groupByMonth(articles, edition.timeZone),
      related: relatedArticles(articles),
    };
  })();
  catalogs.set(edition.lang, catalog);
  return catalog;
}

/** The display tags of one catalogued article (its tags already under their registered names), linked by slug. */
export async function tagsOf(
  edition: Edition,
  article: Pick<ArticleSummary, 'tags'>,
): Promise<Tag[]> {
  return articleTags(article, (await getCatalog(edition)).tags);
}

/** One version of a story, as its translations link to it. */
export interface Version {
  edition: Edition;
  /** Its slug in its edition. */
  slug: string;
  /** Its page, as a path of the site. */
  path: string;
  title: string;
  /** Its publication time. */
  date: Date;
}

let versions: Promise<ReadonlyMap<string, Version[]>> | undefined;

/**
 * The published versions of every story with a `translationKey`, by that key, in the order of the
 * editions (the default first).
 */
export function getVersions(): Promise<ReadonlyMap<string, Version[]>> {
  versions ??= getPublished().then((entries) => {
    const byKey = new Map<string, Version[]>();
    for (const entry of entries) {
      const key = entry.data.translationKey;
      if (key === undefined) continue;
      const { edition, slug } = splitArticleKey(entry.id, EDITIONS);
      const version = {
        edition,
        slug,
        path: articlePath(edition, slug),
        title: entry.data.title,
        date: entry.data.date,
      };
      byKey.set(key, [...(byKey.get(key) ?? []), version]);
    }
    for (const list of byKey.values())
      list.sort((a, b) => EDITIONS.indexOf(a.edition) - EDITIONS.indexOf(b.edition));
    return byKey;
  });
  return versions;
}
