import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import { articleLinkTarget } from '../lib/references.ts';
import { placeArticle } from '../lib/editions.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { articlePath } from '../lib/routes.ts';
import { EDITIONS } from '../i18n/index.ts';

/** The page of the article in `file` (under `articlesDir`), or undefined when there is no such file. */
function pageOfFile(file: string, articlesDir: string): string | undefined {
  try {
    const { data } = splitFrontmatter(readFileSync(file, 'utf8'));
    const { edition, slug } = placeArticle(relative(articlesDir, file), data, EDITIONS);
    return articlePath(edition, slug);
  } catch {
    return undefined;
  }
}

/**
 * Rewrites relative links to other article files (`../2025/csto-summit.md#vote`) to the pages
 * they are published at (`/articles/csto-summit/#vote`, `/ru/articles/…` in another edition), so authors can link files the way their
 * editor and GitHub follow them. `npm run check` reports links whose file does not exist.
 */
export function articleLinks(siteUrl: string, articlesDir: string): MdastPluginDefinition {
  const rewrite = (url: string, fileURL: URL | undefined): string | undefined => {
    if (!fileURL) return undefined;
    const target = articleLinkTarget(url, fileURLToPath(fileURL), siteUrl);
    if (target?.kind !== 'file') return undefined;
    const page = pageOfFile(target.path, articlesDir);
    return page === undefined ? undefined : `${page}${/[?#].*$/.exec(url)?.[0] ?? ''}`;
  };
  return defineMdastPlugin({
    name: 'khabar-article-links',
    link(node, context) {
      const url = rewrite(node.url, context.fileURL);
      if (url) context.setProperty(node, 'url', url);
    },
    definition(node, context) {
      const url = rewrite(node.url, context.fileURL);
      if (url) context.setProperty(node, 'url', url);
    },
  });
}
