import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import { isTrustedMdx, mdxNodeProblems } from '../lib/mdx-rules.ts';

export { isTrustedMdx };
import type { EmbedPolicy } from '../lib/safe-html.ts';
import type { TrustedMdx } from '../lib/mdx-rules.ts';

/** Where the guard reads its settings: the articles folder and `SITE.content`. */
export interface MdxGuardOptions extends EmbedPolicy, TrustedMdx {}

/**
 * The MDX rules inside the compiler: `npm run check` and the build's validation report them with
 * every other problem, and this plugin refuses to compile an MDX file that breaks one anyway (a
 * file changed under `astro dev`, a build started without validation), so MDX code never runs
 * unless its folder is trusted. Markdown files pass through untouched: their HTML is sanitized
 * after rendering.
 */
export function mdxGuard(options: MdxGuardOptions): MdastPluginDefinition {
  const guard = (
    node: Parameters<typeof mdxNodeProblems>[0],
    context: { sourceFormat: string; fileURL: URL | undefined },
  ): void => {
    if (context.sourceFormat !== 'mdx') return;
    const file = context.fileURL ? fileURLToPath(context.fileURL) : undefined;
    if (file && isTrustedMdx(file, options)) return;
    const [problem] = mdxNodeProblems(node, options);
    if (problem)
      throw new Error(
        `${file ?? 'MDX'}:${problem.line ?? 1}:${problem.column ?? 1} ${problem.message}`,
      );
  };
  return defineMdastPlugin({
    name: 'khabar-mdx-guard',
    options: { position: true },
    mdxjsEsm: (node, context) => guard(node as never, context),
    mdxFlowExpression: (node, context) => guard(node as never, context),
    mdxTextExpression: (node, context) => guard(node as never, context),
    mdxJsxFlowElement: (node, context) => guard(node as never, context),
    mdxJsxTextElement: (node, context) => guard(node as never, context),
    link: (node, context) => guard(node as never, context),
    image: (node, context) => guard(node as never, context),
    definition: (node, context) => guard(node as never, context),
  });
}
