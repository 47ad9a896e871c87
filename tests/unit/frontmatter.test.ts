import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

const LF = '---\ntitle: T\ndate: 2025-03-27\ntags: [A, B]\n---\n\nBody line one.\nBody line two.\n';

describe.each([
  { name: 'CRLF line breaks', source: LF.replaceAll('\n', '\r\n') },
  { name: 'CR line breaks', source: LF.replaceAll('\n', '\r') },
  { name: 'a byte-order mark', source: `\uFEFF${LF}` },
  { name: 'a byte-order mark and CRLF', source: `\uFEFF${LF.replaceAll('\n', '\r\n')}` },
])('a file with $name', ({ source }) => {
  it('reads exactly as its LF twin', () =>
    expect(splitFrontmatter(source)).toEqual(splitFrontmatter(LF)));
});

describe.each([
  {
    name: '---js',
    source: '---js\n{ title: require("child_process").execSync("id").toString() }\n---\nBody\n',
    message: /`js` is another language/,
  },
  {
    name: '--- javascript',
    source: '--- javascript\nmodule.exports = {}\n---\nBody\n',
    message: /`javascript` is another language/,
  },
  {
    name: '---coffee',
    source: '---coffee\ntitle: "#{process.exit()}"\n---\n',
    message: /`coffee` is another language/,
  },
  { name: 'TOML', source: '+++\ntitle = "T"\n+++\n', message: /TOML/ },
  { name: 'JSON (;;;)', source: ';;;\n{"title": "T"}\n;;;\n', message: /JSON/ },
])('frontmatter opened as $name', ({ source, message }) => {
  it('is an error at line 1, and nothing of it is read', () => {
    const split = splitFrontmatter(source);
    expect(split.problems).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(message) },
    ]);
    expect(split.data).toEqual({});
  });
});

describe.each([
  { name: 'an unclosed block', source: '---\ntitle: T\n', line: 1, message: /not closed/ },
  {
    name: 'a duplicate key',
    source: '---\ntitle: A\ntitle: B\n---\n',
    line: 3,
    message: /Map keys must be unique/,
  },
  {
    name: 'a JavaScript type tag',
    source: '---\ntitle: !!js/function "function(){}"\n---\n',
    line: 2,
    message: /tag/i,
  },
  {
    name: 'a list instead of fields',
    source: '---\n- a\n- b\n---\n',
    line: 2,
    message: /field: value/,
  },
  {
    name: 'an alias bomb',
    source: `---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: &c [${'*b, '.repeat(9)}*b]\nd: [${'*c, '.repeat(99)}*c]\n---\n`,
    line: 2,
    message: /alias/i,
  },
])('frontmatter with $name', ({ source, line, message }) => {
  it('is an error at its line, with no data', () => {
    const split = splitFrontmatter(source);
    expect(split.problems[0]).toMatchObject({ line, message: expect.stringMatching(message) });
    expect(split.data).toEqual({});
  });
});

describe('splitFrontmatter', () => {
  it('keeps dates as text (YAML 1.2), numbers line the YAML up with the file, and splits off the body', () => {
    const split = splitFrontmatter(LF);
    expect(split.data).toEqual({ title: 'T', date: '2025-03-27', tags: ['A', 'B'] });
    expect(split.yaml.split('\n')[2]).toBe('date: 2025-03-27');
    expect(split.bodyLineOffset).toBe(5);
    expect(split.body).toBe('\nBody line one.\nBody line two.\n');
  });
  it('treats a file without an opening line as all body', () => {
    expect(splitFrontmatter('Just text\n')).toMatchObject({
      hasFrontmatter: false,
      body: 'Just text\n',
      problems: [],
    });
  });
});
