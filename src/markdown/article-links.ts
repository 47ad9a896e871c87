import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import { articleLinkTarget } from '../lib/references.ts';
import { articlePath } from '../lib/routes.ts';
import { articleSlugOfSource } from '../lib/slug.ts';

/** The slug of the article in `file`, or undefined when there is no such file. */
function slugOfFile(file: string): string | undefined {
  try {
    return articleSlugOfSource(file, readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Rewrites relative links to other article files (`../2025/csto-summit.md#vote`) to the pages
 * they are published at (`/articles/csto-summit/#vote`), so authors can link files the way their
 * editor and GitHub follow them. `npm run check` reports links whose file does not exist.
 */
export function articleLinks(siteUrl: string): MdastPluginDefinition {
  const rewrite = (url: string, fileURL: URL | undefined): string | undefined => {
    if (!fileURL) return undefined;
    const target = articleLinkTarget(url, fileURLToPath(fileURL), siteUrl);
    if (target?.kind !== 'file') return undefined;
    const slug = slugOfFile(target.path);
    return slug === undefined ? undefined : `${articlePath(slug)}${/[?#].*$/.exec(url)?.[0] ?? ''}`;
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
