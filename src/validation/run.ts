/**
 * The build's side of validation, kept apart from the validator (./content.ts) so that the
 * integration, which only starts a worker and prints its findings, does not load it into Astro's
 * process.
 */
import { Worker } from 'node:worker_threads';
import { formatProblem, sortProblems, type Problem } from '../lib/problems.ts';
import type { Redirect } from '../schemas/redirects.ts';

/** What the build keeps of a validation: the parsed articles are left behind. */
export interface ValidationSummary {
  problems: Problem[];
  redirects: Redirect[];
  articleCount: number;
  /** Each published article's page path and last revision (ISO 8601), for the sitemap's `<lastmod>`. */
  lastModified: [path: string, iso: string][];
  /** The published versions of each translated story, as `[lang, path]`, for the sitemap's alternates. */
  translations: [lang: string, path: string][][];
}

/**
 * `validateContent` in a worker thread, for the build: it runs on the second core while Astro
 * starts and syncs the content, and the memory it parsed every article into goes back to the
 * system with the worker instead of staying in the build's heap.
 */
export function validateInWorker(
  contentDir: string,
  now: Date,
  cwd = process.cwd(),
): Promise<ValidationSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: { contentDir, now: now.toISOString(), cwd },
    });
    worker.once('message', (summary: ValidationSummary) => resolve(summary));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`validation stopped with exit code ${code}`)));
  });
}

/** Prints problems to stderr in reading order, compiler-style; returns how many are errors. */
export function printProblems(problems: readonly Problem[]): number {
  const sorted = sortProblems(problems);
  for (const problem of sorted) process.stderr.write(`${formatProblem(problem)}\n`);
  return sorted.filter((problem) => problem.severity === 'error').length;
}
