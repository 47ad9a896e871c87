import slugify from '@sindresorhus/slugify';
import { parse as parseYaml } from 'yaml';

/** What a slug may look like: lower-case Latin letters and digits in words joined by `-`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Letters of Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic that the general Russian table does not
// cover, romanised as those countries' own Latin alphabets write them (without diacritics).
const CENTRAL_ASIAN_CYRILLIC: ReadonlyArray<[string, string]> = [
  ['ә', 'a'], ['ғ', 'g'], ['қ', 'q'], ['ң', 'ng'], ['ө', 'o'], ['ұ', 'u'], ['ү', 'u'], ['һ', 'h'],
  ['і', 'i'], ['ҳ', 'h'], ['ҷ', 'j'], ['ӣ', 'i'], ['ӯ', 'u'], ['ў', 'o'],
  // Turkmen and Uzbek Latin: plain vowels rather than the German `ue`/`oe`/`ae` default.
  ['ü', 'u'], ['ö', 'o'], ['ä', 'a'],
];
const REPLACEMENTS: ReadonlyArray<[string, string]> = CENTRAL_ASIAN_CYRILLIC.flatMap(([lower, latin]) => [
  [lower, latin],
  [lower.toUpperCase(), latin],
]);

/**
 * A stable, readable Latin slug: transliterated (ОДКБ → `odkb`, Қазақстан → `qazaqstan`),
 * lower case, words joined by `-`, everything else dropped.
 */
export function toSlug(text: string): string {
  return slugify(text, { lowercase: true, decamelize: false, separator: '-', customReplacements: REPLACEMENTS as Array<[string, string]> });
}

/**
 * An article's slug: frontmatter `slug` when given, else its file name without the extension.
 * A file name that is not already a slug (capitals, spaces, Cyrillic) goes through {@link toSlug}.
 */
export function articleSlug(filePath: string, frontmatterSlug?: unknown): string {
  if (typeof frontmatterSlug === 'string' && frontmatterSlug.trim() !== '') return frontmatterSlug.trim();
  const name = filePath.split(/[\\/]/).pop() ?? filePath;
  const stem = name.replace(/\.(md|mdx)$/i, '');
  return SLUG_PATTERN.test(stem) ? stem : toSlug(stem);
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/** The slug of an article from its path and text, reading only the frontmatter's `slug`. */
export function articleSlugOfSource(filePath: string, source: string): string {
  let slug: unknown;
  try {
    slug = (parseYaml(FRONTMATTER.exec(source)?.[1] ?? '') as { slug?: unknown } | null)?.slug;
  } catch {
    slug = undefined;
  }
  return articleSlug(filePath, slug);
}
