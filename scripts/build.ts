/**
 * `npm run build`: validate (alongside Astro's start) → astro build into a staging folder → search
 * index → redirect pages → swap into place.
 * A failure at any step leaves the previous output folder exactly as it was.
 *
 * Options: --content DIR (default content), --out DIR (default dist), --cache-dir DIR,
 * --timings FILE (writes each stage's seconds as JSON, for `npm run bench`), --search-shard-size N
 * (articles per search index shard; default `SITE.searchShardSize`).
 */
import { existsSync, realpathSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveNow } from '../src/lib/dates.ts';
import { outputFolderProblem } from '../src/lib/safe-path.ts';
import { isShardSize } from '../src/lib/search.ts';
import { SITE } from '../src/site.config.ts';
import { startAstroBuild } from './lib/astro-build.ts';
import { printProblems, validateInWorker } from './lib/validation.ts';
import { forgetRenderedPages } from './lib/page-cache.ts';
import { writeRedirects } from './lib/redirects.ts';
import { previousOutputs, removeInBackground } from './lib/retired-output.ts';
import { indexSite } from './lib/search-index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist' },
    'cache-dir': { type: 'string' },
    timings: { type: 'string' },
    'search-shard-size': { type: 'string', default: String(SITE.searchShardSize) },
  },
});

/**
 * Removes a failed build's staging folder. Astro's process has ended by then, but Pagefind's,
 * closed without waiting after an error, may still be writing into it, so removal is retried until
 * it sticks.
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

const shardSize = Number(args['search-shard-size']);
if (!isShardSize(shardSize)) fail(`--search-shard-size must be a whole number of articles above 0, not ${args['search-shard-size']}`);

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
const real = (path: string) => (existsSync(path) ? realpathSync(path) : path);
const outProblem = outputFolderProblem(real(outDir), { root: real(root), contentDir: real(contentDir) });
if (outProblem) fail(`--out ${args.out}: refusing to build there, since ${outProblem}; nothing was touched.`);
process.env.KHABAR_CONTENT_DIR = contentDir;

const cacheDir = resolve(args['cache-dir'] ?? join(root, 'node_modules/.astro'));
const staging = `${outDir}.staging-${process.pid}`;
const retired = `${outDir}.old-${process.pid}`;
const leftovers = await previousOutputs(outDir);

const epochNow = () => performance.timeOrigin + performance.now();
const started = epochNow();
// Validation runs in a worker thread while Astro, in a process of its own, starts and syncs the
// content: the two cores each take one, and Astro is stopped the moment validation fails.
const validation = validateInWorker(contentDir, now).then((summary) => ({ summary, seconds: (epochNow() - started) / 1000 }));
const astro = startAstroBuild({ root, outDir: staging, liveDir: outDir, cacheDir });

/**
 * Stops the build: Astro's process, its output, and its record of rendered pages, which once Astro
 * has finished describes that output instead of the live site its page cache is.
 */
async function abandon(message: string): Promise<never> {
  await astro.stop();
  await discard(staging);
  forgetRenderedPages(cacheDir);
  fail(message);
}

const validated = await validation.catch((error: Error) => abandon(`Validation failed: ${error.message}\n${args.out} is unchanged.`));
const { problems, redirects, articleCount } = validated.summary;
const errors = printProblems(problems);
if (errors > 0) {
  await abandon(`\n${errors} problem${errors === 1 ? '' : 's'} in the content; nothing was built and ${args.out} is unchanged.`);
}
astro.showOutput();

const astroReport = await astro.finished.catch((error: Error) => abandon(`\nThe build failed: ${error.message}\n${args.out} is unchanged.`));
const built = epochNow();

const search = await indexSite(staging, { language: SITE.lang, shardSize }).catch((error: Error) =>
  abandon(`\nThe search index failed: ${error.message}\n${args.out} is unchanged.`),
);
await writeRedirects(staging, redirects).catch((error: Error) => abandon(`\n${error.message}\n${args.out} is unchanged.`));

if (existsSync(outDir)) await rename(outDir, retired);
await rename(staging, outDir);
// The new site is in place: the previous one (and any an interrupted build left) is removed by a
// process of its own, so the build ends without waiting for 80,000 files to be unlinked.
removeInBackground([retired, ...leftovers]);
if (args.timings) {
  const { marks, peakRssMiB } = astroReport;
  const stages = {
    validation: validated.seconds,
    contentSync: (marks.start - started) / 1000,
    rendering: (marks.generated - marks.start) / 1000,
    finishing: (built - marks.generated) / 1000,
    searchIndex: search.seconds,
    total: (epochNow() - started) / 1000,
    astroPeakRssMiB: peakRssMiB,
  };
  await writeFile(args.timings, `${JSON.stringify(stages, null, 2)}\n`);
}
const seconds = ((built - started) / 1000).toFixed(1);
process.stdout.write(
  `Built ${articleCount} articles into ${args.out}/ in ${seconds} s; ` +
    `search index of ${search.pages} pages in ${search.shards} shard${search.shards === 1 ? '' : 's'}, ${search.seconds.toFixed(1)} s.\n`,
);
