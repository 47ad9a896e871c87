import { describe, expect, it } from 'vitest';
import { deriveText, excerpt, readingMinutes, toPlainText, words } from '../../src/lib/text.ts';

const lorem = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' ');

describe.each([
  {
    name: 'emphasis and strong keep their text',
    md: 'A *very* **bold** _move_.',
    text: 'A very bold move.',
  },
  {
    name: 'links keep their text, not the URL',
    md: 'See [the report](https://example.org/r) now.',
    text: 'See the report now.',
  },
  {
    name: 'headings and paragraphs join with one space',
    md: '# Title\n\nFirst para.\n\n## Sub\n\nSecond.',
    text: 'Title First para. Sub Second.',
  },
  { name: 'list items are separate words', md: '- one\n- two\n\n1. three', text: 'one two three' },
  {
    name: 'line breaks inside a paragraph become spaces',
    md: 'line one\nline two',
    text: 'line one line two',
  },
  {
    name: 'images, code blocks and raw HTML are left out',
    md: 'Text ![alt](x.png)\n\n```js\nlet x;\n```\n\n<div>raw</div>\n\nEnd',
    text: 'Text End',
  },
  { name: 'inline code keeps its text', md: 'Run `npm test` now', text: 'Run npm test now' },
  {
    name: 'quotes and dashes stay as written',
    md: "He said “no” — twice -- and 'maybe'.",
    text: "He said “no” — twice -- and 'maybe'.",
  },
  {
    name: 'blockquotes keep their text',
    md: '> quoted words\n\nafter',
    text: 'quoted words after',
  },
  { name: 'tables keep cell text', md: '| a | b |\n|---|---|\n| c | d |', text: 'a b c d' },
  { name: 'HTML entities are decoded', md: 'Fish &amp; chips', text: 'Fish & chips' },
])('toPlainText(md): $name', ({ md, text }) => {
  it('gives the expected text', () => expect(toPlainText(md, 'md')).toBe(text));
});

describe.each([
  {
    name: 'imports and exports are dropped',
    mdx: "import X from './x';\nexport const n = 5;\n\nHello world",
    text: 'Hello world',
  },
  {
    name: 'expressions are dropped',
    mdx: 'There are {n} currencies.',
    text: 'There are currencies.',
  },
  {
    name: 'JSX children keep their text',
    mdx: '<Callout title="Hi">\n  Inside **text**\n</Callout>\n\nAfter',
    text: 'Inside text After',
  },
])('toPlainText(mdx): $name', ({ mdx, text }) => {
  it('gives the expected text', () => expect(toPlainText(mdx, 'mdx')).toBe(text));
});

describe('toPlainText(mdx) on broken MDX', () => {
  it('throws the parser error, starting with its line and column', () => {
    expect(() => toPlainText('Hello\n\n<Broken', 'mdx')).toThrow(/^3:1: /);
  });
});

describe.each([
  { words: 0, expected: '' },
  { words: 1, expected: 'w1' },
  { words: 499, expected: lorem(499) },
  { words: 500, expected: lorem(500) },
  { words: 501, expected: `${lorem(500)}...` },
  { words: 2000, expected: `${lorem(500)}...` },
])('excerpt of $words words', ({ words: n, expected }) => {
  it('keeps at most 500 words and adds ... only when cut', () =>
    expect(excerpt(lorem(n), 500)).toBe(expected));
});

describe.each([
  { text: '', expected: [] },
  { text: ' \n\t ', expected: [] },
  { text: 'one', expected: ['one'] },
  { text: '  leading and trailing  ', expected: ['leading', 'and', 'trailing'] },
  { text: 'a\tb\n c   d', expected: ['a', 'b', 'c', 'd'] },
])('words($text)', ({ text, expected }) => {
  it('are the runs between white space, none empty', () => expect(words(text)).toEqual(expected));
});

describe('excerpt', () => {
  it('counts words separated by any white space, and joins them with single spaces', () => {
    expect(excerpt('a\tb\n c   d', 3)).toBe('a b c...');
  });
  it('treats punctuation attached to a word as part of it', () => {
    expect(excerpt('one, two; three. four', 3)).toBe('one, two; three....');
  });
});

describe.each([
  { count: 0, minutes: 1 },
  { count: 220, minutes: 1 },
  { count: 221, minutes: 2 },
  { count: 1100, minutes: 5 },
])('readingMinutes($count)', ({ count, minutes }) => {
  it(`is ${minutes}`, () => expect(readingMinutes(count, 220)).toBe(minutes));
});

describe('deriveText', () => {
  it('derives plain text, excerpt, word count and reading time from one body', () => {
    const body = `# Head\n\n${lorem(600)}`;
    const derived = deriveText(body, 'md', { excerptWords: 500, wordsPerMinute: 200 });
    expect(derived.wordCount).toBe(601);
    expect(words(derived.excerpt)).toHaveLength(500);
    expect(derived.excerpt.startsWith('Head w1 w2')).toBe(true);
    expect(derived.excerpt.endsWith('w499...')).toBe(true);
    expect(derived.readingMinutes).toBe(4);
  });
});
