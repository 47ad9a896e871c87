import fs from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Makes Astro's incremental build (in this process) share page files between its cache folder and
 * the output by hard links instead of writing each page twice and copying unchanged pages back: at
 * 20,000 articles that is 79,000 files, 1.1 GB, and the same again whenever the output is removed.
 * - A page just rendered into `outDir` becomes its cached copy by a link, not a second write.
 * - An unchanged page is restored from the cache by a link, not a copy.
 *
 * The output, and after the swap the live site, therefore shares its files with the cache, so a
 * cached page is never written in place: one rendered again replaces its cached file (unlink, then
 * link or write), and the live site keeps the old one until the new build is swapped in. Astro
 * writes and restores cached pages through `fs.promises.writeFile` and `fs.promises.copyFile`,
 * which this wraps for paths under `<cacheDir>/dist/` only; everything else, and any link the file
 * system refuses, goes through as before. `tests/integration/incremental.test.ts` checks both
 * sides: pages are links, and a failed rebuild leaves the live site as it was.
 */
export function sharePagesWithCache(cacheDir: string, outDir: string): void {
  const cached = join(cacheDir, 'dist') + sep;
  /** The path of `file` when it is a cached page. */
  const cachedPage = (file: unknown): string | undefined => {
    const path = typeof file === 'string' ? file : file instanceof URL ? fileURLToPath(file) : undefined;
    return path?.startsWith(cached) ? path : undefined;
  };
  const link = (existing: string, path: string) =>
    fs.promises.link(existing, path).then(
      () => true,
      // Another file system, or no links there.
      () => false,
    );
  const { copyFile, writeFile } = fs.promises;
  fs.promises.copyFile = async (source, destination, mode) => {
    const page = cachedPage(source);
    if (page && (await link(page, destination instanceof URL ? fileURLToPath(destination) : String(destination)))) return;
    return copyFile(source, destination, mode);
  };
  fs.promises.writeFile = async (file, data, options) => {
    const page = cachedPage(file);
    if (page) {
      await fs.promises.rm(page, { force: true });
      // Astro caches a page right after writing it to the output, with the same bytes.
      const built = join(outDir, relative(cached, page));
      const size = typeof data === 'string' ? Buffer.byteLength(data) : ArrayBuffer.isView(data) ? data.byteLength : -1;
      const written = await fs.promises.stat(built).then((stats) => stats.size, () => -2);
      if (size === written && (await link(built, page))) return;
    }
    return writeFile(file, data, options);
  };
}
