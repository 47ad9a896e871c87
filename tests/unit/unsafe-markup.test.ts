import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup, isScriptUrl } from '../../src/lib/unsafe-markup.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { checkArticle } from '../../src/lib/validate.ts';

const SCRIPT = '<script> elements are not allowed in article bodies; embed interactive content through an MDX component';
const URL = 'javascript: URLs are not allowed in article bodies; link to an http(s) address or a site path';
const handler = (name: string) => `event handler attribute \`${name}\` is not allowed in article bodies`;

describe.each([
  { name: 'a script block', format: 'md', body: 'Intro.\n\n<script>alert(1)</script>', expected: [{ line: 3, column: 1, message: SCRIPT }] },
  { name: 'an upper-case script tag inline', format: 'md', body: 'Text <SCRIPT src="/x.js"></SCRIPT> more', expected: [{ line: 1, column: 6, message: SCRIPT }] },
  { name: 'an event handler on an image', format: 'md', body: 'A\n\nSee <img src="x.png" onerror="alert(1)"> here', expected: [{ line: 3, column: 22, message: handler('onerror') }] },
  { name: 'a handler inside a multi-line HTML block', format: 'md', body: '<div>\n<p class="x"\n   onclick="go()">Hi</p>\n</div>', expected: [{ line: 3, column: 4, message: handler('onclick') }] },
  { name: 'a javascript: Markdown link', format: 'md', body: 'Click [here](javascript:alert(1)).', expected: [{ line: 1, column: 7, message: URL }] },
  { name: 'an entity-encoded javascript: link', format: 'md', body: '[x](jav&#x61;script:alert(1))', expected: [{ line: 1, column: 1, message: URL }] },
  { name: 'a javascript: link definition', format: 'md', body: 'See [x].\n\n[x]: JavaScript:alert(1)', expected: [{ line: 3, column: 1, message: URL }] },
  { name: 'a javascript: href in raw HTML', format: 'md', body: 'A <a href=" javascript:void(0)">link</a>', expected: [{ line: 1, column: 6, message: URL }] },
  { name: 'a script element in MDX', format: 'mdx', body: 'Hi\n\n<script>{"alert(1)"}</script>', expected: [{ line: 3, column: 1, message: SCRIPT }] },
  { name: 'an onClick prop in MDX', format: 'mdx', body: '<button onClick={() => alert(1)}>Go</button>', expected: [{ line: 1, column: 9, message: handler('onClick') }] },
  { name: 'a javascript: href in MDX', format: 'mdx', body: 'A <a href="javascript:alert(1)">x</a>', expected: [{ line: 1, column: 6, message: URL }] },
  { name: 'the words in prose', format: 'md', body: 'The manuscript describes onward travel & a javascript: talk.', expected: [] },
  { name: 'code spans and blocks', format: 'md', body: 'Use `<script>` and\n\n```html\n<a onclick="x" href="javascript:y">\n```', expected: [] },
  { name: 'safe links and HTML', format: 'md', body: '[Site](/tags/csto/) <abbr title="Collective Security Treaty Organization">CSTO</abbr> & more', expected: [] },
] as const)('findUnsafeMarkup: $name', ({ format, body, expected }) => {
  it('reports exactly the unsafe markup, located', () => expect(findUnsafeMarkup(body, format)).toEqual(expected));
});

describe.each([
  ['javascript:alert(1)', true],
  ['JAVASCRIPT:x', true],
  [' \tjava\nscript:x', true],
  ['https://example.org/javascript:x', false],
  ['/articles/javascript-basics/', false],
  ['mailto:desk@example.org', false],
])('isScriptUrl(%j)', (url, expected) => {
  it(`is ${expected}`, () => expect(isScriptUrl(url)).toBe(expected));
});

describe('checkArticle', () => {
  it('reports unsafe body markup at its line in the file, with every other problem', () => {
    const source = '---\ntitle: T\ndate: 2026-01-01\ntags: x\n---\n\nIntro.\n\n<script>alert(1)</script>\n\n[x](javascript:go())\n';
    expect(checkArticle({ file: 'a.md', source }).problems.map(formatProblem)).toEqual([
      'a.md:4:7 tags: expected a list of strings',
      `a.md:9:1 body: ${SCRIPT}`,
      `a.md:11:1 body: ${URL}`,
    ]);
  });
});
