import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type ArticleEntry } from '../../../data/articles.ts';
import { getCacheKeys } from '../../../data/cache-keys.ts';
import { bodyOf, renderBodyHtml } from '../../../data/render.ts';
import { absolute, apiArticleSummary, jsonResponse } from '../../../lib/api.ts';
import type { ApiArticle } from '../../../schemas/api.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const [{ entries }, keys] = await Promise.all([getCatalog(), getCacheKeys()]);
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry }, cacheKey: keys.article(entry) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ArticleEntry }> = async ({ props: { entry } }) => {
  const { bySlug, tags } = await getCatalog();
  const summary = bySlug.get(entry.id)!;
  const { derived, image, imageAlt, lang } = entry.data;
  const stored = bodyOf(entry);
  const body: ApiArticle = {
    ...apiArticleSummary(summary, tags, SITE.url),
    html: await renderBodyHtml(entry, stored),
    plainText: stored.plainText,
    wordCount: derived?.wordCount ?? 0,
    readingMinutes: derived?.readingMinutes ?? 1,
    lang,
    image: image ? absolute(SITE.url, image) : undefined,
    imageAlt,
  };
  return jsonResponse(body);
};
