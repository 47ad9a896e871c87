import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR, NOW, SEARCH_SHARD_SIZE, TIMINGS_FILE } from '../../data/build-context.ts';
import { SITE } from '../../site.config.ts';
import { printProblems, validateInWorker, type ValidationSummary } from '../../validation/run.ts';
import { contentCheck } from '../content-check.ts';
import { decapAdmin } from '../decap-admin.ts';
import { writeSitemap } from '../sitemap.ts';
import { writeRedirects } from './redirects.ts';
import { checkHost } from './host-check.ts';
import { finishOutput, type OutputChanges } from './finish-output.ts';
import { HOSTS } from '../../lib/hosts.ts';
import { clearRenderPending, markRenderPending } from './render-mark.ts';
import { indexSite } from './search-index.ts';
import { DEFAULT_EDITION, EDITIONS } from '../../i18n/index.ts';
import { alternatesOf, type Alternate } from '../../lib/editions.ts';
import { sharedPageVersions } from '../../lib/routes.ts';

/**
 * How long each stage of a build took, in seconds from the integration's start, and what it made:
 * written to `KHABAR_TIMINGS` for `scripts/build.ts`'s last line and `npm run bench`.
 */
export interface BuildTimings {
  validation: number;
  contentSync: number;
  rendering: number;
  finishing: number;
  searchIndex: number;
  /** Articles validated. */
  articles: number;
  /** Article pages in the search index, and the shards they fill. */
  searchPages: number;
  searchShards: number;
  /** Of those shards, the ones this build indexed; the others were copied from earlier builds. */
  searchShardsIndexed: number;
  /** Peak resident memory of the build's process, in MiB. */
  astroPeakRssMiB: number;
  /** How the output differs from the previous build's: what a host uploads. */
  output: OutputChanges;
}

/**
 * Khabar's build steps, as an Astro integration. Its hooks, in the order Astro calls them:
 *
 * 1. `astro:config:setup`: adds Khabar's own integrations (the editing UI's bundle, the content
 *    check under `astro dev`); in a build, starts validating the content in a worker thread, so it
 *    runs on the second core while Astro syncs the content, and marks Astro's page cache as being
 *    written (`render-mark.ts`).
 * 2. `astro:build:start`: waits for validation and prints every problem, compiler-style; with any
 *    error, ends the build (exit code 1) before a page is rendered, so Astro's page cache is
 *    untouched and the next build keeps it.
 * 3. `astro:build:generated`: every page is rendered and recorded: the page cache is consistent.
 * 4. `astro:build:done`: writes the sitemap, the search index (Pagefind, in shards by year; a
 *    shard whose pages did not change is copied from the bundles kept in Astro's cache folder)
 *    and the redirects (as `SITE.host` serves them) into the output folder, then measures the
 *    output against the host's limits and warns of each it passes, after `finish-output.ts` has
 *    deleted the images nothing refers to and counted the files that differ from the previous
 *    build's.
 *
 * Publishing the output (the atomic swap) is the one step no hook can do: `scripts/build.ts`.
 */
export function khabar(): AstroIntegration {
  const started = performance.now();
  const seconds = (from: number, to = performance.now()) => (to - from) / 1000;
  const marks = { validated: 0, syncEnd: 0, generated: 0 };
  let validation: Promise<ValidationSummary> | undefined;
  let summary: ValidationSummary | undefined;
  let cacheDir = '';
  let assets = '_astro';
  return {
    name: 'khabar',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // The site config is TypeScript, but nothing type-checks it before a build.
        if (!Object.hasOwn(HOSTS, SITE.host))
          throw new Error(
            `host in src/site.config.ts is "${String(SITE.host)}"; expected one of ${Object.keys(HOSTS).join(', ')} (docs/deploy.md)`,
          );
        updateConfig({ integrations: [decapAdmin(), contentCheck()] });
        cacheDir = fileURLToPath(config.cacheDir);
        assets = config.build.assets;
        if (command !== 'build') return;
        markRenderPending(cacheDir);
        validation = validateInWorker(CONTENT_DIR, NOW).then((result) => {
          marks.validated = performance.now();
          return result;
        });
      },
      'astro:build:start': async () => {
        marks.syncEnd = performance.now();
        if (!validation) return;
        summary = await validation;
        const errors = printProblems(summary.problems);
        if (errors > 0) {
          clearRenderPending(cacheDir);
          // The problems are the whole message: a thrown error would add Astro's report of an
          // unhandled error in this hook, and a stack, to what an author reads.
          process.stderr.write(
            `\n${errors} problem${errors === 1 ? '' : 's'} in the content; nothing was built and the published site is unchanged.\n`,
          );
          process.exit(1);
        }
      },
      'astro:build:generated': () => {
        marks.generated = performance.now();
        clearRenderPending(cacheDir);
      },
      'astro:build:done': async ({ dir, pages }) => {
        const outDir = fileURLToPath(dir);
        const alternates = new Map<string, Alternate[]>();
        const groups = [
          ...(EDITIONS.length > 1 ? sharedPageVersions(EDITIONS) : []),
          ...(summary?.translations ?? []).map((list) =>
            list.map(([lang, path]) => ({ lang, path })),
          ),
        ];
        for (const versions of groups) {
          const links = alternatesOf(versions, DEFAULT_EDITION.lang);
          for (const { path } of versions) alternates.set(path, links);
        }
        await writeSitemap(
          outDir,
          pages.map(({ pathname }) => pathname),
          SITE.url,
          new Map(summary?.lastModified ?? []),
          alternates,
        );
        // One index per edition, each in its language: Pagefind stems Russian words as Russian.
        const search = { seconds: 0, pages: 0, shards: 0, indexed: 0 };
        for (const edition of EDITIONS) {
          const report = await indexSite(outDir, {
            language: edition.lang,
            prefix: edition.prefix,
            shardSize: SEARCH_SHARD_SIZE,
            timeZone: SITE.timeZone,
            cacheDir,
          });
          search.seconds += report.seconds;
          search.pages += report.pages;
          search.shards += report.shards;
          search.indexed += report.indexed;
        }
        const host = HOSTS[SITE.host];
        const redirectCounts = await writeRedirects(
          outDir,
          summary?.redirects ?? [],
          pages.map(({ pathname }) => `/${pathname.replace(/^\//, '')}`),
          host,
        );
        const { changes: output, sizes } = await finishOutput(outDir, cacheDir, assets);
        for (const warning of checkHost(sizes, host, redirectCounts))
          process.stderr.write(`warning: ${warning}\n`);
        if (!TIMINGS_FILE) return;
        const timings: BuildTimings = {
          validation: seconds(started, marks.validated),
          contentSync: seconds(started, marks.syncEnd),
          rendering: seconds(marks.syncEnd, marks.generated),
          finishing: seconds(marks.generated) - search.seconds,
          searchIndex: search.seconds,
          articles: summary?.articleCount ?? 0,
          searchPages: search.pages,
          searchShards: search.shards,
          searchShardsIndexed: search.indexed,
          astroPeakRssMiB: process.resourceUsage().maxRSS / 1024,
          output,
        };
        await writeFile(TIMINGS_FILE, `${JSON.stringify(timings, null, 2)}\n`);
      },
    },
  };
}
