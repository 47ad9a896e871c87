import fs from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeInBackground } from './retired-output.ts';

/** Astro's record of the pages it rendered, their cache keys and output files. */
const RENDERED_PAGES_FILE = 'incremental-build.json';

/** The folder in Astro's cache directory where its incremental build keeps its copy of each page. */
const CACHED_PAGES_DIR = 'dist';

/**
 * Forgets which pages the previous build rendered, so the next build renders every page again.
 * After a build that failed once Astro had finished rendering: its record describes pages that
 * never shipped, not the live site the next build restores its unchanged pages from.
 */
export function forgetRenderedPages(cacheDir: string): void {
  fs.rmSync(join(cacheDir, RENDERED_PAGES_FILE), { force: true });
}

/**
 * Makes the live site Astro's page cache, in this process. Astro's incremental build keeps a copy
 * of every page it renders under `<cacheDir>/dist/` and copies unchanged pages back from there;
 * here that folder is a symbolic link to `liveDir`, the output the build will replace, whose pages
 * are exactly what Astro's record (`incremental-build.json`) describes once the build is swapped
 * into place:
 * - Astro's writes under `<cacheDir>/dist/` (its copies, their folders, pruned pages) are dropped:
 *   the page just written to the new output becomes the cached copy when that output goes live,
 *   so a clean build of 20,000 articles no longer writes, links or checks 58,000 copies.
 * - An unchanged page is restored by a hard link to the live site's file, not a copy. Astro's check
 *   that the cached page exists and the link are made on the file's own path: resolving the
 *   symbolic link for each of 58,000 pages took seconds.
 * - When the link pointed elsewhere (another output folder, or the copies an older layout kept),
 *   the record describes other files and is forgotten: that build renders every page.
 *
 * A build that fails after Astro finished must `forgetRenderedPages`. A page of the live site is
 * never written: the new output is a folder of its own, and Astro's writes into the cache are
 * dropped. `tests/integration/incremental.test.ts` checks both: restored pages are the live site's
 * files, and a failed rebuild leaves the live site as it was.
 */
export function cachePagesInLiveSite(cacheDir: string, liveDir: string): void {
  const cached = join(cacheDir, CACHED_PAGES_DIR);
  pointAt(cached, liveDir, cacheDir);
  const inCache = (file: unknown): string | undefined => {
    const path = typeof file === 'string' ? file : file instanceof URL ? fileURLToPath(file) : undefined;
    return path !== undefined && (path === cached || path.startsWith(cached + sep)) ? path : undefined;
  };
  const livePath = (page: string) => join(liveDir, relative(cached, page));
  const { existsSync } = fs;
  fs.existsSync = (path) => {
    const page = inCache(path);
    return existsSync(page === undefined ? path : livePath(page));
  };
  const { copyFile, mkdir, rm: remove, writeFile } = fs.promises;
  fs.promises.writeFile = (async (file, data, options) => {
    if (!inCache(file)) await writeFile(file, data, options);
  }) as typeof writeFile;
  fs.promises.mkdir = (async (path, options) => (inCache(path) ? undefined : mkdir(path, options))) as typeof mkdir;
  fs.promises.rm = (async (path, options) => {
    if (!inCache(path)) await remove(path, options);
  }) as typeof remove;
  fs.promises.copyFile = async (source, destination, mode) => {
    const page = inCache(source);
    const live = page === undefined ? undefined : livePath(page);
    const linked = live !== undefined && (await fs.promises.link(live, destination).then(() => true, () => false));
    // Otherwise another file system, or none that links: a copy.
    if (!linked) await copyFile(source, destination, mode);
  };
}

/** Makes `link` a symbolic link to `target`, forgetting Astro's record when it pointed elsewhere. */
function pointAt(link: string, target: string, cacheDir: string): void {
  let current: string | undefined;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current === target) return;
  forgetRenderedPages(cacheDir);
  if (current !== undefined) {
    fs.unlinkSync(link);
  } else if (fs.existsSync(link)) {
    // An older layout's folder of copies, up to 80,000 files: removed in the background.
    const retired = `${link}.old-${process.pid}`;
    fs.renameSync(link, retired);
    removeInBackground([retired]);
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.symlinkSync(target, link, 'dir');
}
