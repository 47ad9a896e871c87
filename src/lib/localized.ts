/**
 * Registry values written per language: `name: { en: CSTO, ru: ОДКБ }`. A registry file is read
 * once per edition, each value taken in that edition's language, so every check and lookup after
 * this sees plain strings (docs/editions.md).
 */

/** The fields of a registry entry that may be written per language. */
export const LOCALIZED_FIELDS = ['name', 'slug', 'description', 'role', 'bio'] as const;

/**
 * Whether `value` is written per language: a map of languages to strings. Keys that are not the
 * site's editions are {@link unknownLanguages}' to report; the value is still read.
 */
export function isPerLanguage(
  value: unknown,
  _langs: readonly string[],
): value is Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([, text]) => typeof text === 'string');
}

/**
 * Per-language values of registry entries (a list, or a map of entries) whose languages are not
 * the site's editions (`{ en: …, de: … }` on a site without German): where, and in words.
 */
export function unknownLanguages(
  items: unknown,
  langs: readonly string[],
): { path: (string | number)[]; message: string }[] {
  const found: { path: (string | number)[]; message: string }[] = [];
  const entries: [string | number, unknown][] = Array.isArray(items)
    ? items.map((item, i) => [i, item])
    : items !== null && typeof items === 'object'
      ? Object.entries(items)
      : [];
  for (const [key, entry] of entries) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    for (const field of LOCALIZED_FIELDS) {
      const value = (entry as Record<string, unknown>)[field];
      if (!isPerLanguage(value, langs)) continue;
      const unknown = Object.keys(value).filter((lang) => !langs.includes(lang));
      if (unknown.length > 0)
        found.push({
          path: [key, field],
          message: `${unknown.map((lang) => `"${lang}"`).join(', ')} ${unknown.length === 1 ? 'is not an edition' : 'are not editions'} of the site; per-language values take ${langs.map((lang) => `"${lang}"`).join(', ')}`,
        });
    }
  }
  return found;
}

/**
 * A per-language value in the language `lang`: its own, else the default edition's (`langs[0]`),
 * else, when `orFirst`, the first it gives.
 */
export function inLanguage(
  value: Readonly<Record<string, string>>,
  lang: string,
  langs: readonly string[],
  orFirst = true,
): string | undefined {
  return value[lang] ?? value[langs[0]!] ?? (orFirst ? Object.values(value)[0] : undefined);
}

/**
 * One registry entry (as parsed from YAML, not yet checked) as the edition in `lang` reads it: each
 * per-language field in that language, and a per-language `name`'s other spellings added to its
 * `aliases`, so an article may name it in any edition's language. A value without the edition's
 * language takes the default edition's, else (`keyed`: the entry's key stands for it) none, else
 * its first. Anything else is left for the entry's schema to judge.
 */
export function localizeEntry(
  entry: unknown,
  lang: string,
  langs: readonly string[],
  keyed = false,
): unknown {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
  const out: Record<string, unknown> = { ...(entry as Record<string, unknown>) };
  for (const field of LOCALIZED_FIELDS) {
    const value = out[field];
    if (!isPerLanguage(value, langs)) continue;
    // An entry under a key (a tag) falls back to its key, not to another language's name.
    const chosen = inLanguage(value, lang, langs, !keyed);
    if (chosen === undefined) delete out[field];
    else out[field] = chosen;
    if (field === 'name') {
      const others = [...new Set(Object.values(value))].filter((name) => name !== out.name);
      if (others.length > 0)
        out.aliases = [...(Array.isArray(out.aliases) ? out.aliases : []), ...others];
    }
  }
  return out;
}

/**
 * Every entry of a list, or every value of a map, as {@link localizeEntry} reads it; a map's
 * entries (tags under their names) fall back to their key where a value lacks the language.
 */
export function localizeEntries(items: unknown, lang: string, langs: readonly string[]): unknown {
  if (Array.isArray(items)) return items.map((item) => localizeEntry(item, lang, langs));
  if (items !== null && typeof items === 'object')
    return Object.fromEntries(
      Object.entries(items).map(([key, item]) => [key, localizeEntry(item, lang, langs, true)]),
    );
  return items;
}
