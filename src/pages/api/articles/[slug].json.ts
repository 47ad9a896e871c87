import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type ArticleEntry } from '../../../data/published.ts';
import { articleStaticPaths } from '../../../data/cache-keys.ts';
import { bodyOf, renderBodyHtml } from '../../../data/render.ts';
import { apiPhoto, leadPhoto } from '../../../data/photos.ts';
import { apiArticleSummary, jsonResponse } from '../../../lib/api.ts';
import { correctionsInOrder } from '../../../lib/catalog.ts';
import type { ApiArticle } from '../../../schemas/api.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = articleStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ArticleEntry }> = async ({ props: { entry } }) => {
  const { bySlug, tags, related } = await getCatalog();
  const summary = bySlug.get(entry.id)!;
  const { derived, imageAlt, lang, corrections = [] } = entry.data;
  const stored = bodyOf(entry);
  const lead = leadPhoto(entry.data);
  const photo = lead ? await apiPhoto(lead, SITE.url) : undefined;
  const body: ApiArticle = {
    ...apiArticleSummary(summary, tags, SITE.url),
    html: await renderBodyHtml(entry, stored),
    plainText: stored.plainText,
    wordCount: derived?.wordCount ?? 0,
    readingMinutes: derived?.readingMinutes ?? 1,
    lang,
    image: photo?.url,
    imageAlt,
    ...(photo ? { photo } : {}),
    related: related.get(entry.id) ?? [],
    corrections: correctionsInOrder(corrections).map(({ date, text }) => ({
      date: date.toISOString(),
      text,
    })),
  };
  return jsonResponse(body);
};
