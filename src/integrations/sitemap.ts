import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listedInSitemap, sitemapFiles } from '../lib/sitemap.ts';

/**
 * Writes the sitemap once the build has written its pages: every HTML page `listedInSitemap`
 * allows, at `site`'s addresses (src/lib/sitemap.ts).
 */
export function sitemap(site: string): AstroIntegration {
  return {
    name: 'khabar-sitemap',
    hooks: {
      'astro:build:done': async ({ dir, pages }) => {
        const urls = pages.filter(({ pathname }) => listedInSitemap(pathname)).map(({ pathname }) => new URL(pathname, site).href);
        for (const file of sitemapFiles(urls, site)) await writeFile(join(fileURLToPath(dir), file.path), file.xml);
      },
    },
  };
}
