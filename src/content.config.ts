import { defineCollection } from 'astro:content';
import { CONTENT_DIR } from './data/build-context.ts';
import { articlesLoader } from './loaders/article-loader.ts';
import { articleEntrySchema } from './schemas/article.ts';

const articles = defineCollection({
  loader: articlesLoader(CONTENT_DIR),
  schema: articleEntrySchema,
});

export const collections = { articles };
