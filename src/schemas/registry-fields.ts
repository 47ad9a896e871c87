import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../lib/slug.ts';

/** A required line of text: trimmed, never empty; errors name `what` was expected. */
export function text(what: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected ${what}`),
    })
    .trim()
    .min(1, { error: `expected ${what}, got an empty string` });
}

/**
 * Other names that stand for a registry entry, as articles may write them. A name written per
 * language (`name: { en: …, ru: … }`) adds its other languages' spellings here itself.
 */
export function aliasesField() {
  return z.array(text('a name'), { error: 'expected a list of names' }).default([]);
}

/** A URL slug that overrides the one made from a display name. */
export function slugField(example: string) {
  return z.string({ error: 'expected a slug' }).regex(SLUG_PATTERN, {
    error: `expected lower-case letters, digits and hyphens, e.g. \`${example}\``,
  });
}

/** A registry file's entries: an ordered list, the order the newsroom's. */
export function registryList<T extends z.ZodType>(entry: T, what: string) {
  return z.array(entry, { error: `expected a list of ${what}, each with a \`name\`` });
}

/**
 * Where a registry file's list stands: the file may be the list itself, or a map holding it under
 * `key` (`authors:` in authors.yaml). The path is the list's place, for locating problems.
 */
export function registryItems(raw: unknown, key: string): { items: unknown; path: string[] } {
  if (raw === null || raw === undefined) return { items: [], path: [] };
  if (typeof raw === 'object' && !Array.isArray(raw) && key in raw)
    return { items: (raw as Record<string, unknown>)[key] ?? [], path: [key] };
  return { items: raw, path: [] };
}
