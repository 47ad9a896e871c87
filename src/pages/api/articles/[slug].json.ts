import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type ArticleEntry } from '../../../data/articles.ts';
import { renderBodyHtml } from '../../../data/render.ts';
import { absolute, apiArticleSummary, jsonResponse } from '../../../lib/api.ts';
import type { ApiArticle } from '../../../schemas/api.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const { entries } = await getCatalog();
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ArticleEntry }> = async ({ props: { entry } }) => {
  const { bySlug, tags } = await getCatalog();
  const summary = bySlug.get(entry.id)!;
  const { derived, image, imageAlt, lang } = entry.data;
  const body: ApiArticle = {
    ...apiArticleSummary(summary, tags, SITE.url),
    html: await renderBodyHtml(entry),
    plainText: derived?.plainText ?? '',
    wordCount: derived?.wordCount ?? 0,
    readingMinutes: derived?.readingMinutes ?? 1,
    lang,
    image: image ? absolute(SITE.url, image) : undefined,
    imageAlt,
  };
  return jsonResponse(body);
};
