import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import { mdxNodeProblems } from '../lib/body-rules.ts';
import type { EmbedPolicy } from '../lib/safe-html.ts';

/** Where the guard reads its settings: the articles folder and `SITE.content`. */
export interface MdxGuardOptions extends EmbedPolicy {
  /** Absolute path of `content/articles`. */
  readonly articlesDir: string;
  /** Folders under it whose MDX may run code (`SITE.content.trustedMdxFolders`). */
  readonly trustedMdxFolders: readonly string[];
}

/** Whether `file` lies in one of the trusted folders under `articlesDir`. */
export function isTrustedMdx(file: string, { articlesDir, trustedMdxFolders }: Pick<MdxGuardOptions, 'articlesDir' | 'trustedMdxFolders'>): boolean {
  const rel = relative(articlesDir, file).split(sep).join('/');
  if (rel.startsWith('../') || rel === '..') return false;
  return trustedMdxFolders.some((folder) => {
    const prefix = folder.replace(/^\/+|\/+$/g, '');
    return prefix !== '' && !prefix.split('/').includes('..') && rel.startsWith(`${prefix}/`);
  });
}

/**
 * The MDX rules inside the compiler: `npm run check` and the build's validation report them with
 * every other problem, and this plugin refuses to compile an MDX file that breaks one anyway (a
 * file changed under `astro dev`, a build started without validation), so MDX code never runs
 * unless its folder is trusted. Markdown files pass through untouched: their HTML is sanitized
 * after rendering.
 */
export function mdxGuard(options: MdxGuardOptions): MdastPluginDefinition {
  const guard = (node: Parameters<typeof mdxNodeProblems>[0], context: { sourceFormat: string; fileURL: URL | undefined }): void => {
    if (context.sourceFormat !== 'mdx') return;
    const file = context.fileURL ? fileURLToPath(context.fileURL) : undefined;
    if (file && isTrustedMdx(file, options)) return;
    const [problem] = mdxNodeProblems(node, options);
    if (problem) throw new Error(`${file ?? 'MDX'}:${problem.line ?? 1}:${problem.column ?? 1} ${problem.message}`);
  };
  return defineMdastPlugin({
    name: 'khabar-mdx-guard',
    options: { position: true },
    mdxjsEsm: (node, context) => guard(node as never, context),
    mdxFlowExpression: (node, context) => guard(node as never, context),
    mdxTextExpression: (node, context) => guard(node as never, context),
    mdxJsxFlowElement: (node, context) => guard(node as never, context),
    mdxJsxTextElement: (node, context) => guard(node as never, context),
    link: (node, context) => guard({ type: 'element', tagName: 'a', properties: { href: node.url }, position: node.position } as never, context),
    image: (node, context) => guard({ type: 'element', tagName: 'img', properties: { src: node.url }, position: node.position } as never, context),
  });
}
