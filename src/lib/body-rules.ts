import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { parseFragment } from 'parse5';
import { markdownToHast, markdownToHtml } from 'satteri';
import { VFile } from 'vfile';
import { imageHostProblem } from './image-address.ts';
import { isBesideArticle } from './photos.ts';
import { findUnsafeElements, type EmbedPolicy, type UnsafeMarkup } from './safe-html.ts';

/**
 * The Markdown features pages are rendered with (`astro.config.mjs`); the checks parse with the
 * same. A body has no frontmatter of its own: a `---` block at its start is body text, to the
 * renderer and the check alike.
 */
export const MARKDOWN_FEATURES = {
  gfm: true,
  smartPunctuation: false,
  frontmatter: false,
} as const;

// Images an article may name by a relative path: the MDX compiler imports them as modules, so
// anything else (a script, `?raw`) would be code or source text, not a picture.
export const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/**
 * Why an image address in a body cannot be used, or undefined: a relative one must name an image
 * file (`./photo.jpg`), with no query or fragment; a remote one must come over https from a host of
 * `SITE.content.imageHosts`.
 */
export function unsafeImageSource(
  url: string,
  imageHosts: readonly string[] = [],
): string | undefined {
  if (/^https?:\/\//i.test(url)) {
    const problem = imageHostProblem(url, imageHosts);
    return problem ? `image \`${url.slice(0, 60)}\` ${problem}` : undefined;
  }
  if (!isBesideArticle(url)) return undefined;
  if (/[?#]/.test(url) || !IMAGE_FILE.test(url))
    return `image \`${url.slice(0, 60)}\` is not an image file (.png, .jpg, .gif, .webp, .avif, .svg)`;
  return undefined;
}

/** A problem at a node's start. */
export function located(node: { position?: Element['position'] }, message: string): UnsafeMarkup {
  return { line: node.position?.start.line, column: node.position?.start.column, message };
}

/**
 * Markup in a Markdown body that the sanitizer would remove, located: the body is rendered to the
 * tree pages are made from (Sätteri, the same features) and its raw HTML parsed as a browser
 * parses it, so an indented line, a `<noscript>` or a `<style>` cannot hide anything from the check.
 */
export function findUnsafeMarkdown(body: string, policy: EmbedPolicy): UnsafeMarkup[] {
  const rendered = markdownToHast(body, {
    position: true,
    features: MARKDOWN_FEATURES,
  }) as unknown as Root;
  // Without raw HTML the tree is the renderer's own elements, and the costly HTML parse is skipped.
  const tree = body.includes('<') ? (raw(rendered, { file: new VFile(body) }) as Root) : rendered;
  const found = findUnsafeElements(tree, policy);
  visitImages(tree, (image) => {
    const src = typeof image.properties.src === 'string' ? image.properties.src : undefined;
    const problem = src === undefined ? undefined : unsafeImageSource(src, policy.imageHosts);
    if (problem) found.push(located(image, problem));
  });
  return found;
}

/** Deepest nesting of elements a body may have; browsers themselves stop nesting at 512. */
export const MAX_NESTING = 128;

// Lines opening with many quote markers or indented far, or many tags: only such bodies can nest deep.
const DEEP_LINE = /^(?:[ \t]*>){32}|^[ \t]{64}|(?:(?:[-*+]|\d+[.)])[ \t]+){32}/m;

/**
 * How deep the elements of a body nest, once rendered, or 0 when it plainly cannot nest deeply.
 * Measured without recursion (Sätteri renders, parse5 parses, a loop counts), so a body nested
 * thousands deep is measured instead of overflowing the stack of whatever reads it next.
 */
export function nestingDepth(body: string): number {
  if (!DEEP_LINE.test(body) && (body.match(/</g)?.length ?? 0) < MAX_NESTING) return 0;
  let html: string;
  try {
    html = markdownToHtml(body, { features: MARKDOWN_FEATURES }).html;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  type Node = { childNodes?: Node[] };
  let deepest = 0;
  const stack: Array<[Node, number]> = [[parseFragment(html) as Node, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.childNodes ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

// Markdown bodies are rendered to stored HTML, which Astro's image pipeline never sees: a photo
// beside a `.md` article would be published without its file.
function visitImages(
  node: Root | Element | Root['children'][number],
  visit: (image: Element) => void,
): void {
  if (node.type === 'element' && node.tagName === 'img') visit(node);
  if ('children' in node) for (const child of node.children) visitImages(child, visit);
}
