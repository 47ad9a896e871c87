import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What indexing a built site for search did. */
export interface SearchIndexReport {
  /** Article pages indexed. */
  pages: number;
  /** Wall time of indexing and writing, in seconds. */
  seconds: number;
}

/**
 * Indexes the article pages of a built site with Pagefind into `<siteDir>/pagefind/`. Only the
 * element marked `data-pagefind-body` is indexed. Every page goes into one index in `language`,
 * so articles written in other languages (`lang: ru`) are found from the one search page; their
 * words are matched as written, without that language's stemming.
 * @throws when Pagefind reports an error; the caller keeps the previous site.
 */
export async function indexSite(siteDir: string, language: string): Promise<SearchIndexReport> {
  const started = performance.now();
  // Pagefind's Node API never answers once its process has died (the kernel kills it when memory
  // runs out); Node would then exit with code 13 mid-`await`, leaving the staging folder behind.
  // An event loop with nothing left to do means exactly that, so it fails the step instead.
  let stalled: (() => void) | undefined;
  const died = new Promise<never>((_, reject) => {
    stalled = () => reject(new Error("Pagefind's process ended without finishing the index (killed for lack of memory?)"));
    process.once('beforeExit', stalled);
  });
  const run = async (): Promise<SearchIndexReport> => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: siteDir, glob: 'articles/*/index.html' });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    await pagefind.close();
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
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
