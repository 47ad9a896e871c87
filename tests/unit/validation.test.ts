import { describe, expect, it } from 'vitest';
import { formatProblem, suggest } from '../../src/lib/problems.ts';
import { checkArticle } from '../../src/validation/article.ts';
import { checkCorpus } from '../../src/validation/corpus.ts';
import { checkRates } from '../../src/validation/rates.ts';

const article = (frontmatter: string, body = 'Body text.') =>
  `---\n${frontmatter}\n---\n\n${body}\n`;
const lines = (file: string, source: string) =>
  checkArticle({ file, source }).problems.map(formatProblem);

describe.each([
  {
    name: 'a non-list tags field, at its line and column',
    source: article('title: T\ndate: 2026-01-01\ntags: CSTO'),
    expected: ['a.md:4:7 tags: expected a list of strings'],
  },
  {
    name: 'a misspelt key with a suggestion',
    source: article('title: T\ndate: 2026-01-01\ntags: [x]\ntgas: [y]'),
    expected: ['a.md:5:1 tgas: unknown field; did you mean `tags`?'],
  },
  {
    name: 'an unknown key with no near miss, listing the fields',
    source: article('title: T\ndate: 2026-01-01\ntags: [x]\ncolour: red'),
    expected: [
      expect.stringMatching(
        /^a\.md:5:1 colour: unknown field \(expected one of: title, date, tags/,
      ),
    ],
  },
  {
    name: 'a YAML syntax error with its line',
    source: article('title: T: x\ndate: 2026-01-01\ntags: [x]'),
    expected: [expect.stringMatching(/^a\.md:2:\d+ YAML syntax error in frontmatter: /)],
  },
  {
    name: 'an impossible date YAML would roll over',
    source: article('title: T\ndate: 2026-13-45\ntags: [x]'),
    expected: [
      'a.md:3:7 date: expected a date as YYYY-MM-DD or an ISO 8601 date-time, got "2026-13-45"',
    ],
  },
  {
    name: 'a file with no frontmatter',
    source: 'Just text\n',
    expected: [
      'a.md:1:1 missing frontmatter: start the file with a `---` block holding title, date and tags',
    ],
  },
])('checkArticle reports $name', ({ source, expected }) => {
  it('exactly', () => expect(lines('a.md', source)).toEqual(expected));
});

describe('checkArticle', () => {
  it('reports every problem of a file at once', () => {
    expect(lines('a.md', article('title: ""\ndate: nope\ntags: []\ndraft: 1'))).toHaveLength(4);
  });
  it('reports broken MDX at its line in the file', () => {
    expect(
      lines('a.mdx', article('title: T\ndate: 2026-01-01\ntags: [x]', 'Fine\n\n<Broken')),
    ).toEqual([
      expect.stringMatching(/^a\.mdx:9:1 MDX syntax error: Unexpected character after `<`/),
    ]);
  });
  it('passes a valid article and gives its slug and tags', () => {
    const checked = checkArticle({
      file: 'x/y/my-story.md',
      source: article('title: T\ndate: 2026-01-01\ntags: [A, b]'),
    });
    expect(checked.problems).toEqual([]);
    expect(checked.slug).toBe('my-story');
    expect(checked.tags).toEqual(['A', 'b']);
  });
});

describe('checkCorpus', () => {
  const valid = (file: string, fm = 'tags: [x]') =>
    checkArticle({ file, source: article(`title: T\ndate: 2026-01-01\n${fm}`) });
  it('reports both files of a duplicate slug', () => {
    const problems = checkCorpus([
      valid('a/story.md'),
      valid('b/story.md'),
      valid('c/other.md'),
    ]).map(formatProblem);
    expect(problems).toEqual([
      'a/story.md slug: duplicate slug "story": also used by b/story.md; rename the file or set a different `slug`',
      'b/story.md slug: duplicate slug "story": also used by a/story.md; rename the file or set a different `slug`',
    ]);
  });
  it('reports a frontmatter slug that collides with a file name', () => {
    expect(
      checkCorpus([valid('a/story.md'), valid('b/x.md', 'tags: [x]\nslug: story')]),
    ).toHaveLength(2);
  });
  it('reports two tags that share a slug, in every file that uses them', () => {
    const problems = checkCorpus([
      valid('a.md', 'tags: [Central Asia]'),
      valid('b.md', 'tags: [central-asia]'),
    ]).map(formatProblem);
    expect(problems).toEqual([
      'a.md tags: tags "Central Asia" and "central-asia" would share the URL /tags/central-asia/; use one spelling',
      'b.md tags: tags "Central Asia" and "central-asia" would share the URL /tags/central-asia/; use one spelling',
    ]);
  });
  it('accepts case variants of one tag', () => {
    expect(checkCorpus([valid('a.md', 'tags: [CSTO]'), valid('b.md', 'tags: [csto]')])).toEqual([]);
  });
  it.each(['東京', 'עברית', 'ภาษาไทย', '!!!'])(
    'accepts the tag %j: every tag gets a slug',
    (tag) => {
      expect(checkCorpus([valid('a.md', `tags: ["${tag}"]`)]).map(formatProblem)).toEqual([]);
    },
  );
});

describe.each([
  {
    name: 'broken JSON with its position',
    source: '{\n  "asOf": "2026-01-01",\n  oops\n}',
    expected: /^rates\.json:3:\d+ expected valid JSON: /,
  },
  {
    name: 'a bad field with its line',
    source:
      '{\n  "asOf": "2026-01-01",\n  "base": "usd",\n  "rates": [{"code": "KGS", "value": 1, "change": 0}]\n}',
    expected: /^rates\.json:3:11 base: expected a three-letter currency code/,
  },
  {
    name: 'a bad nested value',
    source: '{"asOf":"2026-01-01","base":"USD","rates":[{"code":"KGS","value":-1,"change":0}]}',
    expected: /^rates\.json:1:\d+ rates\[0\]\.value: expected a positive number$/,
  },
])('checkRates reports $name', ({ source, expected }) => {
  it('naming the file and field', () => {
    const { problems, rates } = checkRates({ file: 'rates.json', source });
    expect(rates).toBeUndefined();
    expect(problems.map(formatProblem)[0]).toMatch(expected);
  });
});

describe.each([
  { word: 'tgas', candidates: ['title', 'tags', 'date'], suggestion: 'tags' },
  { word: 'titel', candidates: ['title', 'tags'], suggestion: 'title' },
  { word: 'Tags', candidates: ['tags'], suggestion: 'tags' },
  { word: 'imagealt', candidates: ['image', 'imageAlt'], suggestion: 'imageAlt' },
  { word: 'colour', candidates: ['title', 'tags'], suggestion: undefined },
])('suggest($word)', ({ word, candidates, suggestion }) => {
  it(`is ${suggestion}`, () => expect(suggest(word, candidates)).toBe(suggestion));
});

describe('corrections', () => {
  it('are read with their dates', () => {
    const checked = checkArticle({
      file: 'a.md',
      source: article(
        'title: T\ndate: 2026-01-01\ntags: [x]\ncorrections:\n  - date: 2026-01-02\n    text: Fixed a name.',
      ),
    });
    expect(checked.problems).toEqual([]);
    expect(checked.data?.corrections?.[0]?.text).toBe('Fixed a name.');
  });
  it.each([
    [
      'dated before the article',
      'corrections:\n  - date: 2025-12-31\n    text: Too early.',
      'a.md:6:11 corrections[0].date: a correction is dated before the article itself; check the date',
    ],
    [
      'without a text',
      'corrections:\n  - date: 2026-01-02',
      'a.md:6:5 corrections[0].text: required: the correction',
    ],
  ])('are refused when %s', (_name, yaml, expected) => {
    expect(lines('a.md', article(`title: T\ndate: 2026-01-01\ntags: [x]\n${yaml}`))).toEqual([
      expected,
    ]);
  });
});
