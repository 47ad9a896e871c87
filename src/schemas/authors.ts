import { z } from 'astro/zod';
import { aliasesField, registryList, slugField, text } from './registry-fields.ts';

/** A link on an author's page: a web address or a `mailto:` address. */
const authorLink = z
  .string({ error: 'expected a URL' })
  .trim()
  .regex(/^(?:https:\/\/[^\s"'<>\\]+|mailto:[^\s"'<>\\@]+@[^\s"'<>\\@]+)$/, {
    error: 'expected an https:// address or a mailto: address',
  });

/** One author of `content/authors.yaml`. */
export const authorEntrySchema = z.strictObject({
  /**
   * The name as bylines show it and as articles write it in `authors:`; per edition when it is
   * spelt differently (`{ en: Aibek Toktosunov, ru: Айбек Токтосунов }`), as `slug`, `role` and
   * `bio` may be.
   */
  name: text('the author’s name'),
  /** Other spellings articles may use for this author. */
  aliases: aliasesField(),
  /** Overrides the URL slug made from the name: `/authors/<slug>/`. */
  slug: slugField('aigerim-bekova').optional(),
  /** The author's job, e.g. `Economics correspondent`. */
  role: text('a role').optional(),
  /** A short biography in Markdown (links and emphasis), shown on the author's page. */
  bio: text('a short biography').optional(),
  /**
   * A portrait: a path relative to the content folder (a photo beside `authors.yaml`) or under
   * `public/` starting with `/`.
   */
  photo: text('an image path')
    .regex(/^(?!\/\/)(?![a-z][a-z0-9+.-]*:)[^\s"'<>\\]+$/i, {
      error:
        'expected a path beside authors.yaml (`authors/name.jpg`) or under public/ (`/images/name.jpg`)',
    })
    .optional(),
  /** The portrait's text alternative; the author's name when not given. */
  photoAlt: text('a description of the photo').optional(),
  /** The author's site, profiles (X, Telegram) and `mailto:` address, in the order shown. */
  links: z.array(authorLink, { error: 'expected a list of URLs' }).default([]),
});

/** `content/authors.yaml`: the newsroom's people. Optional; without it every byline name is an author. */
export const authorRegistrySchema = registryList(authorEntrySchema, 'authors');

/** The keys an author entry may have, for suggestions on unknown keys. */
export const AUTHOR_FIELDS = Object.keys(authorEntrySchema.shape);

export type AuthorEntry = z.infer<typeof authorEntrySchema>;

/** An author's photo beside `authors.yaml`, set by the portraits loader for Astro's image pipeline. */
export function portraitSchemaWith<I extends z.ZodType>(image: () => I) {
  return z.object({
    /** The photo, its path relative to `authors.yaml`. */
    image: image(),
  });
}
