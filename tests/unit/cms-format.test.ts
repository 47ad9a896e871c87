import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { cmsFields, type JsonSchemaObject } from '../../src/lib/cms-config.ts';
import { cmsFromFile, cmsToFile } from '../../src/lib/cms-format.ts';
import { articleFrontmatterObject } from '../../src/schemas/article.ts';
import { checkArticle } from '../../src/validation/article.ts';

/** The order the article collection saves fields in, as Decap passes it to `toFile`. */
const FIELD_ORDER = cmsFields(
  z.toJSONSchema(articleFrontmatterObject, {
    io: 'input',
    unrepresentable: 'any',
  }) as unknown as JsonSchemaObject,
  {
    repo: 'o/r',
    branch: 'main',
    localPort: 8081,
    siteUrl: 'https://news.example',
    contentFolder: 'content',
    tags: { strict: false, names: [] },
    authors: ['Dana Seitkali', 'Aibek Toktosunov'],
    sections: ['Politics', 'Economy'],
  },
).map((field) => field.name);

describe('the editing UI’s article format', () => {
  it.each([
    ['a JavaScript block', '---js\n{ title: (globalThis.ran = true, "T") }\n---\nBody\n'],
    ['a CoffeeScript block', '---coffee\ntitle: "#{globalThis.ran = true}"\n---\nBody\n'],
    ['broken YAML', '---\ntitle: [unclosed\n---\nBody\n'],
  ])('refuses to open %s, running nothing', (_name, source) => {
    expect(() => cmsFromFile(source)).toThrow(/cannot be opened in the editor: line \d+/);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('reads fields and body with the site’s reader, CRLF included', () => {
    expect(
      cmsFromFile('---\r\ntitle: T\r\ndate: 2026-01-01\r\ntags: [A]\r\n---\r\n\r\nThe body.\r\n'),
    ).toEqual({ title: 'T', date: '2026-01-01', tags: ['A'], body: 'The body.\n' });
  });

  it('writes the fields in the collection’s order and a file the check accepts', () => {
    const file = cmsToFile(
      { body: 'The body.', tags: ['A', 'B'], title: 'T: a colon', date: '2026-01-01' },
      ['title', 'date', 'tags'],
    );
    expect(file).toBe(
      '---\ntitle: "T: a colon"\ndate: 2026-01-01\ntags:\n  - A\n  - B\n---\n\nThe body.',
    );
    expect(checkArticle({ file: 'a.md', source: file }).problems).toEqual([]);
    expect(cmsFromFile(file)).toEqual({
      title: 'T: a colon',
      date: '2026-01-01',
      tags: ['A', 'B'],
      body: 'The body.',
    });
  });

  it('saves what the newsroom fields hold (byline, section, lead photo, corrections) as a file the check accepts', () => {
    // As the editing UI holds a new article: dates as the date widget writes them, lists as lists.
    const file = cmsToFile(
      {
        title: 'Water talks',
        date: '2026-01-01',
        tags: ['Water'],
        body: 'The body.',
        corrections: [
          { date: '2026-01-03', text: 'An earlier version misspelt the minister’s name.' },
        ],
        imageCredit: 'Dana Seitkali/Khabar',
        imageCaption: 'The dam at dawn.',
        imageAlt: 'A concrete dam across a narrow river valley',
        image: '/images/dam.jpg',
        section: 'Economy',
        authors: ['Aibek Toktosunov', 'Dana Seitkali'],
      },
      FIELD_ORDER,
    );
    expect(file).toBe(
      [
        '---',
        'title: Water talks',
        'date: 2026-01-01',
        'tags:',
        '  - Water',
        'authors:',
        '  - Aibek Toktosunov',
        '  - Dana Seitkali',
        'section: Economy',
        'corrections:',
        '  - date: 2026-01-03',
        '    text: An earlier version misspelt the minister’s name.',
        'image: /images/dam.jpg',
        'imageAlt: A concrete dam across a narrow river valley',
        'imageCaption: The dam at dawn.',
        'imageCredit: Dana Seitkali/Khabar',
        '---',
        '',
        'The body.',
      ].join('\n'),
    );
    const checked = checkArticle({ file: 'a.md', source: file });
    expect(checked.problems).toEqual([]);
    expect(checked.data).toMatchObject({
      authors: ['Aibek Toktosunov', 'Dana Seitkali'],
      section: 'Economy',
      corrections: [{ text: 'An earlier version misspelt the minister’s name.' }],
    });
  });

  it('opens an older article with a one-author byline as the authors list, and saves it so', () => {
    const source =
      '---\ntitle: Old piece\ndate: 2024-03-01\ntags: [Water]\nauthor: Dana Seitkali\nsection: Economy\n---\n\nThe body.\n';
    const fields = cmsFromFile(source);
    expect(fields).toMatchObject({ authors: ['Dana Seitkali'] });
    expect(fields).not.toHaveProperty('author');
    const saved = cmsToFile({ ...fields, title: 'Old piece, edited' }, FIELD_ORDER);
    expect(saved).toContain('\nauthors:\n  - Dana Seitkali\nsection: Economy\n');
    expect(checkArticle({ file: 'a.md', source: saved }).problems).toEqual([]);
  });
});

describe('fields cleared in the editor', () => {
  it.each([
    ['an emptied text', { summary: '' }],
    ['an emptied list', { authors: [] }],
    ['a cleared value', { slug: null }],
  ])('leave out %s instead of writing a value no field accepts', (_, cleared) => {
    const saved = cmsToFile(
      { title: 'T', date: '2026-01-01', tags: ['A'], authors: ['Dana'], ...cleared, body: 'B' },
      FIELD_ORDER,
    );
    expect(saved).not.toContain(`\n${Object.keys(cleared)[0]}:`);
    expect(checkArticle({ file: 'a.md', source: saved }).problems).toEqual([]);
  });
});
