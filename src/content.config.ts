import { defineCollection } from 'astro:content';
import { CONTENT_DIR } from './data/build-context.ts';
import { articlesLoader } from './loaders/article-loader.ts';
import { portraitsLoader } from './loaders/portraits-loader.ts';
import { articleEntrySchemaWith } from './schemas/article.ts';
import { portraitSchemaWith } from './schemas/authors.ts';

const articles = defineCollection({
  loader: articlesLoader(CONTENT_DIR),
  schema: ({ image }) => articleEntrySchemaWith(image),
});

/** Authors' photos beside `authors.yaml`, by their path there, through Astro's image pipeline. */
const portraits = defineCollection({
  loader: portraitsLoader(CONTENT_DIR),
  schema: ({ image }) => portraitSchemaWith(image),
});

export const collections = { articles, portraits };
