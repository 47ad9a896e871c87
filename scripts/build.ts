/**
 * `npm run build`: `astro build` into a new version folder, then publishes it. Everything else
 * (validation beside Astro's start, the sitemap, the search index, the redirects) is done by
 * Khabar's integration (src/integrations/khabar/) through Astro's hooks; this script does only
 * what no hook can: choose the output folder, and swap it into place once the build succeeded.
 * A failure or an interruption at any step leaves the published site exactly as it was.
 *
 * Options: --content DIR (default content), --out DIR (default dist), --cache-dir DIR,
 * --timings FILE (writes each stage's seconds as JSON, for `npm run bench`), --search-shard-size N
 * (articles per search index shard; default `SITE.searchShardSize`).
 */
import { existsSync, realpathSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveNow } from '../src/lib/dates.ts';
import { cacheFolderProblem, outputFolderProblem } from '../src/lib/safe-path.ts';
import { isShardSize } from '../src/lib/search.ts';
import { SITE } from '../src/site.config.ts';
import {
  existingOutputProblem,
  newVersion,
  sealVersion,
  publish,
  PublishError,
  removeOldVersions,
} from './lib/publish.ts';
import { previousOutputs, removeInBackground } from './lib/retired-output.ts';

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

/** How long a build waits for another build of the project to end before it gives up. */
const BUILD_WAIT_MS = 30 * 60_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const shardSize = Number(args['search-shard-size']);
if (!isShardSize(shardSize))
  fail(
    `--search-shard-size must be a whole number of articles above 0, not ${args['search-shard-size']}`,
  );

let now: Date;
try {
  now = resolveNow(process.env);
} catch (error) {
  fail((error as Error).message);
}
const contentDir = resolve(args.content);
const outDir = resolve(args.out);
const real = (path: string) => (existsSync(path) ? realpathSync(path) : path);
const outProblem = outputFolderProblem(real(outDir), {
  root: real(root),
  contentDir: real(contentDir),
});
if (outProblem)
  fail(`--out ${args.out}: refusing to build there, since ${outProblem}; nothing was touched.`);
const cacheDir = resolve(args['cache-dir'] ?? join(root, 'node_modules/.astro'));
const cacheProblem = cacheFolderProblem(real(cacheDir), {
  root: real(root),
  contentDir: real(contentDir),
  outDir: real(outDir),
});
if (cacheProblem) {
  fail(
    `--cache-dir ${args['cache-dir']}: refusing to keep the cache there, since ${cacheProblem}; nothing was touched.`,
  );
}
const existing = existingOutputProblem(outDir);
if (existing)
  fail(`--out ${args.out}: refusing to replace it, since ${existing}; nothing was touched.`);

// What the integration reads (src/data/build-context.ts): one "now" for validation and every page.
// A build is for production whatever the shell says: NODE_ENV=test (vitest's) would make Vite's
// `import.meta.env.DEV` true in the content loader.
Object.assign(process.env, {
  NODE_ENV: 'production',
  SOURCE_DATE_EPOCH: String(Math.floor(now.getTime() / 1000)),
  KHABAR_CONTENT_DIR: contentDir,
  KHABAR_SEARCH_SHARD_SIZE: String(shardSize),
  KHABAR_TIMINGS: join(cacheDir, `khabar-timings-${process.pid}.json`),
});

const { lockBuilds, renderWasInterrupted, unlockBuilds } =
  await import('../src/integrations/khabar/render-mark.ts');
// One build at a time per project (see `lockBuilds`): a second one waits for the first.
const lockDir = join(root, 'node_modules', '.cache');
const waitedSince = Date.now();
for (
  let holder = lockBuilds(lockDir), told = false;
  holder !== undefined;
  holder = lockBuilds(lockDir)
) {
  const who = `another build${holder > 0 ? ` (process ${holder})` : ''} of this project`;
  if (Date.now() - waitedSince > BUILD_WAIT_MS) {
    fail(`${who} has run for over ${BUILD_WAIT_MS / 60_000} minutes; nothing was touched.`);
  }
  if (!told) process.stderr.write(`Waiting for ${who} to end…\n`);
  told = true;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
process.on('exit', () => unlockBuilds(lockDir));
const interrupted = renderWasInterrupted(cacheDir);

const version = newVersion(outDir);
const started = performance.now();
const { build } = await import('astro');
type BuildTimings = import('../src/integrations/khabar/index.ts').BuildTimings;
try {
  // After an interrupted render Astro's record of rendered pages may not match its stored copies:
  // `force` renders every page again instead of trusting them.
  await build({ root, outDir: version, cacheDir, logLevel: 'warn', force: interrupted });
} catch (error) {
  removeOldVersions(outDir);
  fail(`\nThe build failed: ${(error as Error).message}\n${args.out} is unchanged.`);
}

try {
  publish(outDir, sealVersion(version));
} catch (error) {
  removeOldVersions(outDir);
  fail(
    error instanceof PublishError ? `\n${error.message}; ${args.out} is unchanged.` : String(error),
  );
}
// Earlier sites, and the folders of builds that were killed, go in a process of their own, so the
// build ends without waiting for a whole site's files to be unlinked.
removeOldVersions(outDir);
removeInBackground(await previousOutputs(outDir));

const timingsFile = process.env.KHABAR_TIMINGS!;
const timings = JSON.parse(await readFile(timingsFile, 'utf8')) as BuildTimings;
await rm(timingsFile, { force: true });
const total = (performance.now() - started) / 1000;
if (args.timings)
  await writeFile(args.timings, `${JSON.stringify({ ...timings, total }, null, 2)}\n`);
const seconds = (total - timings.searchIndex).toFixed(1);
const { output } = timings;
process.stdout.write(
  `Built ${timings.articles} articles into ${args.out}/ in ${seconds} s; ` +
    `search index of ${timings.searchPages} pages in ${timings.searchShards} shard${timings.searchShards === 1 ? '' : 's'} (${timings.searchShardsIndexed} indexed), ${timings.searchIndex.toFixed(1)} s.\n` +
    `Since the previous build: ${output.pagesChanged} of ${output.pages} pages and ${output.changed} of ${output.files} files changed or new, ${output.removed} removed.\n`,
);
