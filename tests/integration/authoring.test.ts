import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkArticle } from '../../src/validation/article.ts';
import { newsroomFixture } from '../fixtures/newsroom.ts';
import {
  articleSource,
  buildFixtureSite,
  listFiles,
  page,
  runBuild,
  runScript,
  tempDir,
  treeDigest,
  writeFiles,
} from '../helpers/site.ts';

const NOW = String(Date.UTC(2026, 10, 22, 12) / 1000);
const RATES = JSON.stringify({
  ...JSON.parse(newsroomFixture()['rates.json']!),
  asOf: '2026-11-21',
});
const REGISTRY = `strict: true
tags:
  CSTO:
    description: The Collective Security Treaty Organization, a military alliance.
    aliases: [Collective Security Treaty Organization, ОДКБ]
    redirectFrom: [/topics/csto/]
  Kazakhstan: {}
`;

const AUTHORS = `authors:
  - name: Dana Seitkali
    role: Almaty correspondent
  - name: Aibek Toktosunov
    slug: aibek
`;
const SECTIONS = `sections:
  - name: Politics
  - name: Economy
`;

/** A content folder in a fresh working directory, as an author's checkout has it. */
async function checkout(files: Record<string, string>): Promise<string> {
  const work = await tempDir('authoring');
  await writeFiles(join(work, 'content'), { 'rates.json': RATES, ...files });
  return work;
}

describe('npm run new', () => {
  it('writes a transliterated, valid article, prints its path, and refuses to overwrite it', async () => {
    const work = await checkout({ 'tags.yaml': REGISTRY });
    const args = [
      'Министры встретились в Бишкеке',
      '--tags',
      'CSTO,Kazakhstan',
      '--date',
      '2026-11-20',
      '--draft',
    ];
    const first = await runScript('scripts/new.ts', args, { SOURCE_DATE_EPOCH: NOW }, work);
    expect(first).toMatchObject({
      code: 0,
      stdout: 'content/articles/2026/11/ministry-vstretilis-v-bishkeke.md\n',
      stderr: '',
    });
    const file = join(work, 'content/articles/2026/11/ministry-vstretilis-v-bishkeke.md');
    const source = await readFile(file, 'utf8');
    expect(source).toBe(
      '---\ntitle: Министры встретились в Бишкеке\ndate: 2026-11-20\ntags: [CSTO, Kazakhstan]\ndraft: true\n---\n\n',
    );
    expect(checkArticle({ file, source }).problems).toEqual([]);

    await writeFile(file, `${source}Edited.\n`);
    const again = await runScript('scripts/new.ts', args, { SOURCE_DATE_EPOCH: NOW }, work);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'content/articles/2026/11/ministry-vstretilis-v-bishkeke.md already exists; choose another title or edit that file\nNothing was written.\n',
    );
    expect(await readFile(file, 'utf8')).toBe(`${source}Edited.\n`);
  });

  it('takes today in the site time zone, and refuses unknown tags of a strict registry and bad dates, writing nothing', async () => {
    const work = await checkout({ 'tags.yaml': REGISTRY });
    const today = await runScript(
      'scripts/new.ts',
      ['Water talks', '--tags', 'csto'],
      { SOURCE_DATE_EPOCH: NOW },
      work,
    );
    expect(today).toMatchObject({ code: 0, stdout: 'content/articles/2026/11/water-talks.md\n' });
    expect(await readFile(join(work, 'content/articles/2026/11/water-talks.md'), 'utf8')).toContain(
      'date: 2026-11-22\ntags: [csto]\n---',
    );

    const bad = await runScript(
      'scripts/new.ts',
      ['Other talks', '--tags', 'Kazakstan', '--date', '2026-02-30'],
      { SOURCE_DATE_EPOCH: NOW },
      work,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')).toEqual([
      'content/articles/2026/02/other-talks.md:3:7 date: expected a date as YYYY-MM-DD or an ISO 8601 date-time, got "2026-02-30"',
      '--tags: unknown tag "Kazakstan"; did you mean "Kazakhstan"?',
      'Nothing was written.',
      '',
    ]);
    const duplicate = await runScript(
      'scripts/new.ts',
      ['Water talks', '--tags', 'CSTO', '--date', '2025-01-01'],
      { SOURCE_DATE_EPOCH: NOW },
      work,
    );
    expect(duplicate.stderr).toBe(
      'the slug "water-talks" is already used by content/articles/2026/11/water-talks.md; choose another title\nNothing was written.\n',
    );
    const missing = await runScript('scripts/new.ts', [], {}, work);
    expect(missing.stderr).toBe(
      'missing the title: npm run new -- "Title" --tags CSTO,Kazakhstan\nmissing --tags: a comma-separated list, e.g. --tags CSTO,Kazakhstan\n',
    );
    expect(await listFiles(join(work, 'content/articles'))).toEqual(['2026/11/water-talks.md']);
  });
});

describe('npm run new with the authors and sections registries', () => {
  it('writes the byline and the section in their registered spelling, authors repeated or comma-separated', async () => {
    const work = await checkout({
      'tags.yaml': REGISTRY,
      'authors.yaml': AUTHORS,
      'sections.yaml': SECTIONS,
    });
    const result = await runScript(
      'scripts/new.ts',
      [
        'Water talks',
        '--tags',
        'CSTO',
        '--author',
        'aibek',
        '--author',
        'dana  seitkali, Aibek Toktosunov',
        '--section',
        'economy',
        '--date',
        '2026-11-20',
      ],
      { SOURCE_DATE_EPOCH: NOW },
      work,
    );
    expect(result).toMatchObject({
      code: 0,
      stdout: 'content/articles/2026/11/water-talks.md\n',
      stderr: '',
    });
    const source = await readFile(join(work, 'content/articles/2026/11/water-talks.md'), 'utf8');
    expect(source).toBe(
      '---\ntitle: Water talks\ndate: 2026-11-20\ntags: [CSTO]\nauthors: [Aibek Toktosunov, Dana Seitkali]\nsection: Economy\n---\n\n',
    );
  });

  it('refuses unknown authors and sections, naming the option and the nearest name, and a missing section, writing nothing', async () => {
    const work = await checkout({ 'authors.yaml': AUTHORS, 'sections.yaml': SECTIONS });
    const run = (args: string[]) =>
      runScript(
        'scripts/new.ts',
        ['Water talks', '--tags', 'Water', '--date', '2026-11-20', ...args],
        { SOURCE_DATE_EPOCH: NOW },
        work,
      );
    const unknown = await run(['--author', 'Dana Seitkaly,Someone Else', '--section', 'Econmy']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.split('\n')).toEqual([
      '--author: unknown author "Dana Seitkaly"; did you mean "Dana Seitkali"?',
      '--author: unknown author "Someone Else"; add it to content/authors.yaml or use one of: Dana Seitkali, Aibek Toktosunov',
      '--section: unknown section "Econmy"; did you mean "Economy"?',
      'Nothing was written.',
      '',
    ]);
    // Drafts too: the section is asked for when the article is made, as the editing UI does.
    const missing = await run(['--author', 'Dana Seitkali', '--draft']);
    expect(missing).toMatchObject({
      code: 1,
      stderr:
        'missing --section: one of Politics, Economy (content/sections.yaml)\nNothing was written.\n',
    });
    expect(existsSync(join(work, 'content/articles'))).toBe(false);
  });

  it('reports a broken registry it would check names against, and takes any name without one', async () => {
    const work = await checkout({ 'authors.yaml': 'authors:\n  - nmae: Dana Seitkali\n' });
    const broken = await runScript(
      'scripts/new.ts',
      ['Water talks', '--tags', 'Water', '--author', 'Dana Seitkali', '--date', '2026-11-20'],
      { SOURCE_DATE_EPOCH: NOW },
      work,
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^content\/authors\.yaml:2:5 authors\[0\]\.nmae: /m);
    expect(broken.stderr).toMatch(/Nothing was written\.\n$/);

    // Without --author the broken authors.yaml is not in the way; without sections.yaml any
    // section is taken as written.
    const free = await runScript(
      'scripts/new.ts',
      ['Water talks', '--tags', 'Water', '--section', 'Weather  desk', '--date', '2026-11-20'],
      { SOURCE_DATE_EPOCH: NOW },
      work,
    );
    expect(free).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(join(work, 'content/articles/2026/11/water-talks.md'), 'utf8')).toContain(
      'tags: [Water]\nsection: Weather desk\n---',
    );
  });
});

describe('npm run check', () => {
  it('reports registry, link, image and alt text problems compiler-style, all at once', async () => {
    const work = await checkout({
      'tags.yaml': REGISTRY,
      'articles/2026/summit.md': articleSource(
        {
          title: 'Summit',
          date: '2026-05-01',
          tags: ['CSTO', 'Kazakstan'],
          image: '/images/nowhere.jpg',
        },
        'See [the follow-up](/articles/folow-up/) and [the file](../2025/missing.md).\n\n![A map](/images/mountain-road.svg)',
      ),
      'articles/2026/follow-up.md': articleSource(
        {
          title: 'Follow-up',
          date: '2026-06-01',
          tags: ['ОДКБ'],
          image: '/images/mountain-road.svg',
        },
        'Back to [the summit](summit.md).',
      ),
    });
    const result = await runScript('scripts/check.ts', [], { SOURCE_DATE_EPOCH: NOW }, work);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'content/articles/2026/follow-up.md:5:8 imageAlt: required when image is set: describe the picture for readers who cannot see it',
      'content/articles/2026/summit.md:4:15 tags[1]: unknown tag "Kazakstan"; did you mean "Kazakhstan"?',
      'content/articles/2026/summit.md:5:8 imageAlt: required when image is set: describe the picture for readers who cannot see it',
      'content/articles/2026/summit.md:8:5 body: link to /articles/folow-up/ points nowhere: no article has the slug "folow-up"; did you mean /articles/follow-up/?',
      'content/articles/2026/summit.md:8:46 body: link to ../2025/missing.md points nowhere: no article file at content/articles/2025/missing.md',
      '5 problems in 2 articles.',
    ]);
  });
});

describe('a build with tag, author and section registries, renamed articles and relative links', () => {
  let out: string;
  beforeAll(async () => {
    ({ out } = await buildFixtureSite(
      'authoring',
      {
        'rates.json': RATES,
        'tags.yaml': REGISTRY,
        'authors.yaml': AUTHORS,
        'sections.yaml': SECTIONS,
        'articles/2026/summit.md': articleSource(
          {
            title: 'Summit',
            date: '2026-05-01',
            tags: ['Collective Security Treaty Organization'],
            authors: ['Dana Seitkali'],
            section: 'Politics',
            redirectFrom: ['old-summit', '/2026/05/summit.html'],
          },
          'Read [the follow-up](../2026/follow-up.md#vote).',
        ),
        'articles/2026/follow-up.md': articleSource(
          {
            title: 'Follow-up',
            date: '2026-06-01',
            tags: ['csto', 'Kazakhstan'],
            author: 'Aibek Toktosunov',
            section: 'Politics',
          },
          'Back to [the summit](summit.md).',
        ),
      },
      NOW,
    ));
  }, 120_000);

  it('files aliases under the registered tag, whose page shows its description', async () => {
    const tagPage = await page(out, '/tags/csto/');
    expect(tagPage.querySelector('h1')?.textContent).toBe('CSTO');
    expect(tagPage.querySelector('.tag-description')?.textContent).toBe(
      'The Collective Security Treaty Organization, a military alliance.',
    );
    expect(tagPage.querySelector('meta[name=description]')?.getAttribute('content')).toBe(
      'The Collective Security Treaty Organization, a military alliance.',
    );
    expect(tagPage.querySelectorAll('article h2 a').map((a) => a.textContent)).toEqual([
      'Follow-up',
      'Summit',
    ]);
    const api = JSON.parse(await readFile(join(out, 'api/tags.json'), 'utf8')) as {
      tags: Array<{ name: string; description?: string; count: number }>;
    };
    expect(api.tags.map(({ name, description, count }) => ({ name, description, count }))).toEqual([
      {
        name: 'CSTO',
        description: 'The Collective Security Treaty Organization, a military alliance.',
        count: 2,
      },
      { name: 'Kazakhstan', description: undefined, count: 1 },
    ]);
  });

  it('turns relative .md links into links to the articles’ pages', async () => {
    expect(
      (await page(out, '/articles/summit/'))
        .querySelector('.article-body a, article a[href*="follow"]')
        ?.getAttribute('href'),
    ).toBe('/articles/follow-up/#vote');
    expect(
      (await page(out, '/articles/follow-up/'))
        .querySelector('article a[href*="summit"]')
        ?.getAttribute('href'),
    ).toBe('/articles/summit/');
  });

  it('writes a redirect page for every old address, and _redirects', async () => {
    expect(await readFile(join(out, '_redirects'), 'utf8')).toBe(
      [
        '/2026/05/summit.html /articles/summit/ 301',
        '/articles/old-summit/ /articles/summit/ 301',
        '/tags/collective-security-treaty-organization/ /tags/csto/ 301',
        '/tags/odkb/ /tags/csto/ 301',
        '/topics/csto/ /tags/csto/ 301',
        '',
      ].join('\n'),
    );
    for (const [file, to] of [
      ['2026/05/summit.html', '/articles/summit/'],
      ['articles/old-summit/index.html', '/articles/summit/'],
      ['topics/csto/index.html', '/tags/csto/'],
    ] as const) {
      const html = await readFile(join(out, file), 'utf8');
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`);
      expect(html).toContain(`<link rel="canonical" href="https://khabar.example.org${to}">`);
    }
    expect(await readFile(join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('old-summit');
  });

  it('serves the editing UI with a configuration generated from the schema', async () => {
    expect(existsSync(join(out, 'admin/cms.js'))).toBe(true);
    expect((await page(out, '/admin/')).querySelector('script')?.getAttribute('src')).toBe(
      '/admin/cms.js',
    );
    const config = await readFile(join(out, 'admin/config.yml'), 'utf8');
    expect(config).toContain('folder: content/articles');
    expect(config).toMatch(
      /- name: tags\n\s+label: Tags\n\s+widget: select\n\s+multiple: true\n\s+options:\n\s+- CSTO\n\s+- Kazakhstan/,
    );
    // The byline and the section are chosen from the registries; the section is required.
    const fields = (
      parseYaml(config) as { collections: Array<{ fields: Array<Record<string, unknown>> }> }
    ).collections[0]!.fields;
    const byName = (name: string) => fields.find((field) => field.name === name);
    expect(byName('authors')).toMatchObject({
      widget: 'select',
      multiple: true,
      options: ['Dana Seitkali', 'Aibek Toktosunov'],
    });
    expect(byName('section')).toMatchObject({
      widget: 'select',
      options: ['Politics', 'Economy'],
      required: true,
    });
    expect(byName('author')).toMatchObject({ widget: 'hidden' });
    expect(byName('corrections')?.fields).toMatchObject([
      { name: 'date', widget: 'datetime', required: true },
      { name: 'text', widget: 'text', required: true },
    ]);
  });

  it('refuses a redirect that would replace a page, leaving the previous output as it was', async () => {
    const work = await checkout({
      'articles/a.md': articleSource(
        { title: 'A', date: '2026-01-01', tags: ['x'], redirectFrom: ['/rss.xml'] },
        'Text.',
      ),
    });
    const before = await treeDigest(out);
    const result = await runBuild(join(work, 'content'), out, join(work, 'cache'), {
      SOURCE_DATE_EPOCH: NOW,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'content/articles/a.md:5:16 redirectFrom[0]: redirect from /rss.xml collides with a live page at that address',
    );
    expect(await treeDigest(out)).toEqual(before);
  });
});
