/**
 * `npm run build`: validate → astro build into a staging folder → search index → redirect pages →
 * swap into place.
 * A failure at any step leaves the previous output folder exactly as it was.
 *
 * Options: --content DIR (default content), --out DIR (default dist), --cache-dir DIR,
 * --timings FILE (writes each stage's seconds as JSON, for `npm run bench`).
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveNow } from '../src/lib/dates.ts';
import type { AstroIntegration } from 'astro';
import { SITE } from '../src/site.config.ts';
import { printProblems, validateContent } from './lib/content.ts';
import { writeRedirects } from './lib/redirects.ts';
import { indexSite, type SearchIndexReport } from './lib/search-index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist' },
    'cache-dir': { type: 'string' },
    timings: { type: 'string' },
  },
});

/**
 * Removes a failed build's staging folder. Pages rendered concurrently may still be writing into
 * it when Astro reports the first error, so removal is retried until it sticks.
 */
async function discard(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!existsSync(dir)) return;
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let now: Date;
try {
  now = resolveNow(process.env);
} catch (error) {
  fail((error as Error).message);
}
// One "now" for validation and for every page Astro renders.
process.env.SOURCE_DATE_EPOCH = String(Math.floor(now.getTime() / 1000));
const contentDir = resolve(args.content);
const outDir = resolve(args.out);
process.env.KHABAR_CONTENT_DIR = contentDir;

const started = performance.now();
// Only what later steps need is kept: the parsed articles would stay in memory through Astro's build.
const { problems, redirects, articleCount } = await validateContent(contentDir, now).then((report) => ({
  problems: report.problems,
  redirects: report.redirects,
  articleCount: report.articles.length,
}));
const errors = printProblems(problems);
if (errors > 0) {
  fail(`\n${errors} problem${errors === 1 ? '' : 's'} in the content; nothing was built and ${args.out} is unchanged.`);
}

const validated = performance.now();
// Stage boundaries inside Astro's build: content sync ends before `astro:build:start`, pages are
// rendered by `astro:build:generated`, and `astro:build:done` follows the integrations' output.
const marks: Record<string, number> = {};
const timings: AstroIntegration = {
  name: 'khabar-timings',
  hooks: {
    'astro:build:start': () => void (marks.start = performance.now()),
    'astro:build:generated': () => void (marks.generated = performance.now()),
    'astro:build:done': () => void (marks.done = performance.now()),
  },
};

const staging = `${outDir}.staging-${process.pid}`;
const retired = `${outDir}.old-${process.pid}`;
try {
  const { build } = await import('astro');
  await build({
    root,
    outDir: staging,
    ...(args['cache-dir'] ? { cacheDir: resolve(args['cache-dir']) } : {}),
    logLevel: 'warn',
    integrations: [timings],
  });
} catch (error) {
  await discard(staging);
  fail(`\nThe build failed: ${(error as Error).message}\n${args.out} is unchanged.`);
}
const built = performance.now();
// Validation and Astro run in this process, Pagefind in a child of its own: this is the build's
// peak memory without the search index.
const buildPeakRssMiB = process.resourceUsage().maxRSS / 1024;

let search: SearchIndexReport;
try {
  search = await indexSite(staging, SITE.lang);
} catch (error) {
  await discard(staging);
  fail(`\nThe search index failed: ${(error as Error).message}\n${args.out} is unchanged.`);
}

try {
  await writeRedirects(staging, redirects);
} catch (error) {
  await discard(staging);
  fail(`\n${(error as Error).message}\n${args.out} is unchanged.`);
}

if (existsSync(outDir)) await rename(outDir, retired);
await rename(staging, outDir);
await rm(retired, { recursive: true, force: true });
if (args.timings) {
  const between = (from: number | undefined, to: number | undefined) => (from !== undefined && to !== undefined ? (to - from) / 1000 : null);
  const stages = {
    validation: between(started, validated),
    contentSync: between(validated, marks.start),
    rendering: between(marks.start, marks.generated),
    finishing: between(marks.generated, built),
    searchIndex: search.seconds,
    total: between(started, performance.now()),
    buildPeakRssMiB,
  };
  await writeFile(args.timings, `${JSON.stringify(stages, null, 2)}\n`);
}
const seconds = ((built - started) / 1000).toFixed(1);
process.stdout.write(
  `Built ${articleCount} articles into ${args.out}/ in ${seconds} s; ` +
    `search index of ${search.pages} pages in ${search.seconds.toFixed(1)} s.\n`,
);
