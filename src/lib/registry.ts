import { tagKey } from './tags.ts';
import { toSlug } from './slug.ts';

/** What every entry of a name registry (authors, sections) has. */
export interface NamedEntry {
  /** The display name, as articles write it. */
  name: string;
  /** Overrides the slug made from the name. */
  slug?: string;
  /** Other names that stand for the entry. */
  aliases?: readonly string[];
}

/**
 * A name registry (`authors.yaml`, `sections.yaml`) ready for lookups. When the file exists
 * (`closed`), a name it does not list is an error; without it every name written stands for itself.
 */
export interface NameRegistry<E extends NamedEntry> {
  /** Whether the registry file exists. */
  closed: boolean;
  /** Entries in the file's order. */
  entries: readonly E[];
  /** Entries by the {@link nameKey} of their name and of their slug. */
  byKey: ReadonlyMap<string, E>;
}

/** How two spellings of a name are compared: as tags are (case and inner white space folded). */
export const nameKey = tagKey;

/** The registry of a missing file: open, every name free. */
export function openRegistry<E extends NamedEntry>(): NameRegistry<E> {
  return { closed: false, entries: [], byKey: new Map() };
}

/**
 * Indexes a registry file's entries (`undefined`: no file). When two entries claim one name or
 * slug the first keeps it; the registry check reports the clash.
 */
export function indexNames<E extends NamedEntry>(
  entries: readonly E[] | undefined,
): NameRegistry<E> {
  if (!entries) return openRegistry();
  const byKey = new Map<string, E>();
  for (const entry of entries) {
    for (const key of [entry.name, slugOf(entry), ...(entry.aliases ?? [])].map(nameKey))
      if (!byKey.has(key)) byKey.set(key, entry);
  }
  return { closed: true, entries, byKey };
}

/** An entry's URL slug: its own, or one made from its name. */
export function slugOf(entry: NamedEntry): string {
  return entry.slug ?? toSlug(entry.name);
}

/** The registered entry a name (or slug) stands for, if any. */
export function lookupName<E extends NamedEntry>(
  name: string,
  registry: NameRegistry<E>,
): E | undefined {
  return registry.byKey.get(nameKey(name));
}

/** A registry name or a free one as pages show it. */
export interface Named<E extends NamedEntry> {
  /** The comparison key of its display name. */
  key: string;
  name: string;
  slug: string;
  /** The registry entry, when the name is registered. */
  entry?: E;
}

/** A name as the site files it: the registered entry's, else as written (white space folded). */
export function resolveName<E extends NamedEntry>(
  raw: string,
  registry: NameRegistry<E>,
): Named<E> {
  const entry = lookupName(raw, registry);
  const name = entry?.name ?? raw.trim().replace(/\s+/g, ' ');
  return { key: nameKey(name), name, slug: entry ? slugOf(entry) : toSlug(name), entry };
}

/** A registry entry or free name with the published articles filed under it. */
export interface NameGroup<E extends NamedEntry, A> {
  named: Named<E>;
  articles: A[];
}

/**
 * Every name `namesOf` gives for `articles` (in their order), each with its articles in the same
 * order. A closed registry's entries come first, in the file's order, even those with no articles
 * yet; free names follow, sorted by name.
 */
export function groupByName<E extends NamedEntry, A>(
  articles: readonly A[],
  namesOf: (article: A) => readonly string[],
  registry: NameRegistry<E>,
): NameGroup<E, A>[] {
  const groups = new Map<string, NameGroup<E, A>>();
  for (const entry of registry.entries) {
    const named = resolveName(entry.name, registry);
    if (!groups.has(named.key)) groups.set(named.key, { named, articles: [] });
  }
  const free: NameGroup<E, A>[] = [];
  for (const article of articles) {
    const seen = new Set<string>();
    for (const raw of namesOf(article)) {
      const named = resolveName(raw, registry);
      if (seen.has(named.key) || named.slug === '') continue;
      seen.add(named.key);
      let group = groups.get(named.key);
      if (!group) {
        group = { named, articles: [] };
        groups.set(named.key, group);
        free.push(group);
      }
      group.articles.push(article);
    }
  }
  free.sort((a, b) => a.named.name.localeCompare(b.named.name, 'en', { sensitivity: 'base' }));
  const registered = [...groups.values()].filter((group) => !free.includes(group));
  return [...registered, ...free];
}

/** Display names of distinct groups whose names would give one slug, for each slug shared. */
export function nameSlugCollisions(
  groups: ReadonlyArray<{ named: Named<NamedEntry> }>,
): string[][] {
  const bySlug = new Map<string, string[]>();
  for (const { named } of groups)
    bySlug.set(named.slug, [...(bySlug.get(named.slug) ?? []), `"${named.name}"`]);
  return [...bySlug.values()].filter((names) => names.length > 1);
}
