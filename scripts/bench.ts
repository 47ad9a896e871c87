/**
 * `npm run bench`: builds a generated newsroom corpus and reports what it cost.
 *
 * Options: --articles N (default 2000), --seed S (default 1), --keep (keep the temp folder),
 * --out-dir DIR (where the JSON and Markdown reports go; default .bench), --no-verify (skip the
 * clean rebuild that proves the incremental output is byte-identical), --clean-only (one clean build:
 * no edit, no rebuild; for the largest corpora), --no-photos (no article has a photo; by default
 * one in three has a lead photo beside it), --next-day (after the clean build, the next morning's
 * build: five new stories and new rates, the cache kept; reports the files it changed).
 *
 * Steps: generate the corpus → clean build → (next day) → edit one article → rebuild with the
 * cache kept → (verify) clean build of the edited corpus, compared file by file with the rebuild.
 *
 * The table's wall time, ms per page and peak memory leave the search index out, as the targets
 * do (docs/performance.md); the search index's seconds and the whole tree's peak are beside them.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus, writeNextDay, type GeneratedArticle } from './lib/corpus.ts';
import { newestFirst, type ArticleSummary } from '../src/lib/catalog.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { relatedArticles } from '../src/lib/related.ts';
import { articleFrontmatterSchema } from '../src/schemas/article.ts';
import { listFiles, treeDigest } from '../src/data/files.ts';
import { measureOutput } from '../src/lib/hosts.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'out-dir': { type: 'string', default: '.bench' },
    'no-verify': { type: 'boolean', default: false },
    'clean-only': { type: 'boolean', default: false },
    'no-photos': { type: 'boolean', default: false },
    'next-day': { type: 'boolean', default: false },
  },
});
const articles = Number(args.articles);
const seed = Number(args.seed);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(seed)) {
  process.stderr.write('--articles must be a positive integer and --seed an integer\n');
  process.exit(2);
}

/** Seconds each stage of one build took, as `scripts/build.ts --timings` writes them. */
interface Stages {
  validation: number | null;
  contentSync: number | null;
  rendering: number | null;
  finishing: number | null;
  searchIndex: number | null;
  total: number | null;
  /** Peak resident memory of Astro's process. */
  astroPeakRssMiB: number;
}

/** What one build cost. */
interface BuildFigures {
  /** Wall time of the whole build, search index included. */
  wallSeconds: number;
  /** Wall time without the search index: what the targets measure. */
  buildSeconds: number;
  cpuSeconds: number;
  /** Peak resident memory of the process tree without Pagefind's indexer: the build script, its validation worker and Astro's process. */
  peakRssMiB: number;
  /** Peak resident memory of the whole process tree, Pagefind's indexer included. */
  treePeakRssMiB: number;
  pages: number;
  files: number;
  outputMiB: number;
  /** Wall time without the search index, per HTML page. */
  msPerPage: number;
  /** Size of the Pagefind bundle (`pagefind/`). */
  searchIndexMiB: number;
  /** Bytes of output by kind of file (see {@link kindOf}), in MiB. */
  outputByKindMiB: Record<string, number>;
  /** The folder with the most entries (files and folders), and how many. */
  largestFolder: { path: string; entries: number };
  stages: Stages;
}

/** What a file of the built site is, for the output's sizes by kind. */
function kindOf(file: string): string {
  const path = `/${file}`;
  if (/\/pagefind\//.test(path)) return 'search index';
  if (/\/api\//.test(path)) return 'API';
  if (/\.(?:jpe?g|png|webp|avif|gif|svg)$/.test(path)) return 'images';
  if (/\/articles\/[^/]+\/index\.html$/.test(path)) return 'article pages';
  if (path.endsWith('.html')) return 'other pages';
  return 'other';
}

const PAGE_SIZE = 4096;

/** Resident memory of a process tree, in bytes, from /proc: in all, and without Pagefind's indexer. */
async function treeRss(rootPid: number): Promise<{ all: number; withoutSearch: number }> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  const search = new Set<number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE_SIZE);
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('pagefind'))
        search.add(Number(name));
    } catch {
      // The process ended between listing and reading.
    }
  }
  const ancestry = (pid: number): number[] => {
    const chain: number[] = [];
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p))
      chain.push(p);
    return chain;
  };
  let all = 0;
  let withoutSearch = 0;
  for (const [pid, bytes] of rss) {
    const chain = ancestry(pid);
    if (!chain.includes(rootPid)) continue;
    all += bytes;
    if (!chain.some((p) => search.has(p))) withoutSearch += bytes;
  }
  return { all, withoutSearch };
}

/** Node's options for the build, as `npm run build` passes them (package.json); docs/performance.md says why. */
const BUILD_NODE_OPTIONS = ['--max-semi-space-size=64'];

/** Runs `scripts/build.ts` under GNU time, sampling the process tree's memory. */
async function build(
  content: string,
  out: string,
  cache: string,
  work: string,
  now: Date = BENCH_NOW,
): Promise<BuildFigures> {
  const timingsFile = join(work, 'timings.json');
  const timeFile = join(work, 'time.txt');
  const started = performance.now();
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      '%U %S',
      '-o',
      timeFile,
      process.execPath,
      ...BUILD_NODE_OPTIONS,
      join(root, 'scripts/build.ts'),
      '--content',
      content,
      '--out',
      out,
      '--cache-dir',
      cache,
      '--timings',
      timingsFile,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, SOURCE_DATE_EPOCH: String(now.getTime() / 1000) },
    },
  );
  let peak = 0;
  let peakWithoutSearch = 0;
  const sampler = setInterval(() => {
    if (!child.pid) return;
    void treeRss(child.pid).then(({ all, withoutSearch }) => {
      peak = Math.max(peak, all);
      peakWithoutSearch = Math.max(peakWithoutSearch, withoutSearch);
    });
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`build exited with ${code}`);
  const [user, system] = (await readFile(timeFile, 'utf8'))
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  const stages = JSON.parse(await readFile(timingsFile, 'utf8')) as Stages;
  const files = await Promise.all(
    (await listFiles(out)).map(async (path) => ({
      path,
      bytes: (await stat(join(out, path))).size,
    })),
  );
  // The sizes the build's host check measures (src/lib/hosts.ts), and the same files by kind.
  const { bytes, largestFolder } = measureOutput(files);
  let indexBytes = 0;
  const byKind: Record<string, number> = {};
  for (const { path, bytes: size } of files) {
    if (path.startsWith('pagefind/')) indexBytes += size;
    byKind[kindOf(path)] = (byKind[kindOf(path)] ?? 0) + size / 2 ** 20;
  }
  const pages = files.filter(({ path }) => path.endsWith('.html')).length;
  return {
    wallSeconds,
    buildSeconds: wallSeconds - (stages.searchIndex ?? 0),
    cpuSeconds: (user ?? 0) + (system ?? 0),
    // Sampling can miss a short peak that Astro's process recorded itself.
    peakRssMiB: Math.max(peakWithoutSearch / 2 ** 20, stages.astroPeakRssMiB),
    treePeakRssMiB: peak / 2 ** 20,
    pages,
    files: files.length,
    outputMiB: bytes / 2 ** 20,
    msPerPage: ((wallSeconds - (stages.searchIndex ?? 0)) * 1000) / pages,
    searchIndexMiB: indexBytes / 2 ** 20,
    outputByKindMiB: byKind,
    largestFolder,
    stages,
  };
}

/** The build's "now": the newest article's day, at noon. */
const BENCH_NOW = new Date(Date.UTC(2026, 10, 20, 12));

function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => a[key] !== b[key]).sort();
}

const work = await mkdtemp(join(tmpdir(), 'khabar-bench-'));
const content = join(work, 'content');
const cache = join(work, 'cache');
process.stdout.write(`Generating ${articles} articles (seed ${seed}) in ${work}\n`);
const corpus = await writeCorpus(content, {
  articles,
  seed,
  newest: new Date(Date.UTC(2026, 10, 20)),
  photos: !args['no-photos'],
});
const photoCount = corpus.filter((article) => article.photo).length;

/** Seconds the related-stories computation takes over the whole corpus, as the build runs it once. */
function timeRelated(generated: readonly GeneratedArticle[]): number {
  const summaries: ArticleSummary[] = generated
    .map(({ slug, source }) => {
      const data = articleFrontmatterSchema.parse(splitFrontmatter(source).data);
      return {
        slug,
        id: slug,
        lang: 'en',
        path: `/articles/${slug}/`,
        title: data.title,
        date: data.date,
        tags: data.tags,
        ...(data.section ? { section: { name: data.section, slug: data.section } } : {}),
        excerpt: '',
      };
    })
    .sort((a, b) => newestFirst(a, b));
  const started = performance.now();
  relatedArticles(summaries);
  return (performance.now() - started) / 1000;
}

const relatedSeconds = timeRelated(corpus);
process.stdout.write(
  `Related stories of ${articles} articles computed in ${relatedSeconds.toFixed(2)} s\n`,
);

process.stdout.write('Clean build\n');
const clean = await build(content, join(work, 'dist'), cache, work);

/** The day of the builds after the clean one: the next day's, when the bench publishes one. */
const today = args['next-day'] ? new Date(BENCH_NOW.getTime() + 86_400_000) : BENCH_NOW;

/** The next morning's build: what it cost, and how many of the site's files it changed. */
let nextDay: (BuildFigures & { filesChanged: number; filesChangedShare: number }) | null = null;
if (args['next-day']) {
  const before = await treeDigest(join(work, 'dist'));
  await writeNextDay(content, { seed, day: today, count: 5, photos: !args['no-photos'] });
  process.stdout.write('The next day: five new stories and new rates\n');
  const figures = await build(content, join(work, 'dist'), cache, work, today);
  const changed = differences(before, await treeDigest(join(work, 'dist'))).length;
  nextDay = { ...figures, filesChanged: changed, filesChangedShare: changed / figures.files };
}

let rebuild: BuildFigures | null = null;
if (!args['clean-only']) {
  const edited = corpus[Math.floor(corpus.length / 2)]!;
  const editedPath = join(content, edited.path);
  await writeFile(
    editedPath,
    `${await readFile(editedPath, 'utf8')}\nCorrection: an earlier version of this article misspelt a name.\n`,
  );
  process.stdout.write(`Rebuild after editing ${edited.path}\n`);
  rebuild = await build(content, join(work, 'dist'), cache, work, today);
}

let identical: boolean | null = null;
let differing: string[] = [];
if (rebuild && !args['no-verify']) {
  process.stdout.write('Clean build of the edited corpus, to compare\n');
  await build(content, join(work, 'dist-clean'), join(work, 'cache-clean'), work, today);
  differing = differences(
    await treeDigest(join(work, 'dist')),
    await treeDigest(join(work, 'dist-clean')),
  );
  identical = differing.length === 0;
}

const report = {
  date: new Date().toISOString(),
  articles,
  seed,
  /** Articles with a lead photo beside them. */
  photos: photoCount,
  node: process.version,
  clean,
  nextDay,
  /** The next day's build over the clean build's, search index included in both. */
  nextDayShareOfClean: nextDay ? nextDay.wallSeconds / clean.wallSeconds : null,
  rebuild,
  /** The one-edit rebuild over the clean build's, search index included in both. */
  rebuildShareOfClean: rebuild ? rebuild.wallSeconds / clean.wallSeconds : null,
  /** Clean build over rebuild, search index excluded from both. */
  rebuildSpeedup: rebuild ? clean.buildSeconds / rebuild.buildSeconds : null,
  rebuildSpeedupWithSearchIndex: rebuild ? clean.wallSeconds / rebuild.wallSeconds : null,
  rebuildIdenticalToClean: identical,
  /** The related-stories computation over the whole corpus, in seconds. */
  relatedSeconds,
  differingFiles: differing.slice(0, 20),
};

const row = (name: string, f: BuildFigures) =>
  `| ${name} | ${f.buildSeconds.toFixed(1)} | ${f.cpuSeconds.toFixed(1)} | ${f.peakRssMiB.toFixed(0)} | ${f.treePeakRssMiB.toFixed(0)} | ${f.pages} | ${f.files} | ${f.outputMiB.toFixed(1)} | ${f.msPerPage.toFixed(2)} | ` +
  `${[f.stages.validation, f.stages.contentSync, f.stages.rendering, f.stages.finishing].map((s) => (s ?? 0).toFixed(1)).join(' / ')} | ${(f.stages.searchIndex ?? 0).toFixed(1)} s, ${f.searchIndexMiB.toFixed(1)} MiB |`;
const table = [
  `Khabar benchmark: ${articles} articles (${photoCount} with a photo), seed ${seed}, Node ${process.version}`,
  '',
  '| build | wall s | CPU s | peak RSS MiB | with search index | pages | files | output MiB | ms/page | validate / sync / render / finish s | search index |',
  '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --- | --: |',
  row('clean', clean),
  ...(nextDay ? [row('next day (5 new, new rates)', nextDay)] : []),
  ...(rebuild
    ? [
        row('one article edited', rebuild),
        '',
        `Rebuild speed-up: ${report.rebuildSpeedup?.toFixed(1)}× (${report.rebuildSpeedupWithSearchIndex?.toFixed(1)}× with the search index); ` +
          `rebuild output identical to a clean build: ${identical === null ? 'not checked' : identical ? 'yes' : `no (${differing.length} files differ, e.g. ${differing.slice(0, 3).join(', ')})`}`,
      ]
    : []),
  ...(nextDay
    ? [
        '',
        `Next day: ${(100 * report.nextDayShareOfClean!).toFixed(1)} % of the clean build's time (search index included), ` +
          `${nextDay.filesChanged} of ${nextDay.files} files changed (${(100 * nextDay.filesChangedShare).toFixed(1)} %).`,
      ]
    : []),
  ...(rebuild
    ? [
        `One edit: ${(100 * report.rebuildShareOfClean!).toFixed(1)} % of the clean build's time (search index included).`,
      ]
    : []),
  '',
  `Output by kind (MiB): ${Object.entries(clean.outputByKindMiB)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, mib]) => `${kind} ${mib.toFixed(1)}`)
    .join(
      ', ',
    )}; largest folder: ${clean.largestFolder.path} (${clean.largestFolder.entries} entries).`,
  '',
  `Related stories for every article: ${relatedSeconds.toFixed(2)} s.`,
].join('\n');

const outDir = resolve(root, args['out-dir']);
await mkdir(outDir, { recursive: true });
const stem = join(outDir, `bench-${articles}${args['no-photos'] ? '-no-photos' : ''}`);
await writeFile(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
await writeFile(`${stem}.md`, `${table}\n`);
process.stdout.write(`\n${table}\n\nWritten to ${stem}.json and ${stem}.md\n`);
if (!args.keep) await rm(work, { recursive: true, force: true });
