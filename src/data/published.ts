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
import { SITE } from '../site.config.ts';
import { NOW } from './build-context.ts';
import { readExcerpt } from './bodies.ts';
import { getTagIndex } from './tag-registry.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type AuthorGroup = NameGroup<AuthorEntry, ArticleSummary>;
export type SectionGroup = NameGroup<SectionEntry, ArticleSummary>;

/** Everything the pages select from, computed once per build. */
export interface Catalog {
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

function summarise(entry: ArticleEntry, spellings: Spellings): ArticleSummary {
  const { title, date, updated, summary, tags, derived, lang, section, featured } = entry.data;
  const revised = lastRevision(entry.data);
  const index = getTagIndex();
  const authors = bylineNames(entry.data).map((name) =>
    nameRef(name, getAuthorRegistry(), spellings.authors),
  );
  const photo = leadPhoto(entry.data);
  const excerpt = derived
    ? readExcerpt(derived.bodyFile, { id: entry.id, digest: String(entry.digest) })
    : '';
  return {
    slug: entry.id,
    title,
    date,
    updated,
    ...(revised ? { revised } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(section ? { section: nameRef(section, getSectionRegistry(), spellings.sections) } : {}),
    ...(photo ? { photo: { src: photo.src, alt: photo.alt } } : {}),
    summary,
    ...(featured ? { featured } : {}),
    ...(lang ? { lang } : {}),
    tags: tags.map((tag) => canonicalTag(tag, index)),
    excerpt,
  };
}

let catalog: Promise<Catalog> | undefined;

/** The published catalogue: drafts and articles dated after the build's "now" are never in it. */
export function getCatalog(): Promise<Catalog> {
  catalog ??= (async () => {
    const entries = (await getCollection('articles', ({ data }) => isPublished(data, NOW))).sort(
      (a, b) => newestFirst({ date: a.data.date, slug: a.id }, { date: b.data.date, slug: b.id }),
    );
    const spellings: Spellings = {
      authors: tagNames(entries.map(({ data }) => bylineNames(data))),
      sections: tagNames(entries.map(({ data }) => (data.section ? [data.section] : []))),
    };
    const articles = entries.map((entry) => summarise(entry, spellings));
    const byTag = groupByTag(articles, getTagIndex());
    const tags = new Map(byTag.map(({ tag }) => [tag.key, tag]));
    // scripts/build.ts reports this before Astro starts; `astro dev` has only this check.
    const [collision] = slugCollisions(tags.values());
    if (collision) {
      const names = collision.names.map((name) => `"${name}"`).join(' and ');
      throw new Error(
        `Tags ${names} would share the URL /tags/${collision.slug}/; use one spelling`,
      );
    }
    const bySlug = new Map(articles.map((article) => [article.slug, article]));
    const byAuthor = groupByName(
      articles,
      (article) => (article.authors ?? []).map(({ name }) => name),
      getAuthorRegistry(),
    );
    const bySection = groupByName(
      articles,
      (article) => (article.section ? [article.section.name] : []),
      getSectionRegistry(),
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
      entries,
      articles,
      bySlug,
      tags,
      byTag,
      byAuthor,
      bySection,
      byMonth: groupByMonth(articles, SITE.timeZone),
      related: relatedArticles(articles),
    };
  })();
  return catalog;
}

/** The display tags of one catalogued article (its tags already under their registered names), linked by slug. */
export async function tagsOf(article: Pick<ArticleSummary, 'tags'>): Promise<Tag[]> {
  return articleTags(article, (await getCatalog()).tags);
}
