import { relative, sep } from 'node:path';
import type { Element } from 'hast';
import { find, html as htmlInfo } from 'property-information';
import { mdxToMdast } from 'satteri';
import { located as at, MARKDOWN_FEATURES, unsafeImageSource } from './body-rules.ts';
import { elementProblems, type EmbedPolicy, type UnsafeMarkup } from './safe-html.ts';

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
      ? unsafeImageSource(properties.src, policy.imageHosts)
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
  const image =
    node.type === 'image' ? unsafeImageSource(node.url ?? '', policy.imageHosts) : undefined;
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
