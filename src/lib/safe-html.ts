import type { Element, Nodes, Properties, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { find, html as htmlInfo } from 'property-information';
import { stableDigest } from './stable-digest.ts';

/** What a body may embed beyond the allowlist. */
export interface EmbedPolicy {
  /** Hosts an `<iframe>` may load over https (`SITE.content.embedHosts`). */
  readonly embedHosts: readonly string[];
  /** Hosts an image may be loaded from over https (`SITE.content.imageHosts`); checked, not sanitized. */
  readonly imageHosts?: readonly string[];
}

/** Markup the sanitizer would change: where it is and what to do instead. */
export interface UnsafeMarkup {
  /** 1-based line in the text that was checked, when known. */
  line?: number;
  /** 1-based column. */
  column?: number;
  message: string;
}

const DROPPED_GLOBALS = new Set(['action', 'method', 'encType', 'accept', 'acceptCharset']);

/**
 * The allowlist every article body's HTML passes: GitHub's (hast-util-sanitize's default) plus
 * figures, captions and a few inline elements, less form attributes. No script, style, event
 * handler, `meta`, `base`, `object`, `embed`, `form`; `href` may be http(s), mailto, tel or
 * relative; `src` http(s) or relative. Ids and names keep their text: article pages run no script
 * for them to clobber.
 */
export const BODY_SCHEMA: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  // Structure (an `li` outside a list) is the browser's to repair, not a safety matter.
  ancestors: {},
  allowComments: true,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'figure',
    'figcaption',
    'abbr',
    'mark',
    'cite',
    'small',
    'time',
    'caption',
    'col',
    'colgroup',
    'u',
    'iframe',
    'aside',
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter(
      (name) => typeof name !== 'string' || !DROPPED_GLOBALS.has(name),
    ),
    img: [...(defaultSchema.attributes?.img ?? []), 'loading', 'decoding'],
    // What the registered MDX components render (src/components/mdx/).
    aside: [['className', 'callout']],
    p: [['className', 'callout-title']],
    // No `allow`: an embed gets no camera, microphone or screen capture, whatever an author writes.
    iframe: ['src', 'title', 'allowFullScreen', 'loading', 'referrerPolicy', 'sandbox'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
};

/**
 * A digest of everything the sanitizer decides by (the allowlist, the embeds' sandbox, the
 * policy): a body sanitized under another digest is sanitized again, never reused.
 */
export function bodyPolicyDigest(policy: EmbedPolicy): string {
  return stableDigest(BODY_SCHEMA, IFRAME_SANDBOX, policy.embedHosts);
}

// What every embed may do: run the player's own script in its own origin, never navigate the page.
const IFRAME_SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'];

/** The https host an iframe loads, or why it may not. */
function embedProblem(element: Element, policy: EmbedPolicy): string | undefined {
  const src = typeof element.properties.src === 'string' ? element.properties.src : '';
  let url: URL | undefined;
  try {
    url = new URL(src);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:') return '<iframe> needs an https `src` on an allowed host';
  if (!policy.embedHosts.includes(url.hostname)) {
    const allowed =
      policy.embedHosts.length > 0
        ? `allowed hosts: ${policy.embedHosts.join(', ')}`
        : 'no embed host is allowed (SITE.content.embedHosts)';
    return `<iframe> from ${url.hostname} is not allowed; ${allowed}`;
  }
  return undefined;
}

// Sätteri writes table alignment as a `style` attribute, which the pages' CSP would block anyway;
// `align` says the same without one.
const TEXT_ALIGN = /^\s*text-align:\s*(left|right|center)\s*;?\s*$/i;

/** The renderer's own presentational markup, made allowlist-friendly before it is judged. */
function normaliseRendererMarkup(element: Element): void {
  const style = element.properties.style;
  const align = typeof style === 'string' ? TEXT_ALIGN.exec(style) : null;
  if ((element.tagName === 'th' || element.tagName === 'td') && align) {
    delete element.properties.style;
    element.properties.align = align[1]!.toLowerCase();
  }
}

function attributeName(property: string): string {
  return find(htmlInfo, property).attribute;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What sanitizing one element on its own would change, in words; empty when nothing. */
export function elementProblems(element: Element, policy: EmbedPolicy): string[] {
  const tag = element.tagName;
  if (tag === 'iframe') {
    const problem = embedProblem(element, policy);
    if (problem) return [problem];
  }
  const probe: Root = {
    type: 'root',
    children: [
      { type: 'element', tagName: tag, properties: { ...element.properties }, children: [] },
    ],
  };
  const kept = (sanitize(probe, BODY_SCHEMA) as Root).children.find(
    (child): child is Element => child.type === 'element',
  );
  if (!kept || kept.tagName !== tag) {
    return [
      `<${tag}> is not allowed in article bodies${tag === 'script' ? '; embed interactive content through a registered MDX component' : ''}`,
    ];
  }
  const problems: string[] = [];
  for (const [property, value] of Object.entries(element.properties)) {
    if (tag === 'iframe' && property === 'sandbox') continue;
    if (property in kept.properties && sameValue(kept.properties[property], value)) continue;
    const name = attributeName(property);
    if (/^on/i.test(name))
      problems.push(`event handler attribute \`${name}\` is not allowed in article bodies`);
    else if (
      BODY_SCHEMA.protocols?.[property] &&
      (BODY_SCHEMA.attributes?.[tag] ?? [])
        .concat(BODY_SCHEMA.attributes?.['*'] ?? [])
        .includes(property)
    ) {
      problems.push(
        `\`${name}="${String(value).slice(0, 60)}"\` is not allowed: ${property === 'href' ? 'link to an http(s), mailto or tel address or a site path' : 'use an http(s) address or a site path'}`,
      );
    } else problems.push(`attribute \`${name}\` is not allowed on <${tag}> in article bodies`);
  }
  return problems;
}

function visitElements(node: Nodes, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) visitElements(child, visit);
  if (node.type === 'element' && node.content) visitElements(node.content, visit);
}

/**
 * Every element of a parsed tree that the sanitizer would change, at its position: the check
 * that makes authors see, at file:line, exactly what {@link sanitizeBodyHtml} would remove.
 */
export function findUnsafeElements(tree: Root, policy: EmbedPolicy): UnsafeMarkup[] {
  const found: UnsafeMarkup[] = [];
  visitElements(tree, (element) => {
    normaliseRendererMarkup(element);
    for (const message of elementProblems(element, policy)) {
      found.push({
        line: element.position?.start.line,
        column: element.position?.start.column,
        message,
      });
    }
  });
  return found;
}

/**
 * A rendered body made safe: parsed as a browser parses it (HTML5, scripting on), renderer markup
 * normalised, iframes from other hosts removed and the rest sandboxed, then everything outside
 * {@link BODY_SCHEMA} removed. What reaches any page, feed or API field goes through here.
 */
export function sanitizeBodyHtml(html: string, policy: EmbedPolicy): string {
  const tree = fromHtml(html, { fragment: true });
  const drop = new Set<Element>();
  visitElements(tree, (element) => {
    normaliseRendererMarkup(element);
    if (element.tagName !== 'iframe') return;
    if (embedProblem(element, policy)) drop.add(element);
    else {
      const properties: Properties = element.properties;
      properties.sandbox = IFRAME_SANDBOX;
      properties.loading = 'lazy';
      properties.referrerPolicy = 'strict-origin-when-cross-origin';
    }
  });
  const kept = drop.size === 0 ? tree : removeElements(tree, drop);
  return toHtml(sanitize(kept, BODY_SCHEMA) as Root);
}

function removeElements<T extends Nodes>(node: T, drop: ReadonlySet<Element>): T {
  if (!('children' in node)) return node;
  const children = (node.children as RootContent[]).filter(
    (child) => !(child.type === 'element' && drop.has(child)),
  );
  return { ...node, children: children.map((child) => removeElements(child, drop)) };
}
