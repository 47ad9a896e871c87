import { relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { find, html as htmlInfo } from 'property-information';
import { parseFragment } from 'parse5';
import { markdownToHast, markdownToHtml, mdxToMdast } from 'satteri';
import { VFile } from 'vfile';
import {
  elementProblems,
  findUnsafeElements,
  type EmbedPolicy,
  type UnsafeMarkup,
} from './safe-html.ts';

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
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/**
 * Why an image address in a body cannot be used, or undefined: a relative one must name an image
 * file (`./photo.jpg`), with no query or fragment.
 */
export function unsafeImageSource(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return undefined;
  if (/[?#]/.test(url) || !IMAGE_FILE.test(url))
    return `image \`${url.slice(0, 60)}\` is not an image file (.png, .jpg, .gif, .webp, .avif, .svg)`;
  return undefined;
}

/**
 * The components an MDX article may use without importing them, and the props each takes. Props
 * must be literal text: an MDX article is content, not code.
 */
export const MDX_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Callout: ['title'],
};

/** The parts of an MDX tree (mdast) the rules look at. */
interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: Element['position'];
}
export interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: MdxAttribute[];
  children?: MdxNode[];
  position?: Element['position'];
}

const MDX_MESSAGES = {
  esm: '`import` and `export` are not allowed in MDX articles: an article is content, not code (registered components need no import)',
  expression: '`{…}` expressions are not allowed in MDX articles; write the text itself',
  spread:
    'spread attributes (`{...props}`) are not allowed in MDX articles; write each attribute as text',
  computed: (name: string) =>
    `attribute \`${name}\` must be literal text in quotes, not a \`{…}\` expression`,
  directive: (name: string) => `directive attribute \`${name}\` is not allowed in MDX articles`,
  twice: (name: string) => `attribute \`${name}\` is written twice; keep one`,
  component: (name: string) =>
    `<${name}> is not a registered component; registered: ${Object.keys(MDX_COMPONENTS)
      .map((c) => `<${c}>`)
      .join(', ')}`,
  prop: (component: string, name: string) =>
    `<${component}> takes no \`${name}\` attribute; it takes ${(MDX_COMPONENTS[component] ?? []).map((p) => `\`${p}\``).join(', ') || 'none'}`,
};

// An expression holding only a comment (`{/* note */}`) renders nothing and runs nothing.
const COMMENT_ONLY = /^\s*\/\*(?:[^*]|\*(?!\/))*\*\/\s*$/;

function at(node: { position?: Element['position'] }, message: string): UnsafeMarkup {
  return { line: node.position?.start.line, column: node.position?.start.column, message };
}

/** What the MDX rules say of one JSX element: components, HTML elements and their attributes. */
function jsxProblems(node: MdxNode, policy: EmbedPolicy): UnsafeMarkup[] {
  const name = node.name;
  if (!name) return []; // A fragment, `<>…</>`, adds no markup.
  const found: UnsafeMarkup[] = [];
  const literal: Record<string, string | true> = {};
  const seen = new Set<string>();
  for (const attribute of node.attributes ?? []) {
    const place = attribute.position ? attribute : node;
    const lower = attribute.name?.toLowerCase();
    if (lower !== undefined && seen.has(lower))
      found.push(at(place, MDX_MESSAGES.twice(attribute.name!)));
    if (lower !== undefined) seen.add(lower);
    if (attribute.type === 'mdxJsxExpressionAttribute') found.push(at(place, MDX_MESSAGES.spread));
    else if (attribute.name?.includes(':'))
      found.push(at(place, MDX_MESSAGES.directive(attribute.name)));
    else if (
      attribute.value !== null &&
      attribute.value !== undefined &&
      typeof attribute.value !== 'string'
    )
      found.push(at(place, MDX_MESSAGES.computed(attribute.name ?? '')));
    else if (attribute.name) literal[attribute.name] = attribute.value ?? true;
  }
  const component = MDX_COMPONENTS[name];
  if (/^[A-Z]|\./.test(name)) {
    if (!component) return [...found, at(node, MDX_MESSAGES.component(name))];
    for (const prop of Object.keys(literal))
      if (!component.includes(prop)) found.push(at(node, MDX_MESSAGES.prop(name, prop)));
    return found;
  }
  // An HTML element written as JSX: judged by the sanitizer, as raw HTML in Markdown is.
  const properties: Element['properties'] = {};
  for (const [attribute, value] of Object.entries(literal))
    properties[find(htmlInfo, attribute).property] = value;
  const element: Element = {
    type: 'element',
    tagName: name.toLowerCase(),
    properties,
    children: [],
  };
  const image =
    element.tagName === 'img' && typeof properties.src === 'string'
      ? unsafeImageSource(properties.src)
      : undefined;
  return [
    ...found,
    ...(image ? [at(node, image)] : []),
    ...elementProblems(element, policy).map((message) => at(node, message)),
  ];
}

/** The element a Markdown link, definition or image becomes, for the sanitizer to judge. */
function markdownElement(node: MdxNode): Element | undefined {
  if (node.type === 'link' || node.type === 'definition')
    return { type: 'element', tagName: 'a', properties: { href: node.url ?? '' }, children: [] };
  if (node.type === 'image')
    return { type: 'element', tagName: 'img', properties: { src: node.url ?? '' }, children: [] };
  return undefined;
}

/** The MDX rules for one node of an MDX tree (mdast), not its children. */
function nodeProblems(node: MdxNode, policy: EmbedPolicy): UnsafeMarkup[] {
  if (node.type === 'mdxjsEsm') return [at(node, MDX_MESSAGES.esm)];
  if (
    (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
    !COMMENT_ONLY.test(node.value ?? '')
  )
    return [at(node, MDX_MESSAGES.expression)];
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
    return jsxProblems(node, policy);
  const element = markdownElement(node);
  if (!element) return [];
  const image = node.type === 'image' ? unsafeImageSource(node.url ?? '') : undefined;
  return [
    ...(image ? [at(node, image)] : []),
    ...elementProblems(element, policy).map((message) => at(node, message)),
  ];
}

function walkMdx(node: MdxNode, policy: EmbedPolicy, found: UnsafeMarkup[]): void {
  found.push(...nodeProblems(node, policy));
  for (const child of node.children ?? []) walkMdx(child, policy, found);
}

/** An MDX syntax error, located. */
export class MdxSyntaxError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/**
 * What the MDX rules refuse in a body: `import`/`export`, `{…}` expressions (a lone comment
 * excepted), spread and computed attributes, directives, unregistered components, and every HTML
 * element or attribute the sanitizer would remove. Positions are relative to the body.
 * @throws {MdxSyntaxError} when the body is not MDX at all.
 */
export function findUnsafeMdx(body: string, policy: EmbedPolicy): UnsafeMarkup[] {
  let tree: MdxNode;
  try {
    // The syntax tree, not the HTML one: every node the compiler meets is judged, a footnote
    // definition nothing refers to included.
    tree = mdxToMdast(body, { position: true, features: MARKDOWN_FEATURES }) as unknown as MdxNode;
  } catch (error) {
    const message = (error as Error).message;
    const place = /^(\d+):(\d+):\s*/.exec(message);
    throw new MdxSyntaxError(
      message.slice(place?.[0].length ?? 0),
      place ? Number(place[1]) : undefined,
      place ? Number(place[2]) : undefined,
    );
  }
  const found: UnsafeMarkup[] = [];
  walkMdx(tree, policy, found);
  return found;
}

/**
 * The MDX rules for one node, as the compiler meets it: the second guard, in the Markdown
 * processor itself (src/markdown/mdx-guard.ts), so MDX that slipped past the check never compiles.
 */
export function mdxNodeProblems(node: MdxNode, policy: EmbedPolicy): UnsafeMarkup[] {
  return nodeProblems(node, policy);
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
    const problem =
      src === undefined ? undefined : (unsafeImageSource(src) ?? relativeInMarkdown(src));
    if (problem) found.push(at(image, problem));
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
function relativeInMarkdown(src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return undefined;
  return `image \`${src.slice(0, 60)}\` is beside the article, which a Markdown (.md) article cannot publish: put it under public/images/ and write /images/…, or make the article .mdx`;
}

function visitImages(
  node: Root | Element | Root['children'][number],
  visit: (image: Element) => void,
): void {
  if (node.type === 'element' && node.tagName === 'img') visit(node);
  if ('children' in node) for (const child of node.children) visitImages(child, visit);
}

/** Which MDX may run code: `SITE.content.trustedMdxFolders`, under the articles folder. */
export interface TrustedMdx {
  /** Absolute path of `content/articles`. */
  readonly articlesDir: string;
  /** Folders under it whose MDX may use `import`, `export` and expressions. */
  readonly trustedMdxFolders: readonly string[];
}

/** Whether `file` lies in one of the trusted folders under `articlesDir`. */
export function isTrustedMdx(
  file: string,
  { articlesDir, trustedMdxFolders }: TrustedMdx,
): boolean {
  const rel = relative(articlesDir, file).split(sep).join('/');
  if (rel.startsWith('../') || rel === '..') return false;
  return trustedMdxFolders.some((folder) => {
    const prefix = folder.replace(/^\/+|\/+$/g, '');
    return prefix !== '' && !prefix.split('/').includes('..') && rel.startsWith(`${prefix}/`);
  });
}
