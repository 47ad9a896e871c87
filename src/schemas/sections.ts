import { z } from 'astro/zod';
import { aliasesField, registryList, slugField, text } from './registry-fields.ts';
import { redirectFromSchema } from './redirects.ts';

/** One section (desk) of `content/sections.yaml`. */
export const sectionEntrySchema = z.strictObject({
  /**
   * The name as the navigation shows it and as articles write it in `section:`; per edition when it
   * differs (`{ en: Politics, ru: Политика }`), as `slug` and `description` may be.
   */
  name: text('the section’s name'),
  /** Other spellings articles may use for this section. */
  aliases: aliasesField(),
  /** Overrides the URL slug made from the name: `/sections/<slug>/`. */
  slug: slugField('politics').optional(),
  /** One or two sentences about the section, shown on its page and in the API. */
  description: text('a description').optional(),
  /** Old paths of this section's page (`/category/politics/`); each redirects to the current one. */
  redirectFrom: redirectFromSchema.default([]),
});

/**
 * `content/sections.yaml`: the newsroom's sections in the order the navigation shows them.
 * Optional; when it exists, every article that is not a draft names one of them in `section:`.
 */
export const sectionRegistrySchema = registryList(sectionEntrySchema, 'sections');

/** The keys a section entry may have, for suggestions on unknown keys. */
export const SECTION_FIELDS = Object.keys(sectionEntrySchema.shape);

export type SectionEntry = z.infer<typeof sectionEntrySchema>;
