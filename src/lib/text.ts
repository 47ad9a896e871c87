import type { Nodes, Parent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { unified } from 'unified';

/** Which grammar an article body is written in. */
export type BodyFormat = 'md' | 'mdx';

/** Text-derived facts about an article body, computed once per article. */
export interface DerivedText {
  /** The body as plain text: Markdown syntax removed, link text kept, blocks joined by single spaces. */
  plainText: string;
  /** The first `excerptWords` words of `plainText`, followed by `...` when the body is longer. */
  excerpt: string;
  /** Words in `plainText`, counted as runs separated by white space. */
  wordCount: number;
  /** Estimated minutes to read, at least 1. */
  readingMinutes: number;
}

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

// Nodes whose text is not prose a reader sees in the flow of the article.
const SKIPPED = new Set([
  'code',
  'html',
  'yaml',
  'toml',
  'image',
  'imageReference',
  'definition',
  'footnoteDefinition',
  'footnoteReference',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
]);
const INLINE = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'inlineCode',
  'break',
  'mdxJsxTextElement',
]);

function collect(node: Nodes, out: string[]): void {
  if (SKIPPED.has(node.type)) return;
  if (node.type === 'text' || node.type === 'inlineCode') {
    out.push(node.value);
    return;
  }
  if (node.type === 'break') {
    out.push(' ');
    return;
  }
  if ('children' in node) {
    const block = !INLINE.has(node.type);
    if (block) out.push(' ');
    for (const child of (node as Parent).children) collect(child as Nodes, out);
    if (block) out.push(' ');
  }
}

/**
 * The syntax tree of a Markdown (GFM) or MDX body, with positions relative to the body.
 * @throws the parser's error when an MDX body does not parse.
 */
export function parseBody(body: string, format: BodyFormat): Root {
  return (format === 'mdx' ? mdx : markdown).parse(body);
}

// Sätteri, the parser Astro renders Markdown with, builds the same mdast much faster than remark
// (docs/performance.md); positions are not needed here. The body has no frontmatter to detect.
const FAST_TREE = { position: false, features: { frontmatter: false, gfm: true } };

/**
 * The plain text of a Markdown or MDX body: syntax removed, link and emphasis text kept,
 * headings, paragraphs and list items joined by single spaces. Code blocks, raw HTML, images,
 * MDX imports and expressions are left out. The author's characters are kept as written.
 * @throws the parser's error when an MDX body does not parse.
 */
export function toPlainText(body: string, format: BodyFormat): string {
  const tree = (format === 'mdx'
    ? mdxToMdast(body, FAST_TREE)
    : markdownToMdast(body, FAST_TREE)) as unknown as Nodes;
  const out: string[] = [];
  collect(tree, out);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** Splits plain text into words: runs of characters separated by white space. */
export function words(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/** The first `limit` of `all` joined by single spaces, followed by `...` when there are more. */
function firstWords(all: readonly string[], limit: number): string {
  return all.length > limit ? `${all.slice(0, limit).join(' ')}...` : all.join(' ');
}

/**
 * The first `limit` words of `plainText` joined by single spaces, followed by `...` when the text
 * has more words; the whole text, without `...`, when it has `limit` words or fewer.
 */
export function excerpt(plainText: string, limit: number): string {
  return firstWords(words(plainText), limit);
}

/** Minutes a reader needs for `wordCount` words at `wordsPerMinute`, at least 1. */
export function readingMinutes(wordCount: number, wordsPerMinute: number): number {
  return Math.max(1, Math.ceil(wordCount / wordsPerMinute));
}

/** Every text-derived fact about a body, from one parse. */
export function deriveText(
  body: string,
  format: BodyFormat,
  options: { excerptWords: number; wordsPerMinute: number },
): DerivedText {
  const plainText = toPlainText(body, format);
  const all = words(plainText);
  return {
    plainText,
    excerpt: firstWords(all, options.excerptWords),
    wordCount: all.length,
    readingMinutes: readingMinutes(all.length, options.wordsPerMinute),
  };
}

/** The body format a file's extension names. */
export function formatOf(filePath: string): BodyFormat {
  return filePath.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md';
}

/** The first sentence of a text (up to `.`, `!` or `?` before white space), or the whole text. */
export function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;
}
