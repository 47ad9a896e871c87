import type { Edition } from '../../../../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, getVersions, type ArticleEntry } from '../../../../../../data/published.ts';
import { articleStaticPaths } from '../../../../../../data/cache-keys.ts';
import { bodyOf, renderBodyHtml } from '../../../../../../data/render.ts';
import { apiPhoto, leadPhoto } from '../../../../../../data/photos.ts';
import {
  absolute,
  apiArticleSummary,
  articleJsonPath,
  jsonResponse,
} from '../../../../../../lib/api.ts';
import { correctionsInOrder, monthSegment } from '../../../../../../lib/catalog.ts';
import { zonedParts } from '../../../../../../lib/dates.ts';
import type { ApiArticle } from '../../../../../../schemas/api.ts';
import { SITE } from '../../../../../../site.config.ts';

// In the folder of its month: no folder of the API holds more than a month's stories.
export const getStaticPaths = (async () =>
  (await articleStaticPaths()).map((row) => {
    const { year, month } = zonedParts(row.props.entry.data.date, SITE.timeZone);
    return { ...row, params: { ...row.params, year: String(year), month: monthSegment(month) } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition; entry: ArticleEntry; slug: string }> = async ({
  props: { edition, entry, slug },
}) => {
  const { bySlug, tags, related } = await getCatalog(edition);
  const summary = bySlug.get(slug)!;
  const { derived, imageAlt, translationKey, corrections = [] } = entry.data;
  const others = (
    translationKey === undefined ? [] : ((await getVersions()).get(translationKey) ?? [])
  ).filter((version) => version.edition !== edition);
  const stored = bodyOf(entry);
  const lead = leadPhoto(entry.data);
  const photo = lead ? await apiPhoto(lead, SITE.url) : undefined;
  const body: ApiArticle = {
    ...apiArticleSummary(summary, tags, SITE.url, SITE.timeZone),
    html: await renderBodyHtml(entry, stored),
    wordCount: derived?.wordCount ?? 0,
    readingMinutes: derived?.readingMinutes ?? 1,
    ...(others.length > 0
      ? {
          translations: others.map((version) => ({
            lang: version.edition.lang,
            title: version.title,
            url: absolute(SITE.url, version.path),
            api: absolute(SITE.url, articleJsonPath(version.edition, version, SITE.timeZone)),
          })),
        }
      : {}),
    image: photo?.url,
    imageAlt,
    ...(photo ? { photo } : {}),
    related: related.get(slug) ?? [],
    corrections: correctionsInOrder(corrections).map(({ date, text }) => ({
      date: date.toISOString(),
      text,
    })),
  };
  return jsonResponse(body);
};
