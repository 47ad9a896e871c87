import type { Nodes, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { parseBody, type BodyFormat } from './text.ts';

/** Markup in an article body that would run script in a reader's browser. */
export interface UnsafeMarkup {
  /** 1-based line in the body. */
  line: number;
  /** 1-based column. */
  column: number;
  /** What was found and what to do instead. */
  message: string;
}

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** Attributes whose value the browser loads or follows as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'srcdoc']);

// Browsers drop ASCII tab and newline anywhere in a URL and trim leading control characters and spaces.
const IGNORED_IN_URL = /[\u0000-\u0020]/g;

/** Whether following `url` would run script: a `javascript:` URL, however it is spaced or cased. */
export function isScriptUrl(url: string): boolean {
  return /^javascript:/i.test(url.replace(IGNORED_IN_URL, ''));
}

// Only bodies holding one of these can hide script; the rest skip the parse. `&` covers character
// references (`jav&#x61;script:`), since every other way to write a script URL spells `script`.
const MAYBE_UNSAFE = /script|&|\bon[a-z]+\s*=/i;

const MESSAGES = {
  script: '<script> elements are not allowed in article bodies; embed interactive content through an MDX component',
  handler: (name: string) => `event handler attribute \`${name}\` is not allowed in article bodies`,
  url: 'javascript: URLs are not allowed in article bodies; link to an http(s) address or a site path',
};

/** Line and column of `offset` within `text`, which starts at `line`:`column`. */
function locate(text: string, offset: number, line: number, column: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return before.length === 1
    ? { line, column: column + offset }
    : { line: line + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Unsafe elements and attributes in a raw HTML fragment from a Markdown body. */
function scanHtml(html: string, line: number, column: number, found: UnsafeMarkup[]): void {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  const visit = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue;
      const element = node as Element;
      const at = (offset: number | undefined) => locate(html, offset ?? 0, line, column);
      if (element.tagName === 'script') found.push({ ...at(element.sourceCodeLocation?.startOffset), message: MESSAGES.script });
      for (const attribute of element.attrs) {
        const offset = element.sourceCodeLocation?.attrs?.[attribute.name]?.startOffset;
        if (/^on/i.test(attribute.name)) found.push({ ...at(offset), message: MESSAGES.handler(attribute.name) });
        else if (URL_ATTRIBUTES.has(attribute.name) && isScriptUrl(attribute.value)) found.push({ ...at(offset), message: MESSAGES.url });
      }
      visit(element.childNodes);
      if (element.tagName === 'template') visit((element as DefaultTreeAdapterMap['template']).content.childNodes);
    }
  };
  visit(fragment.childNodes);
}

/** Unsafe elements and attributes written as JSX in an MDX body. */
function scanJsx(node: MdxJsxFlowElement | MdxJsxTextElement, found: UnsafeMarkup[]): void {
  const start = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  if (node.name?.toLowerCase() === 'script') found.push({ ...start, message: MESSAGES.script });
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const at = { line: attribute.position?.start.line ?? start.line, column: attribute.position?.start.column ?? start.column };
    if (/^on/i.test(attribute.name)) found.push({ ...at, message: MESSAGES.handler(attribute.name) });
    else if (typeof attribute.value === 'string' && URL_ATTRIBUTES.has(attribute.name.toLowerCase()) && isScriptUrl(attribute.value)) {
      found.push({ ...at, message: MESSAGES.url });
    }
  }
}

function walk(node: Nodes, found: UnsafeMarkup[]): void {
  const start = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  if (node.type === 'html') scanHtml(node.value, start.line, start.column, found);
  else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') scanJsx(node, found);
  else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && isScriptUrl(node.url)) {
    found.push({ ...start, message: MESSAGES.url });
  }
  if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes, found);
}

/**
 * Markup in a Markdown or MDX body that would run script in the reader's browser: `<script>`
 * elements, `on…` event handler attributes and `javascript:` URLs, in raw HTML, in JSX and in
 * Markdown links, images and link definitions. Code spans and code blocks are text and never match.
 * `tree` is the body's `parseBody` tree when the caller already has it.
 * @throws the parser's error when an MDX body does not parse.
 */
export function findUnsafeMarkup(body: string, format: BodyFormat, tree?: Root): UnsafeMarkup[] {
  if (!MAYBE_UNSAFE.test(body)) return [];
  const found: UnsafeMarkup[] = [];
  walk(tree ?? parseBody(body, format), found);
  return found;
}
