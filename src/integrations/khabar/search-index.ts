import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import {
  copyFile,
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { listFiles } from '../../data/files.ts';
import { zonedParts } from '../../lib/dates.ts';
import {
  periodShards,
  searchShardPath,
  searchShardsFile,
  type SearchShards,
} from '../../lib/search.ts';
import { apiArticleListSchema } from '../../schemas/api.ts';
import { articleListPath } from '../../lib/api.ts';

/** What indexing a built site for search did. */
export interface SearchIndexReport {
  /** Article pages indexed. */
  pages: number;
  /** Pagefind bundles in the index (see `SEARCH_SHARDS_FILE`). */
  shards: number;
  /** Of those, the bundles indexed by this build; the others were the previous build's. */
  indexed: number;
  /** Wall time of indexing and writing, in seconds. */
  seconds: number;
}

/** Files read at once ahead of Pagefind: enough to hide the reads, few enough for the open-file limit. */
const READ_AHEAD = 32;

/** A URL the API publishes (`absolute()` in src/lib/api.ts, from the site root) as a path inside the built folder. */
function sitePath(url: string): string {
  return new URL(url).pathname.slice(1);
}

/**
 * The built article pages of the edition at `prefix`, newest first, with the year of each (in
 * `timeZone`), as its own API lists them (`/api/articles.json`, `/ru/api/articles.json`, and the
 * pages their `next` links lead to).
 */
async function articlePagesNewestFirst(
  siteDir: string,
  prefix: string,
  timeZone: string,
): Promise<{ file: string; year: number }[]> {
  const pages: { file: string; year: number }[] = [];
  for (let file: string | null = articleListPath({ prefix }, 1).slice(1); file !== null;) {
    const list = apiArticleListSchema.parse(
      JSON.parse(await readFile(join(siteDir, file), 'utf8')),
    );
    for (const article of list.articles)
      pages.push({
        file: join(sitePath(article.url), 'index.html'),
        year: zonedParts(new Date(article.date), timeZone).year,
      });
    file = list.next === null ? null : sitePath(list.next);
  }
  return pages;
}

/** The installed Pagefind's version: the package.json above its entry point (it exports no other). */
const PAGEFIND_VERSION: string = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.resolve('pagefind'))); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as Record<
        string,
        string
      >;
      if (name === 'pagefind') return version!;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
})();

/**
 * What a shard's bundle is made from: Pagefind's version, the language, and each page's path
 * and bytes. Two shards with one digest have the same bundle.
 */
async function shardDigest(
  siteDir: string,
  files: readonly string[],
  language: string,
): Promise<string> {
  const hash = createHash('sha256').update(`${PAGEFIND_VERSION}\0${language}\0`);
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const batch = files.slice(i, i + READ_AHEAD);
    const contents = await Promise.all(batch.map((file) => readFile(join(siteDir, file))));
    for (const [j, file] of batch.entries()) {
      hash.update(`${file}\0`).update(createHash('sha256').update(contents[j]!).digest());
    }
  }
  return hash.digest('hex');
}

/** Each file of the folder `dir`, by its path there, with its size in bytes. */
async function sizesOf(dir: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const file of await listFiles(dir)) sizes[file] = (await stat(join(dir, file))).size;
  return sizes;
}

/** Whether the bundle kept at `bundle` has every file its list (`<bundle>.json`) names, at its size. */
async function isWhole(bundle: string): Promise<boolean> {
  try {
    const listed = JSON.parse(await readFile(`${bundle}.json`, 'utf8')) as Record<string, number>;
    const found = await sizesOf(bundle);
    return (
      Object.keys(listed).length === Object.keys(found).length &&
      Object.entries(listed).every(([file, size]) => found[file] === size)
    );
  } catch {
    return false;
  }
}

/** Copies the folder `from` to `to` (which must not exist), hard-linking each file where it can. */
async function copyTree(from: string, to: string): Promise<void> {
  for (const file of await listFiles(from)) {
    const target = join(to, file);
    await mkdir(dirname(target), { recursive: true });
    // A bundle's files are never written again once made: a link shares them safely.
    await link(join(from, file), target).catch(() => copyFile(join(from, file), target));
  }
}

/** Indexes `files` (paths inside `siteDir`) into one Pagefind bundle at `outputPath`. */
async function indexShard(
  siteDir: string,
  files: readonly string[],
  language: string,
  outputPath: string,
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(errors.join('; '));
  let pages = 0;
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const batch = files.slice(i, i + READ_AHEAD);
    const contents = await Promise.all(
      batch.map((sourcePath) => readFile(join(siteDir, sourcePath), 'utf8')),
    );
    // One at a time, in order: pages that reach the index in a varying order give the bundle's
    // files (named by content hash) different names between builds of the same site.
    for (const [j, sourcePath] of batch.entries()) {
      const added = await index.addHTMLFile({ sourcePath, content: contents[j]! });
      if (added.errors.length > 0) throw new Error(`${sourcePath}: ${added.errors.join('; ')}`);
      pages += 1;
    }
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  await index.deleteIndex();
  return pages;
}

/**
 * Indexes the article pages of one edition of a built site (the one whose paths start with
 * `prefix`) with Pagefind, in shards by year of at most `shardSize` articles (`periodShards`),
 * each in `<siteDir><prefix>/pagefind/<name>/`, all listed in `searchShardsFile(prefix)` for the
 * edition's search page. Pagefind holds a whole index in memory while it builds it, so the shard
 * size bounds the indexer's memory whatever the archive's size.
 *
 * Each shard's bundle is kept in `cacheDir` by the digest of what it is made from: a shard whose
 * pages are byte for byte the previous build's is copied from there, not indexed again, so a day's
 * new stories index only the current year's shard. Bundles no shard uses any more are removed.
 *
 * Only the element marked `data-pagefind-body` is indexed, in the edition's `language`, so its
 * words are stemmed as that language's (`ледника` finds `ледник`).
 * @throws when Pagefind reports an error; the caller keeps the previous site.
 */
export async function indexSite(
  siteDir: string,
  options: {
    language: string;
    prefix: string;
    shardSize: number;
    timeZone: string;
    cacheDir: string;
  },
): Promise<SearchIndexReport> {
  const started = performance.now();
  // Pagefind's Node API never answers once its process has died (the kernel kills it when memory
  // runs out); Node would then exit with code 13 mid-`await`, leaving the staging folder behind.
  // An event loop with nothing left to do means exactly that, so it fails the step instead.
  let stalled: (() => void) | undefined;
  const died = new Promise<never>((_, reject) => {
    stalled = () =>
      reject(
        new Error(
          "Pagefind's process ended without finishing the index (killed for lack of memory?)",
        ),
      );
    process.once('beforeExit', stalled);
  });
  const run = async (): Promise<SearchIndexReport> => {
    const shards = periodShards(
      await articlePagesNewestFirst(siteDir, options.prefix, options.timeZone),
      options.shardSize,
    );
    const manifest: SearchShards = {
      shards: shards.map(({ name }) => searchShardPath(name, options.prefix)),
    };
    const kept = join(options.cacheDir, 'khabar-search', options.language);
    await mkdir(kept, { recursive: true });
    const used = new Set<string>();
    let indexed = 0;
    for (const [i, { items }] of shards.entries()) {
      const files = items.map(({ file }) => file);
      const digest = await shardDigest(siteDir, files, options.language);
      used.add(digest);
      const bundle = join(kept, digest);
      if (!(await isWhole(bundle))) {
        // Made beside its final name and renamed into place, its list of files written last: a
        // bundle in the cache is whole, and one damaged since is made again.
        await rm(bundle, { recursive: true, force: true });
        const staging = `${bundle}.${process.pid}.tmp`;
        await rm(staging, { recursive: true, force: true });
        await indexShard(siteDir, files, options.language, staging);
        await rename(staging, bundle);
        await writeFile(`${bundle}.json`, JSON.stringify(await sizesOf(bundle)));
        indexed += 1;
      }
      await copyTree(bundle, join(siteDir, manifest.shards[i]!));
    }
    if (indexed > 0) await pagefind.close();
    for (const entry of await readdir(kept))
      if (!used.has(entry.replace(/\.json$/, '')))
        await rm(join(kept, entry), { recursive: true, force: true });
    await mkdir(join(siteDir, options.prefix, 'pagefind'), { recursive: true });
    await writeFile(
      join(siteDir, searchShardsFile(options.prefix)),
      `${JSON.stringify(manifest)}\n`,
    );
    const pages = shards.reduce((sum, { items }) => sum + items.length, 0);
    return {
      pages,
      shards: shards.length,
      indexed,
      seconds: (performance.now() - started) / 1000,
    };
  };
  try {
    return await Promise.race([run(), died]);
  } catch (error) {
    void pagefind.close().catch(() => undefined);
    throw error;
  } finally {
    process.off('beforeExit', stalled!);
  }
}
