import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../lib/slug.ts';
import { redirectFromSchema } from './redirects.ts';

const name = (what: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected ${what}`),
    })
    .trim()
    .min(1, { error: `expected ${what}, got an empty string` });

/** One registered tag. */
export const tagEntrySchema = z.strictObject({
  /**
   * How readers see the tag; defaults to its key in the registry. Per edition when it differs
   * (`{ en: CSTO, ru: ОДКБ }`): each edition shows and slugs its own, as it may `slug` and
   * `description`.
   */
  name: name('a display name').optional(),
  /** One or two sentences about the topic, shown on its tag page and in the API. */
  description: name('a description').optional(),
  /**
   * Other names that merge into this tag, e.g. `Collective Security Treaty Organization` for CSTO.
   * Case and spacing variants merge without being listed.
   */
  aliases: z.array(name('an alias'), { error: 'expected a list of names' }).default([]),
  /** Overrides the URL slug made from the display name. */
  slug: z
    .string({ error: 'expected a slug' })
    .regex(SLUG_PATTERN, { error: 'expected lower-case letters, digits and hyphens, e.g. `csto`' })
    .optional(),
  /** Old slugs or paths of this tag's page; each redirects to the current one. */
  redirectFrom: redirectFromSchema.default([]),
});

/** `content/tags.yaml`: the newsroom's list of topics. Optional; without it every tag is free. */
export const tagRegistrySchema = z.strictObject({
  /** When true, an article tag that is neither a registered name nor an alias is an error. */
  strict: z.boolean({ error: 'expected true or false' }).default(false),
  /** Registered tags by canonical name, as authors write it in `tags:`. */
  tags: z
    .record(name('a tag name'), tagEntrySchema, {
      error: 'expected a map of tag names to their settings',
    })
    .default({}),
});

/** The top-level keys of `tags.yaml`, for suggestions on unknown keys. */
export const TAG_REGISTRY_FIELDS = ['strict', 'tags'] as const;

export type TagEntry = z.infer<typeof tagEntrySchema>;
export type TagEntryInput = z.input<typeof tagEntrySchema>;
export type TagRegistry = z.infer<typeof tagRegistrySchema>;
export type TagRegistryInput = z.input<typeof tagRegistrySchema>;
