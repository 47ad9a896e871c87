import { SITE } from '../site.config.ts';
import { en, type UiStrings } from './en.ts';
import { ru } from './ru.ts';

/** The interface strings of every language the site has. */
const STRINGS: Readonly<Record<string, UiStrings>> = { en, ru };

/**
 * The interface strings of `lang` (the site's language by default).
 * @throws naming the language, when it has no strings file.
 */
export function uiStrings(lang: string = SITE.lang): UiStrings {
  const strings = STRINGS[lang];
  if (!strings) throw new Error(`no interface strings for the language "${lang}" (src/i18n/)`);
  return strings;
}

export type { UiStrings };

/**
 * The keys of `reference` (English, the fullest file) that `strings` lacks, as dotted paths
 * (`nav.latest`): a language's file must give every one, never fall back silently (issue 20).
 */
export function missingKeys(reference: object, strings: object, at = ''): string[] {
  const given = strings as Record<string, unknown>;
  return Object.entries(reference).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key;
    if (!(key in given)) return [path];
    return value !== null && typeof value === 'object' && typeof given[key] === 'object'
      ? missingKeys(value, given[key] as object, path)
      : [];
  });
}
