/**
 * Worker-thread entry of `validateInWorker` (./run.ts): validates the content folder named in
 * `workerData` and posts back what the build needs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isPublished, lastRevision } from '../lib/catalog.ts';
import { articlePath } from '../lib/routes.ts';
import { validateContent } from './content.ts';
import type { ValidationSummary } from './run.ts';

const { contentDir, now, cwd } = workerData as { contentDir: string; now: string; cwd: string };
const report = await validateContent(contentDir, new Date(now), cwd);
const summary: ValidationSummary = {
  problems: report.problems,
  redirects: report.redirects,
  articleCount: report.articles.length,
  lastModified: report.articles.flatMap(({ slug, data }) =>
    data && isPublished(data, new Date(now))
      ? [[articlePath(slug), (lastRevision(data) ?? data.date).toISOString()] as [string, string]]
      : [],
  ),
};
parentPort!.postMessage(summary);
