import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW_EPOCH, newsroomFixture } from '../fixtures/newsroom.ts';
import { runScript, tempDir, writeFiles } from '../helpers/site.ts';

describe('npm run check', () => {
  it('passes valid content with exit code 0', async () => {
    const content = join(await tempDir('check'), 'content');
    await writeFiles(content, newsroomFixture());
    const result = await runScript('scripts/check.ts', ['--content', content]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^23 articles and the rates file are valid\.$/m);
  });

  it('warns, without failing, about a rates file dated after tomorrow', async () => {
    const content = join(await tempDir('check'), 'content');
    const fixture = newsroomFixture();
    await writeFiles(content, {
      ...fixture,
      'rates.json': fixture['rates.json']!.replace(/"asOf":\s*"[^"]+"/, '"asOf": "2099-01-01"'),
    });
    const result = await runScript('scripts/check.ts', ['--content', content], {
      SOURCE_DATE_EPOCH: NOW_EPOCH,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /rates\.json warning: asOf: rates are dated 2099-01-01, after 2026-02-12/,
    );
  });

  it('reports every problem of every file at once, compiler-style, and exits 1', async () => {
    const work = await tempDir('check');
    await writeFiles(work, {
      'content/articles/x.md': '---\ntitle: X\ndate: 2026-01-01\ntags: CSTO\ntgas: [a]\n---\n',
      'content/articles/y/x.md': '---\ntitle: Y\ndate: 2026-01-01\ntags: [a]\n---\n\nText.\n',
      'content/rates.json': '{"asOf":"2026-01-01","base":"USD","rates":[]}',
    });
    const result = await runScript('scripts/check.ts', ['--content', 'content'], {}, work);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'content/articles/x.md slug: duplicate slug "x": also used by content/articles/y/x.md; rename the file or set a different `slug`',
      'content/articles/x.md:4:7 tags: expected a list of strings',
      'content/articles/x.md:5:1 tgas: unknown field; did you mean `tags`?',
      'content/articles/y/x.md slug: duplicate slug "x": also used by content/articles/x.md; rename the file or set a different `slug`',
      'content/rates.json:1:43 rates: expected at least one rate',
      '5 problems in 2 articles.',
    ]);
  });
});
