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

describe('the sample content', () => {
  it('passes every check, so `npm run build` builds it', async () => {
    const result = await runScript('scripts/check.ts', []);
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('the content model from untrusted hands', () => {
  it('refuses hostile registries, photos, bylines and redirects, each at its place, all at once', async () => {
    const content = join(await tempDir('check-model'), 'content');
    const fixture = newsroomFixture();
    await writeFiles(content, {
      'rates.json': fixture['rates.json']!,
      'authors/s.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(1)</script></svg>',
      'articles/a/nosize.svg':
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>',
      // A byte-order mark first, as some editors save it.
      'authors.yaml':
        '\uFEFF- name: Dana\n  photo: authors/s.svg\n  bio: "# Big\\n\\n![p](./x.jpg) [l](../../etc)"\n  links: ["mailto:a@b.c\\u0007"]\n- name: "Ev\\u0007il"\n',
      'articles/a/one.md': [
        '---',
        'title: One',
        'date: 2026-01-20',
        'tags: [X]',
        'authors: [Dana, dana]',
        'image: /images/../../package.json',
        'imageAlt: x',
        'redirectFrom: [/page/3/, /latest/3/]',
        '---',
        '',
        'Body ![a][r1] and ![b](./nosize.svg).',
        '',
        '[r1]: ./missing.jpg',
        '',
      ].join('\n'),
    });
    const result = await runScript('scripts/check.ts', ['--content', content], {
      SOURCE_DATE_EPOCH: NOW_EPOCH,
    });
    expect(result.code).toBe(1);
    for (const pattern of [
      /authors\.yaml:2:10 \[0\]\.photo: authors\/s\.svg line 1: event handler attribute `onload`/,
      /authors\.yaml:2:10 \[0\]\.photo: authors\/s\.svg line 1: <script> is not allowed in an SVG/,
      /authors\.yaml:3:8 \[0\]\.bio: a bio may not hold a heading/,
      /authors\.yaml:3:8 \[0\]\.bio: a bio may not hold an image/,
      /authors\.yaml:3:8 \[0\]\.bio: link \.\.\/\.\.\/etc: a bio links to https:\/\/, mailto: or site/,
      /authors\.yaml:4:11 \[0\]\.links\[0\]: character U\+0007 is not allowed/,
      /authors\.yaml:5:9 \[1\]\.name: character U\+0007 is not allowed/,
      /articles\/a\/nosize\.svg the drawing has no size/,
      /one\.md:5:17 authors\[1\]: author "dana" is already in this byline/,
      /one\.md:6:8 image: \/images\/\.\.\/\.\.\/package\.json leads out of public\//,
      /one\.md:8:16 redirectFrom\[0\]: redirect from \/page\/3\/: \/page\/… are the old addresses/,
      /one\.md:8:26 redirectFrom\[1\]: redirect from \/latest\/3\/ is a path the build writes itself/,
      /one\.md:11:6 body: image \.\/missing\.jpg does not exist/,
    ])
      expect(result.stderr, result.stderr).toMatch(pattern);
  });
});
