import { z } from 'astro/zod';
import { parseContentDate } from '../lib/dates.ts';
import { IMAGE_ADDRESS, IMAGE_EXPECTED, imageHostProblem } from '../lib/image-address.ts';
import { SLUG_PATTERN } from '../lib/slug.ts';
import { redirectFromSchema } from './redirects.ts';
import { slugField } from './registry-fields.ts';
import { SITE } from '../site.config.ts';

const DATE_EXPECTED = 'expected a date as YYYY-MM-DD or an ISO 8601 date-time';

/** A required or optional line of text: trimmed, never empty. */
function text(what: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected ${what}`),
    })
    .trim()
    .min(1, { error: `expected ${what}, got an empty string` });
}

/** A date as authors write it, read in the site's time zone; see `parseContentDate`. */
const contentDate = z
  .union([z.string(), z.date()], {
    error: (issue) =>
      issue.input === undefined
        ? `required: ${DATE_EXPECTED.replace('expected ', '')}`
        : DATE_EXPECTED,
  })
  .transform((value, ctx) => {
    const date = parseContentDate(value, SITE.timeZone);
    if (!date) {
      ctx.issues.push({
        code: 'custom',
        message: `${DATE_EXPECTED}, got "${String(value)}"`,
        input: value,
      });
      return z.NEVER;
    }
    return date;
  })
  // Published as JSON Schema's `format`, so the API's schema and the CMS know it is a date.
  .meta({ format: 'date' });

const frontmatterShape = {
  /** The headline: the page's only `<h1>`, the listing link and the feed title. */
  title: text('a headline'),
  /** Publication time. `YYYY-MM-DD` is midnight in the site's time zone; a later date schedules the article. */
  date: contentDate,
  /** Topics such as `CSTO` or `Kazakhstan`, at least one. Compared case-insensitively across articles. */
  tags: z
    .array(text('a tag name'), {
      error: (issue) =>
        issue.input === undefined ? 'required: a list of strings' : 'expected a list of strings',
    })
    .min(1, { error: 'expected at least one tag' }),
  /** The byline, one author: the same as `authors: [Name]`. */
  author: text('an author name').optional(),
  /**
   * The byline's authors in the order shown ("By A, B and C"), each a name in `content/authors.yaml`
   * when that file exists.
   */
  authors: z
    .array(text('an author name'), { error: 'expected a list of author names' })
    .min(1, { error: 'expected at least one author' })
    .optional(),
  /** The section (desk) the article belongs to; required when `content/sections.yaml` exists. */
  section: text('a section name').optional(),
  /** One or two sentences for the meta description and feeds. */
  summary: text('a summary').optional(),
  /** A draft is never published, whatever its date. */
  draft: z.boolean({ error: 'expected true or false' }).default(false),
  /** Leads the front page; of several featured articles, the newest leads. */
  featured: z.boolean({ error: 'expected true or false' }).optional(),
  /** When the article was last revised: shown as "Updated <date>". */
  updated: contentDate.optional(),
  /**
   * Corrections to the published story, each shown on the article as a dated notice, in the API
   * and as "Updated" in listings. Never dated before the article itself.
   */
  corrections: z
    .array(
      z.strictObject({
        /** When the correction was made. */
        date: contentDate,
        /** What was wrong and what is right, as readers read it. */
        text: text('the correction'),
      }),
      { error: 'expected a list of corrections, each with a date and a text' },
    )
    .optional(),
  /** Overrides the URL slug taken from the file name. */
  slug: z
    .string({ error: 'expected a slug' })
    .regex(SLUG_PATTERN, {
      error: 'expected lower-case letters, digits and hyphens, e.g. `csto-summit`',
    })
    .optional(),
  /**
   * Lead photo: a path relative to the article file (`./photo.jpg`, a photo beside it), a path
   * under `public/` (`/images/photo.jpg`), or an https:// address on a host of
   * `SITE.content.imageHosts`.
   */
  image: text('an image path')
    .regex(IMAGE_ADDRESS, { error: IMAGE_EXPECTED })
    // Only a well-formed https:// address has a host to check; the pattern reports the rest.
    .refine(
      (value) =>
        !/^https:\/\//i.test(value) ||
        imageHostProblem(value, SITE.content.imageHosts) === undefined,
      {
        error: (issue) =>
          `${String(issue.input)} ${imageHostProblem(String(issue.input), SITE.content.imageHosts)}`,
      },
    )
    .optional(),
  /** Text alternative of the lead image; required when `image` is set. */
  imageAlt: text('a description of the image').optional(),
  /** What the lead photo shows, in a sentence; shown under it. */
  imageCaption: text('a caption').optional(),
  /** Who took the lead photo or owns it; shown under it as "Photo: <credit>". */
  imageCredit: text('a credit').optional(),
  /**
   * The edition the article belongs to, by its language (`ru`): one of the site's editions
   * (`SITE.editions`). A file in an edition's folder (`content/articles/ru/…`) belongs to it
   * without this; the default edition's otherwise. Its pages, feeds and search are the edition's.
   */
  lang: z
    .string({ error: 'expected a language tag such as `ru`' })
    .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, {
      error: 'expected a language tag such as `ru`, `kk` or `uz-Cyrl`',
    })
    .optional(),
  /**
   * Old slugs (`old-name`) or site paths (`/2019/05/old-name.html`) this article was published
   * under; each becomes a redirect to its current address.
   */
  redirectFrom: redirectFromSchema.optional(),
  /**
   * Links the translations of one story across editions: every version carries the same key
   * (`glacier-retreat-2026`), and each page links to the others ("Read in Russian").
   */
  translationKey: slugField('glacier-retreat-2026').optional(),
};

/** The fields an author may write in an article's frontmatter, and nothing else. */
export const articleFrontmatterObject = z.strictObject(frontmatterShape);

/** Names of every frontmatter field, for suggestions on unknown keys. */
export const ARTICLE_FIELDS = Object.keys(frontmatterShape) as ReadonlyArray<
  keyof typeof frontmatterShape
>;

const imageAltRule = {
  path: ['imageAlt'],
  // Reported at the `image` line, since the missing field has no place of its own.
  params: { at: ['image'] },
  message: 'required when image is set: describe the picture for readers who cannot see it',
  // Checked even when other fields are invalid, so an author sees every problem at once.
  when: (payload: { value: unknown }) =>
    typeof payload.value === 'object' && payload.value !== null,
};
const oneBylineField = {
  path: ['authors'],
  message: 'write the byline once: `authors: [A, B]` or `author: A`, not both',
  when: imageAltRule.when,
};
const hasOneBylineField = (value: { author?: unknown; authors?: unknown }) =>
  value.author === undefined || value.authors === undefined;
const hasImageAlt = (value: { image?: unknown; imageAlt?: unknown }) =>
  value.image === undefined || value.imageAlt !== undefined;

/** Each correction dated on or after the article: a correction is never silently dropped or misdated. */
function checkCorrectionDates(
  value: { date?: unknown; corrections?: Array<{ date?: unknown }> },
  ctx: z.RefinementCtx,
): void {
  if (!(value.date instanceof Date)) return;
  const published = value.date;
  value.corrections?.forEach((correction, i) => {
    if (correction.date instanceof Date && correction.date < published) {
      ctx.addIssue({
        code: 'custom',
        path: ['corrections', i, 'date'],
        message: 'a correction is dated before the article itself; check the date',
        input: correction.date,
      });
    }
  });
}

/** An article's frontmatter, validated: the schema authors, the build and the API share. */
export const articleFrontmatterSchema = articleFrontmatterObject
  .refine(hasImageAlt, imageAltRule)
  .refine(hasOneBylineField, oneBylineField)
  .superRefine(checkCorrectionDates);

/** Facts computed from the body once per article by the content loader. */
export const derivedTextSchema = z.object({
  /**
   * The layout of these facts and of the files they name (`STORED_FORMAT` in src/data/bodies.ts):
   * an entry stored by a build with another layout is loaded again.
   */
  format: z.number().int(),
  /** The digest of the sanitizer's policy the body was stored under (`bodyPolicyDigest`). */
  policy: z.string(),
  /**
   * The first sentence of the listing excerpt, the page's description when the author wrote no
   * `summary`. The excerpt itself is in the excerpt file beside the body file: in the store, which
   * Astro inlines into the server bundle, 500-word excerpts made up most of its size.
   */
  lead: z.string(),
  /** Words in the plain text. */
  wordCount: z.number().int().nonnegative(),
  /** Estimated minutes to read. */
  readingMinutes: z.number().int().positive(),
  /** The file holding the rendered body and the plain text (src/data/bodies.ts). */
  bodyFile: z.string(),
});

/**
 * Photos of an article that live beside it, set by the content loader for Astro's image pipeline:
 * each path goes through the collection's `image()` helper and reaches pages as image metadata.
 */
export function articlePhotosSchema<I extends z.ZodType>(image: () => I) {
  return z.object({
    /** The lead photo, when `image` names a file beside the article. */
    lead: image().optional(),
    /** Photos the body shows, by their path relative to the article as written (decoded). */
    body: z.array(z.object({ src: z.string(), image: image() })).default([]),
  });
}

/**
 * A stored article entry: the frontmatter plus what the loader derived from the body and, with
 * `image` (the collection's `image()` helper), the photos beside the article.
 */
export function articleEntrySchemaWith<I extends z.ZodType>(image: () => I) {
  return articleFrontmatterObject
    .extend({
      /** Set by the content loader; an author never writes it. */
      derived: derivedTextSchema.optional(),
      /** Set by the content loader; an author never writes it. */
      photos: articlePhotosSchema(image).optional(),
    })
    .refine(hasImageAlt, imageAltRule)
    .refine(hasOneBylineField, oneBylineField)
    .superRefine(checkCorrectionDates);
}

/** The byline's names in order, from `authors` or `author`. */
export function bylineNames(data: { author?: string; authors?: readonly string[] }): string[] {
  return data.authors ? [...data.authors] : data.author ? [data.author] : [];
}

export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;
export type ArticleFrontmatterInput = z.input<typeof articleFrontmatterSchema>;
export type StoredDerivedText = z.infer<typeof derivedTextSchema>;
