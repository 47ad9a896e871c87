import { posix } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { hasScheme } from './image-address.ts';
import type { BodyFormat } from './text.ts';

/** A link or image in an article body, located in the body (1-based). */
export interface BodyReference {
  kind: 'link' | 'image';
  /** The URL as written. */
  url: string;
  line: number;
  column: number;
  /** An image's text alternative, as written. */
  alt?: string;
}

interface Node {
  type: string;
  url?: string;
  identifier?: string;
  alt?: string | null;
  value?: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number; column: number } };
  children?: Node[];
}

const HTML_ATTRIBUTE = /<(a|img)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const JSX_URL_ATTRIBUTES: Record<string, { attribute: string; kind: BodyReference['kind'] }> = {
  a: { attribute: 'href', kind: 'link' },
  img: { attribute: 'src', kind: 'image' },
};

/**
 * Every link and image of a body: Markdown links, definitions and images, and the `href` of `<a>`
 * and `src` of `<img>` in raw HTML and in MDX elements whose value is a plain string.
 * A body that does not parse yields none (its syntax error is reported elsewhere).
 */
export function findReferences(body: string, format: BodyFormat): BodyReference[] {
  let tree: Node;
  try {
    tree = (format === 'mdx'
      ? mdxToMdast(body)
      : markdownToMdast(body, { features: { frontmatter: false } })) as unknown as Node;
  } catch {
    return [];
  }
  const out: BodyReference[] = [];
  // Reference-style images (`![alt][ref]`) take their address from a definition anywhere in the body.
  const definitions = new Map<string, string>();
  const define = (node: Node): void => {
    if (node.type === 'definition' && node.identifier && node.url)
      definitions.set(node.identifier.toLowerCase(), node.url);
    node.children?.forEach(define);
  };
  define(tree);
  const visit = (node: Node): void => {
    const start = {
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
    };
    if ((node.type === 'link' || node.type === 'definition') && node.url)
      out.push({ kind: 'link', url: node.url, ...start });
    else if (node.type === 'image' && node.url)
      out.push({ kind: 'image', url: node.url, alt: node.alt ?? '', ...start });
    else if (node.type === 'imageReference' && node.identifier) {
      const url = definitions.get(node.identifier.toLowerCase());
      if (url) out.push({ kind: 'image', url, alt: node.alt ?? '', ...start });
    } else if (node.type === 'html' && node.value) {
      for (const match of node.value.matchAll(HTML_ATTRIBUTE)) {
        const before = node.value.slice(0, match.index).split('\n');
        const line = start.line + before.length - 1;
        const column = before.length > 1 ? before.at(-1)!.length + 1 : start.column + match.index;
        out.push({
          kind: match[1]!.toLowerCase() === 'img' ? 'image' : 'link',
          url: match[3] ?? match[4] ?? '',
          line,
          column,
        });
      }
    } else if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name &&
      JSX_URL_ATTRIBUTES[node.name]
    ) {
      const { attribute, kind } = JSX_URL_ATTRIBUTES[node.name]!;
      const value = node.attributes?.find(
        (attr) => attr.type === 'mdxJsxAttribute' && attr.name === attribute,
      )?.value;
      if (typeof value === 'string') out.push({ kind, url: value, ...start });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return out;
}

/**
 * Where a link between articles points: an article's content id (its slug, `ru/<slug>` in another
 * edition), or an article file relative to the linking one.
 */
export type ArticleLink = { kind: 'slug'; slug: string } | { kind: 'file'; path: string };

const ARTICLE_PATH =
  /^(?:\/([a-z]{2,3}(?:-[a-z0-9]{2,8})*))?\/articles\/([^/?#]+)\/?(?:index\.html)?(?:[?#].*)?$/;
const MARKDOWN_FILE = /^([^?#:]+\.mdx?)(?:[?#].*)?$/i;

/**
 * What an article link points to: `/articles/<slug>/` or `/ru/articles/<slug>/` (also on the site's own origin), or a
 * relative `.md`/`.mdx` file, resolved from `fromFile` (a `/`-separated path). Other URLs are not
 * links between articles and give `undefined`.
 */
export function articleLinkTarget(
  url: string,
  fromFile: string,
  siteUrl: string,
): ArticleLink | undefined {
  const local = url.startsWith(siteUrl + '/') ? url.slice(siteUrl.length) : url;
  const [, edition, slug] = ARTICLE_PATH.exec(local) ?? [];
  if (slug !== undefined) {
    const decoded = decodeOrUndefined(slug);
    if (decoded === undefined) return undefined;
    return { kind: 'slug', slug: edition === undefined ? decoded : `${edition}/${decoded}` };
  }
  const file = MARKDOWN_FILE.exec(local)?.[1];
  if (file !== undefined && !hasScheme(local) && !local.startsWith('/')) {
    const decoded = decodeOrUndefined(file);
    if (decoded === undefined) return undefined;
    return { kind: 'file', path: posix.normalize(posix.join(posix.dirname(fromFile), decoded)) };
  }
  return undefined;
}

/**
 * Where a local image lives: under the public folder for `/images/x.jpg`, beside the article for
 * `./x.jpg` or `../x.jpg` (a `/`-separated path from `fromFile`); `outside` for a site path that
 * climbs out of the public folder. Remote and `data:` URLs give `undefined`.
 */
export function localImage(
  url: string,
  fromFile: string,
): { kind: 'public' | 'relative' | 'invalid' | 'outside'; path: string } | undefined {
  const clean = url.replace(/[?#].*$/, '');
  if (clean === '' || hasScheme(clean) || clean.startsWith('//')) return undefined;
  const decoded = decodeOrUndefined(clean);
  if (decoded === undefined) return { kind: 'invalid', path: clean };
  if (decoded.startsWith('/')) {
    // `/images/../../x` would leave the public folder: a site path never climbs above the root.
    const inside = posix.normalize(`public/${decoded.slice(1)}`);
    return inside.startsWith('public/')
      ? { kind: 'public', path: inside.slice('public/'.length) }
      : { kind: 'outside', path: clean };
  }
  return { kind: 'relative', path: posix.normalize(posix.join(posix.dirname(fromFile), decoded)) };
}

/** `decodeURIComponent`, or undefined for a `%` that is not a valid escape. */
function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
