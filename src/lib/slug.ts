import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import anyAscii from 'any-ascii';
import { splitFrontmatter } from './frontmatter.ts';

/** What a slug may look like: lower-case Latin letters and digits in words joined by `-`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Letters of Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic that the general Russian table does not
// cover, romanised as those countries' own Latin alphabets write them (without diacritics).
const CENTRAL_ASIAN_CYRILLIC: ReadonlyArray<[string, string]> = [
  ['ә', 'a'],
  ['ғ', 'g'],
  ['қ', 'q'],
  ['ң', 'ng'],
  ['ө', 'o'],
  ['ұ', 'u'],
  ['ү', 'u'],
  ['һ', 'h'],
  ['і', 'i'],
  ['ҳ', 'h'],
  ['ҷ', 'j'],
  ['ӣ', 'i'],
  ['ӯ', 'u'],
  ['ў', 'o'],
  // Turkmen and Uzbek Latin: plain vowels rather than the German `ue`/`oe`/`ae` default.
  ['ü', 'u'],
  ['ö', 'o'],
  ['ä', 'a'],
];
const REPLACEMENTS: ReadonlyArray<[string, string]> = CENTRAL_ASIAN_CYRILLIC.flatMap(
  ([lower, latin]) => [
    [lower, latin],
    [lower.toUpperCase(), latin],
  ],
);

// Scripts @sindresorhus/slugify transliterates itself, with the replacements above; any other
// letter (Chinese, Hebrew, Thai, Georgian…) goes through any-ascii's tables first.
const OTHER_SCRIPT_RUN =
  /[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]+/gu;

/**
 * A stable, readable Latin slug for text in any script: transliterated (ОДКБ → `odkb`,
 * Қазақстан → `qazaqstan`, 東京 → `dong-jing`), lower case, words joined by `-`. Text with no
 * letter or digit in any script (`★★★`) gets `x-` and a short digest of the text, so two such
 * names still get different, stable slugs.
 */
export function toSlug(text: string): string {
  const latin = text.replace(
    OTHER_SCRIPT_RUN,
    (run) => ` ${anyAscii(run).replace(/(?<=[a-z])(?=[A-Z])/g, ' ')} `,
  );
  const slug = slugify(latin, {
    lowercase: true,
    decamelize: false,
    separator: '-',
    customReplacements: REPLACEMENTS as Array<[string, string]>,
  });
  if (slug !== '' || text.trim() === '') return slug;
  return `x-${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 8)}`;
}

/**
 * An article's slug: frontmatter `slug` when given, else its file name without the extension.
 * A file name that is not already a slug (capitals, spaces, Cyrillic) goes through {@link toSlug}.
 */
export function articleSlug(filePath: string, frontmatterSlug?: unknown): string {
  if (typeof frontmatterSlug === 'string' && frontmatterSlug.trim() !== '')
    return frontmatterSlug.trim();
  const name = filePath.split(/[\\/]/).pop() ?? filePath;
  const stem = name.replace(/\.(md|mdx)$/i, '');
  return SLUG_PATTERN.test(stem) ? stem : toSlug(stem);
}

/** The slug of an article from its path and text, reading only the frontmatter's `slug`. */
export function articleSlugOfSource(filePath: string, source: string): string {
  return articleSlug(filePath, splitFrontmatter(source).data.slug);
}
