import { z } from 'astro/zod';
import { ratesSchema } from './rates.ts';

/** An absolute URL on the published site. */
const siteUrl = z.url();
/** An instant as ISO 8601 with `Z`. */
const instant = z.iso.datetime();

/** A tag as other front ends reference it. */
export const apiTagRefSchema = z.object({
  /** Display name: the registry's, else the most common spelling across articles. */
  name: z.string(),
  /** URL segment of the tag: `/tags/<slug>/`. */
  slug: z.string(),
});

/** An author or section as an article refers to it. */
export const apiNameRefSchema = z.object({
  /** Display name: the registry's, else as articles write it. */
  name: z.string(),
  /** URL segment: `/authors/<slug>/` or `/sections/<slug>/`. */
  slug: z.string(),
  /** The author's or section's page. */
  url: siteUrl,
});

/** An article's metadata in listings. */
export const apiArticleSummarySchema = z.object({
  /** URL segment, unique within its edition: `/articles/<slug>/`, `/ru/articles/<slug>/`. */
  slug: z.string(),
  /** BCP 47 language of the article's edition (`en`, `ru`). */
  lang: z.string(),
  /** The article's page. */
  url: siteUrl,
  /** The article's own JSON, in its month's folder: `/api/articles/<yyyy>/<mm>/<slug>.json`. */
  api: siteUrl,
  /** The headline. */
  title: z.string(),
  /** Publication time. */
  date: instant,
  /** Last revision, when there was one: the later of `updated` and the corrections. */
  updated: instant.optional(),
  /** The article's tags, in the author's order. */
  tags: z.array(apiTagRefSchema),
  /** The byline's authors in order; empty without a byline. */
  authors: z.array(apiNameRefSchema),
  /** The first author's name, when there is a byline (kept for readers of the first API). */
  author: z.string().optional(),
  /** The article's section, when it has one. */
  section: apiNameRefSchema.optional(),
  /** The author's summary, when there is one. */
  summary: z.string().optional(),
});

/** An article as the lists of a tag's, an author's or a section's articles give it. */
export const apiArticleRefSchema = apiArticleSummarySchema.pick({
  slug: true,
  url: true,
  api: true,
  title: true,
  date: true,
});

/** `/api/articles.json` and `/api/articles/page/<n>.json`: published articles, newest first. */
export const apiArticleListSchema = z.object({
  /** Published articles in all pages. */
  total: z.number().int().nonnegative(),
  /** This page, from 1. */
  page: z.number().int().positive(),
  /** How many pages there are. */
  pages: z.number().int().positive(),
  /** The next (older) page, or null on the last. */
  next: siteUrl.nullable(),
  /** The previous (newer) page, or null on the first. */
  prev: siteUrl.nullable(),
  /** The articles on this page. */
  articles: z.array(apiArticleSummarySchema),
});

/** `/api/articles/<yyyy>/<mm>/<slug>.json`: one article in full. */
export const apiArticleSchema = apiArticleSummarySchema.extend({
  /** The body rendered to HTML, as the article page shows it (its text is the HTML's text). */
  html: z.string(),
  /** Words in the plain text. */
  wordCount: z.number().int().nonnegative(),
  /** Estimated minutes to read. */
  readingMinutes: z.number().int().positive(),
  /** The same story in the site's other editions, when it has translations. */
  translations: z
    .array(
      z.object({
        /** The translation's language. */
        lang: z.string(),
        /** Its headline. */
        title: z.string(),
        /** Its page. */
        url: siteUrl,
        /** Its own JSON. */
        api: siteUrl,
      }),
    )
    .optional(),
  /** Lead image URL, when there is one. */
  image: z.url().optional(),
  /** Text alternative of the lead image. */
  imageAlt: z.string().optional(),
  /** The lead photo in full, when there is one. */
  photo: z
    .object({
      /** The photo at its widest version (WebP), or as it is when it is served as it is. */
      url: z.url(),
      /** Its text alternative. */
      alt: z.string(),
      /** What it shows, as the caption under it says. */
      caption: z.string().optional(),
      /** Who took it or owns it. */
      credit: z.string().optional(),
      /** The resized versions, narrowest first; empty for a photo served as it is. */
      sizes: z.array(
        z.object({
          /** The version's address. */
          url: siteUrl,
          /** Its width in pixels. */
          width: z.number().int().positive(),
          /** Its height in pixels. */
          height: z.number().int().positive(),
          /** Its format: `webp`, `jpg`, `png`… */
          format: z.string(),
        }),
      ),
      /** The 1200×630 version link previews show. */
      openGraph: z.url(),
    })
    .optional(),
  /** Slugs of up to four related published articles, best first. */
  related: z.array(z.string()),
  /** Corrections to the story, oldest first; empty when there were none. */
  corrections: z.array(
    z.object({
      /** When the correction was made. */
      date: instant,
      /** The correction as readers read it. */
      text: z.string(),
    }),
  ),
});

/** A tag with its count and addresses. */
export const apiTagSchema = apiTagRefSchema.extend({
  /** The newsroom's description of the topic, from `content/tags.yaml`, when it has one. */
  description: z.string().optional(),
  /** Published articles with this tag. */
  count: z.number().int().positive(),
  /** The tag's page. */
  url: siteUrl,
  /** The tag's JSON: `/api/tags/<slug>.json`. */
  api: siteUrl,
  /** The tag's RSS feed. */
  feed: siteUrl,
});

/** `/api/tags.json`: every tag, sorted by name. */
export const apiTagListSchema = z.object({
  /** How many tags there are. */
  total: z.number().int().nonnegative(),
  tags: z.array(apiTagSchema),
});

/** `/api/tags/<slug>.json`: a tag and its articles, newest first, each by its address. */
export const apiTagDetailSchema = apiTagSchema.extend({
  articles: z.array(apiArticleRefSchema),
});

/** An author with their article count and addresses. */
export const apiAuthorSchema = z.object({
  /** The name as bylines show it. */
  name: z.string(),
  /** URL segment: `/authors/<slug>/`. */
  slug: z.string(),
  /** The author's job, when the registry gives one. */
  role: z.string().optional(),
  /** A short biography as HTML, when the registry gives one. */
  bio: z.string().optional(),
  /** The author's photo, when there is one. */
  photo: z.object({ url: z.url(), alt: z.string() }).optional(),
  /** The author's site, profiles and mailto: address. */
  links: z.array(z.string()),
  /** Published articles by this author. */
  count: z.number().int().nonnegative(),
  /** The author's page. */
  url: siteUrl,
  /** The author's JSON: `/api/authors/<slug>.json`. */
  api: siteUrl,
  /** The author's RSS feed. */
  feed: siteUrl,
});

/** `/api/authors.json`: every author, the registry's in its order, then the others by name. */
export const apiAuthorListSchema = z.object({
  /** How many authors there are. */
  total: z.number().int().nonnegative(),
  authors: z.array(apiAuthorSchema),
});

/** `/api/authors/<slug>.json`: an author and their articles, newest first, each by its address. */
export const apiAuthorDetailSchema = apiAuthorSchema.extend({
  articles: z.array(apiArticleRefSchema),
});

/** A section with its article count and addresses. */
export const apiSectionSchema = z.object({
  /** The name as the navigation shows it. */
  name: z.string(),
  /** URL segment: `/sections/<slug>/`. */
  slug: z.string(),
  /** The newsroom's description of the section, when it has one. */
  description: z.string().optional(),
  /** Published articles in this section. */
  count: z.number().int().nonnegative(),
  /** The section's page. */
  url: siteUrl,
  /** The section's JSON: `/api/sections/<slug>.json`. */
  api: siteUrl,
  /** The section's RSS feed. */
  feed: siteUrl,
});

/** `/api/sections.json`: every section in the navigation's order. */
export const apiSectionListSchema = z.object({
  /** How many sections there are. */
  total: z.number().int().nonnegative(),
  sections: z.array(apiSectionSchema),
});

/** `/api/sections/<slug>.json`: a section and its articles, newest first, each by its address. */
export const apiSectionDetailSchema = apiSectionSchema.extend({
  articles: z.array(apiArticleRefSchema),
});

/** `/api/rates.json`: the ticker data as published. */
export const apiRatesSchema = ratesSchema;

/** Every published JSON Schema by file name under `/api/schema/`. */
export const API_SCHEMAS = {
  'articles.json': apiArticleListSchema,
  'article.json': apiArticleSchema,
  'tags.json': apiTagListSchema,
  'tag.json': apiTagDetailSchema,
  'authors.json': apiAuthorListSchema,
  'author.json': apiAuthorDetailSchema,
  'sections.json': apiSectionListSchema,
  'section.json': apiSectionDetailSchema,
  'rates.json': apiRatesSchema,
} as const;

export type ApiTagRef = z.infer<typeof apiTagRefSchema>;
export type ApiArticleSummary = z.infer<typeof apiArticleSummarySchema>;
export type ApiArticleRef = z.infer<typeof apiArticleRefSchema>;
export type ApiArticleList = z.infer<typeof apiArticleListSchema>;
export type ApiArticle = z.infer<typeof apiArticleSchema>;
export type ApiTag = z.infer<typeof apiTagSchema>;
export type ApiTagList = z.infer<typeof apiTagListSchema>;
export type ApiTagDetail = z.infer<typeof apiTagDetailSchema>;
export type ApiArticleListInput = z.input<typeof apiArticleListSchema>;
export type ApiAuthor = z.infer<typeof apiAuthorSchema>;
export type ApiSection = z.infer<typeof apiSectionSchema>;
export type ApiAuthorList = z.infer<typeof apiAuthorListSchema>;
export type ApiAuthorDetail = z.infer<typeof apiAuthorDetailSchema>;
export type ApiSectionList = z.infer<typeof apiSectionListSchema>;
export type ApiSectionDetail = z.infer<typeof apiSectionDetailSchema>;
