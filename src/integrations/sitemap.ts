import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Alternate } from '../lib/editions.ts';
import { EDITIONS } from '../i18n/index.ts';
import { includePaths } from '../lib/routes.ts';
import { listedInSitemap, sitemapFiles } from '../lib/sitemap.ts';

/**
 * Writes the sitemap into a built site: every HTML page `listedInSitemap` allows, of the
 * `pathnames` Astro built, at `site`'s addresses (src/lib/sitemap.ts), with the `lastModified`
 * date of the pages that have one and the alternates of pages with versions in other editions.
 */
export async function writeSitemap(
  outDir: string,
  pathnames: readonly string[],
  site: string,
  lastModified: ReadonlyMap<string, string> = new Map(),
  alternates: ReadonlyMap<string, readonly Alternate[]> = new Map(),
): Promise<void> {
  const included = includePaths(EDITIONS);
  const urls = pathnames
    .filter((pathname) => listedInSitemap(pathname, included))
    .map((pathname) => new URL(pathname, site).href);
  for (const file of sitemapFiles(urls, site, undefined, lastModified, alternates)) {
    await writeFile(join(outDir, file.path), file.xml);
  }
}
