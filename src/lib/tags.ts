import type { TagEntry, TagRegistry } from '../schemas/tags.ts';
import { toSlug } from './slug.ts';

/** How two spellings of a tag are compared: trimmed, inner white space folded, lower case. */
export function tagKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** A tag as readers see it. */
export interface Tag {
  /** The comparison key shared by every spelling. */
  key: string;
  /** The most common spelling across articles (ties: the alphabetically first). */
  name: string;
  /** The URL segment: `/tags/<slug>/`. */
  slug: string;
  /** The registry's description of the topic, when it has one. */
  description?: string;
}

/** A registered tag, ready for lookups. */
export interface RegisteredTag {
  /** The name it is registered under, as authors write it. */
  canonical: string;
  entry: TagEntry;
}

/** The tag registry indexed by {@link tagKey}: names and aliases resolve to one registered tag. */
export interface TagIndex {
  /** Whether unregistered tags are errors. */
  strict: boolean;
  /** Registered tags by the key of their canonical name. */
  registered: ReadonlyMap<string, RegisteredTag>;
  /** The key of every registered name and alias → the key of its canonical name. */
  keys: ReadonlyMap<string, string>;
}

/** The index of an empty registry: every tag is free and stands for itself. */
export const NO_REGISTRY: TagIndex = { strict: false, registered: new Map(), keys: new Map() };

/**
 * Indexes a registry. When two entries claim one name or alias, the first keeps it;
 * `checkTagRegistry` reports the clash.
 */
export function indexRegistry(registry: TagRegistry | undefined): TagIndex {
  if (!registry) return NO_REGISTRY;
  const registered = new Map<string, RegisteredTag>();
  const keys = new Map<string, string>();
  for (const [canonical, entry] of Object.entries(registry.tags)) {
    const key = tagKey(canonical);
    if (registered.has(key)) continue;
    registered.set(key, { canonical: canonical.trim(), entry });
    keys.set(key, key);
  }
  // A display name (`Caspian Sea` for `Caspian`, `ОДКБ` in Russian) tags the article as an alias does.
  for (const [key, { entry }] of registered) {
    for (const alias of [...(entry.name ? [entry.name] : []), ...entry.aliases])
      if (!keys.has(tagKey(alias))) keys.set(tagKey(alias), key);
  }
  return { strict: registry.strict, registered, keys };
}

/** The registered tag a name or alias stands for, if any. */
export function lookupTag(raw: string, index: TagIndex): RegisteredTag | undefined {
  const key = index.keys.get(tagKey(raw));
  return key === undefined ? undefined : index.registered.get(key);
}

/** A tag as the site files it: the registered name for a registered name or alias, else as written. */
export function canonicalTag(raw: string, index: TagIndex): string {
  return lookupTag(raw, index)?.canonical ?? raw;
}

/** Two or more different tags whose names give the same slug. */
export interface TagSlugCollision {
  slug: string;
  /** One spelling of each colliding tag. */
  names: string[];
  /** The {@link tagKey} of each colliding tag. */
  keys: string[];
}

/** The display spelling of each tag key: the most common spelling, ties to the alphabetically first. */
export function tagNames(tagLists: ReadonlyArray<readonly string[]>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const tags of tagLists) {
    for (const raw of tags) {
      const spelling = raw.trim().replace(/\s+/g, ' ');
      const key = tagKey(spelling);
      const spellings = counts.get(key) ?? new Map<string, number>();
      spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
      counts.set(key, spellings);
    }
  }
  const names = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const [best] = [...spellings].sort(
      ([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0),
    );
    names.set(key, best![0]);
  }
  return names;
}

/**
 * Every tag named in `tagLists`, keyed by {@link tagKey} of its canonical name. Aliases merge into
 * their registered tag, which takes its display name, slug and description from the registry.
 */
export function collectTags(
  tagLists: ReadonlyArray<readonly string[]>,
  index: TagIndex = NO_REGISTRY,
): Map<string, Tag> {
  const canonical =
    index.registered.size === 0
      ? tagLists
      : tagLists.map((tags) => tags.map((tag) => canonicalTag(tag, index)));
  const tags = new Map<string, Tag>();
  for (const [key, spelling] of tagNames(canonical)) {
    const entry = index.registered.get(key)?.entry;
    const name = entry?.name ?? spelling;
    tags.set(key, {
      key,
      name,
      slug: entry?.slug ?? toSlug(name),
      ...(entry?.description ? { description: entry.description } : {}),
    });
  }
  return tags;
}

/** Among distinct tags, those that would share one slug (tags with no slug at all are left out). */
export function slugCollisions(tags: Iterable<Tag>): TagSlugCollision[] {
  const bySlug = new Map<string, Tag[]>();
  for (const tag of tags) {
    const same = bySlug.get(tag.slug);
    if (same) same.push(tag);
    else bySlug.set(tag.slug, [tag]);
  }
  return [...bySlug]
    .filter(([slug, same]) => slug !== '' && same.length > 1)
    .map(([slug, same]) => ({
      slug,
      names: same.map((tag) => tag.name).sort(),
      keys: same.map((tag) => tag.key),
    }));
}

/** Different tags (by {@link tagKey}, aliases merged) named in `tagLists` that would share one slug. */
export function findTagSlugCollisions(
  tagLists: ReadonlyArray<readonly string[]>,
  index: TagIndex = NO_REGISTRY,
): TagSlugCollision[] {
  return slugCollisions(collectTags(tagLists, index).values());
}
