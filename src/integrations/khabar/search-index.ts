import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import {
  searchShardPath,
  searchShardsFile,
  shardsOf,
  type SearchShards,
} from '../../lib/search.ts';
import { apiArticleListSchema } from '../../schemas/api.ts';
import { articleListPath } from '../../lib/api.ts';

/** What indexing a built site for search did. */
export interface SearchIndexReport {
  /** Article pages indexed. */
  pages: number;
  /** Pagefind bundles written (see `SEARCH_SHARDS_FILE`). */
  shards: number;
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
 * The built article pages of the edition at `prefix`, newest first, as its own API lists them
 * (`/api/articles.json`, `/ru/api/articles.json`, and the pages their `next` links lead to).
 */
async function articlePagesNewestFirst(siteDir: string, prefix: string): Promise<string[]> {
  const pages: string[] = [];
  for (let file: string | null = articleListPath({ prefix }, 1).slice(1); file !== null;) {
    const list = apiArticleListSchema.parse(
      JSON.parse(await readFile(join(siteDir, file), 'utf8')),
    );
    for (const article of list.articles) pages.push(join(sitePath(article.url), 'index.html'));
    file = list.next === null ? null : sitePath(list.next);
  }
  return pages;
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
 * `prefix`) with Pagefind, in shards of at most `shardSize` articles, newest first: shard 1 in
 * `<siteDir><prefix>/pagefind/`, the others beside it, all listed in `searchShardsFile(prefix)`
 * for the edition's search page. Pagefind holds a whole index in memory while it builds
 * it, so the shard size bounds the indexer's memory whatever the archive's size.
 * Only the element marked `data-pagefind-body` is indexed, in the edition's `language`, so its
 * words are stemmed as that language's (`ледника` finds `ледник`).
 * @throws when Pagefind reports an error; the caller keeps the previous site.
 */
export async function indexSite(
  siteDir: string,
  options: { language: string; prefix: string; shardSize: number },
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
    const shards = shardsOf(
      await articlePagesNewestFirst(siteDir, options.prefix),
      options.shardSize,
    );
    const manifest: SearchShards = {
      shards: shards.map((_, i) => searchShardPath(i + 1, options.prefix)),
    };
    let pages = 0;
    for (const [i, files] of shards.entries()) {
      pages += await indexShard(
        siteDir,
        files,
        options.language,
        join(siteDir, manifest.shards[i]!),
      );
    }
    await pagefind.close();
    await mkdir(join(siteDir, options.prefix, 'pagefind'), { recursive: true });
    await writeFile(
      join(siteDir, searchShardsFile(options.prefix)),
      `${JSON.stringify(manifest)}\n`,
    );
    return { pages, shards: shards.length, seconds: (performance.now() - started) / 1000 };
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
