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
    const [best] = [...spellings].sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0));
    names.set(key, best![0]);
  }
  return names;
}

/** Every tag named in `tagLists`, keyed by {@link tagKey}. */
export function collectTags(tagLists: ReadonlyArray<readonly string[]>): Map<string, Tag> {
  const tags = new Map<string, Tag>();
  for (const [key, name] of tagNames(tagLists)) tags.set(key, { key, name, slug: toSlug(name) });
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
    .map(([slug, same]) => ({ slug, names: same.map((tag) => tag.name).sort(), keys: same.map((tag) => tag.key) }));
}

/** Different tags (by {@link tagKey}) named in `tagLists` that would share one slug. */
export function findTagSlugCollisions(tagLists: ReadonlyArray<readonly string[]>): TagSlugCollision[] {
  return slugCollisions(collectTags(tagLists).values());
}
