import { describe, expect, it } from 'vitest';
import { cmsFromFile, cmsToFile } from '../../src/lib/cms-format.ts';
import { checkArticle } from '../../src/validation/article.ts';

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
});
