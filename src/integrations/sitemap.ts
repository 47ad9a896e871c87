import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listedInSitemap, sitemapFiles } from '../lib/sitemap.ts';

/**
 * Writes the sitemap into a built site: every HTML page `listedInSitemap` allows, of the
 * `pathnames` Astro built, at `site`'s addresses (src/lib/sitemap.ts).
 */
export async function writeSitemap(
  outDir: string,
  pathnames: readonly string[],
  site: string,
): Promise<void> {
  const urls = pathnames
    .filter((pathname) => listedInSitemap(pathname))
    .map((pathname) => new URL(pathname, site).href);
  for (const file of sitemapFiles(urls, site)) await writeFile(join(outDir, file.path), file.xml);
}
