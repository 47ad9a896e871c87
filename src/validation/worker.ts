/**
 * Worker-thread entry of `validateInWorker` (./run.ts): validates the content folder named in
 * `workerData` and posts back what the build needs.
 */
import { EDITIONS } from '../i18n/index.ts';
import { editionOf } from '../lib/editions.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { isPublished, lastRevision } from '../lib/catalog.ts';
import { articlePath } from '../lib/routes.ts';
import { validateContent } from './content.ts';
import type { ValidationSummary } from './run.ts';

const { contentDir, now, cwd } = workerData as { contentDir: string; now: string; cwd: string };
const report = await validateContent(contentDir, new Date(now), cwd);
const summary: ValidationSummary = {
  translations: [],
  problems: report.problems,
  redirects: report.redirects,
  articleCount: report.articles.length,
  lastModified: report.articles.flatMap(({ slug, edition, data }) =>
    data && isPublished(data, new Date(now))
      ? [
          [
            articlePath(editionOf(edition, EDITIONS)!, slug),
            (lastRevision(data) ?? data.date).toISOString(),
          ] as [string, string],
        ]
      : [],
  ),
};
const versions = new Map<string, [string, string][]>();
for (const { slug, edition, data } of report.articles) {
  if (!data?.translationKey || !isPublished(data, new Date(now))) continue;
  const version: [string, string] = [edition, articlePath(editionOf(edition, EDITIONS)!, slug)];
  versions.set(data.translationKey, [...(versions.get(data.translationKey) ?? []), version]);
}
summary.translations = [...versions.values()].filter((list) => list.length > 1);
parentPort!.postMessage(summary);
