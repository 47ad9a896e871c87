import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newsroomExport, POSTS } from '../fixtures/wordpress.ts';
import { wxr } from '../fixtures/wxr.ts';
import { editionsFixture } from '../fixtures/editions.ts';
import {
  listFiles,
  page,
  pageSource,
  ROOT,
  runBuild,
  runScript,
  tempDir,
  text,
  treeDigest,
} from '../helpers/site.ts';

const NOW = String(Date.UTC(2026, 1, 12, 12) / 1000);
const PHOTO = join(ROOT, 'content/authors/dana-seitkali.jpg');

interface Workspace {
  dir: string;
  content: string;
  uploads: string;
  exportFile: string;
  siteConfig: string;
}

/** A folder with an export, a copy of its uploads, a content folder with rates, and a site config to edit. */
async function workspace(name: string, exportText = newsroomExport()): Promise<Workspace> {
  const dir = await tempDir(name);
  const content = join(dir, 'content');
  const uploads = join(dir, 'uploads');
  await mkdir(join(uploads, '2019/05'), { recursive: true });
  await copyFile(PHOTO, join(uploads, '2019/05/summit.jpg'));
  await copyFile(PHOTO, join(uploads, '2019/05/second.jpg'));
  await mkdir(content, { recursive: true });
  await writeFile(join(content, 'rates.json'), editionsFixture()['rates.json']!);
  const exportFile = join(dir, 'export.xml');
  await writeFile(exportFile, exportText);
  const siteConfig = join(dir, 'site.config.ts');
  await copyFile(join(ROOT, 'src/site.config.ts'), siteConfig);
  return { dir, content, uploads, exportFile, siteConfig };
}

function runImport(work: Workspace, ...args: string[]) {
  return runScript('scripts/import-wordpress.ts', [
    work.exportFile,
    '--content',
    work.content,
    '--site-config',
    work.siteConfig,
    '--time-zone',
    'Asia/Almaty',
    ...args,
  ]);
}

const read = (work: Workspace, path: string) => readFile(join(work.content, path), 'utf8');

describe('importing a WordPress export with its uploads', () => {
  let work: Workspace;
  let out: string;
  let importOutput: string;

  beforeAll(async () => {
    work = await workspace('wp-import');
    const result = await runImport(work, '--uploads', work.uploads);
    importOutput = result.stdout + result.stderr;
    expect(result.code, importOutput).toBe(0);
    out = join(work.dir, 'dist');
    const build = await runBuild(work.content, out, join(work.dir, 'cache'), {
      SOURCE_DATE_EPOCH: NOW,
    });
    expect(build.code, build.stderr).toBe(0);
  });

  it('writes each post at articles/<yyyy>/<mm>/<slug>.md, and passes the check', async () => {
    const files = (await listFiles(join(work.content, 'articles'))).filter((f) =>
      f.endsWith('.md'),
    );
    expect(files.sort()).toEqual([
      '2019/05/leaders-meet-astana.md',
      '2019/05/pending-review.md',
      '2019/06/every-element.md',
      '2019/06/untitled-note.md',
      '2019/07/sammit-odkb.md',
      '2019/08/a-draft-in-progress.md',
      '2019/09/very-long-title.md',
      '2019/10/search.md',
      '2030/01/scheduled-later.md',
    ]);
    const check = await runScript('scripts/check.ts', ['--content', work.content], {
      SOURCE_DATE_EPOCH: NOW,
    });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).not.toMatch(/error/i);
  });

  it('maps the frontmatter: title, dates, summary, byline, section, tags, photo, sticky, redirects', async () => {
    const source = await read(work, 'articles/2019/05/leaders-meet-astana.md');
    expect(source).toContain('title: Leaders meet in Astana & talk “security”\n');
    expect(source).toContain('date: 2019-05-12T04:00:00.000Z\n');
    expect(source).toContain('updated: 2019-05-14T08:30:00.000Z\n');
    expect(source).toContain('summary: Two leaders met to talk about security.\n');
    expect(source).toContain('tags: [Security, CSTO, Kazakhstan]\n');
    expect(source).toContain('authors: [Jane Doe]\n');
    expect(source).toContain('section: Politics\n');
    expect(source).toContain('image: ./leaders-meet-astana-summit.jpg\n');
    expect(source).toContain('imageAlt: Leaders at the table\n');
    expect(source).toContain('imageCaption: The summit table.\n');
    expect(source).toContain('featured: true\n');
    expect(source).toMatch(
      /redirectFrom:\n {2}- \/p\/101\/\n {2}- \/2019\/05\/leaders-meet-astana\/\n {2}- \/2019\/05\/leaders-meet\/\n/,
    );
  });

  it('converts the body: paragraphs, headings, nested lists, quotes, tables, code, links, emphasis', async () => {
    const body = (await read(work, 'articles/2019/06/every-element.md')).split('---\n')[2]!;
    expect(body).toContain(
      'Opening paragraph with **strong**, *emphasis*, ~deleted~, `code` and [a link](https://example.org/report).  \nA second line of the same paragraph.',
    );
    expect(body).toContain('## A heading');
    expect(body).toContain('> A quoted sentence.');
    expect(body).toMatch(/- {3}First item\n {4}- {3}Nested item\n- {3}Second item/);
    expect(body).toMatch(/1\. {2}One\n2\. {2}Two/);
    expect(body).toContain('| Country | Rate |\n| --- | --- |\n| Kazakhstan | 14.5 |');
    expect(body).toContain('```\nline one\n  line two\n```');
    const html = await page(out, '/articles/every-element/');
    expect(html.querySelectorAll('.article-body li li').map(text)).toEqual(['Nested item']);
    expect(html.querySelectorAll('.article-body td').map(text)).toEqual(['Kazakhstan', '14.5']);
    expect(html.querySelectorAll('.article-body del').map(text)).toEqual(['deleted']);
    expect(await pageSource(out, '/articles/every-element/')).toContain(
      '<pre><code>line one\n  line two\n</code></pre>',
    );
  });

  it('turns captions and galleries into figures with local copies of the photos', async () => {
    const body = await read(work, 'articles/2019/05/leaders-meet-astana.md');
    expect(body).toContain(
      '![Leaders at the table](./leaders-meet-astana-summit.jpg "The leaders before the talks.")',
    );
    expect(body).toContain('![Second photo](./leaders-meet-astana-second.jpg)');
    const html = await page(out, '/articles/leaders-meet-astana/');
    expect(html.querySelectorAll('.article-body figcaption').map(text)).toContain(
      'The leaders before the talks.',
    );
    expect(
      await readFile(join(work.content, 'articles/2019/05/leaders-meet-astana-summit.jpg')),
    ).toEqual(await readFile(PHOTO));
  });

  it("shows the post's own uploads for a gallery without ids, links a video, and never redirects over a page of the new site", async () => {
    const source = await read(work, 'articles/2019/10/search.md');
    expect(source).toContain('![The second photo](./search-second.jpg)');
    expect(source).toContain(
      '[https://old.example.com/wp-content/uploads/2019/10/clip.mp4](https://old.example.com/wp-content/uploads/2019/10/clip.mp4)',
    );
    expect(source).toContain('authors: [Jane Doe]');
    expect(source).not.toContain('- /search/');
    expect(await read(work, 'import-report.md')).toContain(
      'Search: its old address /search/ cannot redirect: it is a page of the new site',
    );
  });

  it('removes what the content rules refuse, keeps allowed embeds, and lists both in the report', async () => {
    const source = await pageSource(out, '/articles/leaders-meet-astana/');
    expect(source).not.toContain('pwned');
    expect(source).not.toContain('steal()');
    expect(source).not.toContain('evil.example');
    expect(source).toContain('https://www.youtube.com/embed/abc123');
    const body = await read(work, 'articles/2019/05/leaders-meet-astana.md');
    expect(body).toContain('[https://vimeo.com/123456](https://vimeo.com/123456)');
    expect(body).toContain('\\[contact-form-7 id="42" title="Contact form"\\]');
    expect(body).toContain('\\[sic\\]');
    const report = await read(work, 'import-report.md');
    expect(report).toContain('\\<script\\> is not allowed');
    expect(report).toContain('event handler attribute \\`onclick\\`');
    expect(report).toMatch(/evil\.example/);
    expect(report).toContain('\\[contact-form-7 id="42" title="Contact form"\\]');
    expect(report).not.toMatch(/- [^\n]*\\\[sic\\\]/);
  });

  it('files statuses: drafts, scheduled, and not private, protected or trashed posts', async () => {
    expect(await read(work, 'articles/2019/08/a-draft-in-progress.md')).toContain('draft: true');
    expect(await read(work, 'articles/2019/05/pending-review.md')).toContain('draft: true');
    const scheduled = await read(work, 'articles/2030/01/scheduled-later.md');
    expect(scheduled).toContain('date: 2030-01-01T03:00:00.000Z');
    expect(scheduled).not.toContain('draft');
    const report = await read(work, 'import-report.md');
    for (const line of [
      '- Private memo: private',
      '- Members only: password-protected',
      '- Thrown away: in the trash',
      '| posts published | 6 |',
      '| posts scheduled | 1 |',
      '| posts imported as drafts | 2 |',
      '| posts not imported | 3 |',
      '| comments (not imported) | 3 |',
      '- page: 1',
      '- nav\\_menu\\_item: 1',
    ])
      expect(report).toContain(line);
  });

  it("reads an unscheduled draft's local time in the site's zone, names an untitled post, and transliterates a Cyrillic slug", async () => {
    // Almaty was six hours ahead of UTC in 2019.
    expect(await read(work, 'articles/2019/08/a-draft-in-progress.md')).toContain(
      'date: 2019-08-01T03:00:00.000Z',
    );
    expect(await read(work, 'articles/2019/06/untitled-note.md')).toContain(
      'title: A post without a title still has words…',
    );
    expect(await read(work, 'import-report.md')).toContain('had no title');
    const russian = await page(out, '/articles/sammit-odkb/');
    expect(text(russian.querySelector('h1')!)).toBe('Саммит ОДКБ в Бишкеке');
    expect(await read(work, 'articles/2019/07/sammit-odkb.md')).toContain(
      '  - /2019/07/саммит-одкб/',
    );
  });

  it('writes the registries: authors who wrote, sections in WordPress order, tags with archive redirects', async () => {
    expect(await read(work, 'authors.yaml')).toBe(
      'authors:\n  - name: Jane Doe\n    slug: jdoe\n  - name: Alex Smith\n    slug: asmith\n',
    );
    const sections = await read(work, 'sections.yaml');
    expect([...sections.matchAll(/- name: (.+)/g)].map((m) => m[1])).toEqual([
      'Politics',
      'Economy',
      'Uncategorized',
    ]);
    expect(sections).toContain('    description: Power and policy.\n');
    expect(sections).toContain('      - /category/politics/\n');
    const tags = await read(work, 'tags.yaml');
    expect(tags).toContain('  CSTO:\n    redirectFrom:\n      - /tag/csto/\n');
    // Names as readers see them, in the registry and in the article alike; WordPress's slug kept.
    expect(tags).toContain(
      '  Arts & Culture:\n    slug: arts-culture\n    redirectFrom:\n      - /tag/arts-culture/\n',
    );
    expect(await read(work, 'articles/2019/06/every-element.md')).toContain(
      'tags: [Trade, Arts & Culture]',
    );
    expect(tags).toContain('  Security:\n    redirectFrom:\n      - /category/security/\n');
  });

  it('redirects the old addresses: permalinks, old slugs, category and tag archives', async () => {
    for (const [from, to] of [
      ['/2019/05/leaders-meet-astana/', '/articles/leaders-meet-astana/'],
      ['/2019/05/leaders-meet/', '/articles/leaders-meet-astana/'],
      ['/category/politics/', '/sections/politics/'],
      ['/tag/csto/', '/tags/csto/'],
      ['/p/101/', '/articles/leaders-meet-astana/'],
    ] as const) {
      expect(await pageSource(out, from)).toContain(`url=${to}`);
      expect(await readFile(join(out, '_redirects'), 'utf8')).toContain(`${from} ${to} 301`);
    }
    // `/?p=101` is the front page's address to a file host; hosts that match queries send it on.
    expect(await readFile(join(out, '_redirects'), 'utf8')).toMatch(/^\/ p=:id \/p\/:id\/ 301$/m);
  });

  it('shows sticky posts first on the front page, by the imported byline', async () => {
    const front = await page(out, '/');
    expect(text(front.querySelector('.lead-story h2, .lead-story h1')!)).toBe(
      'Leaders meet in Astana & talk “security”',
    );
    expect(importOutput).toMatch(
      /Imported 6 published, 1 scheduled and 2 draft posts; 3 not imported\./,
    );
  });

  it('re-running on the same export writes byte-identical files and reports them unchanged', async () => {
    const before = await treeDigest(work.content);
    const again = await runImport(work, '--uploads', work.uploads);
    expect(again.code).toBe(0);
    expect(await treeDigest(work.content)).toEqual(before);
    expect(again.stdout).toContain('0 files written');
  });

  it('keeps a file edited after the import, unless --force; a newer export adds and updates posts', async () => {
    const edited = join(work.content, 'articles/2019/06/every-element.md');
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nAn editor's note.\n`);
    const newer = newsroomExport([
      ...POSTS.map((post) =>
        post.id === 102
          ? { ...post, content: 'Rewritten body.' }
          : post.id === 111
            ? { ...post, content: 'Updated body.' }
            : post,
      ),
      { id: 120, title: 'A new story', slug: 'a-new-story', categories: [['economy', 'Economy']] },
    ]);
    await writeFile(work.exportFile, newer);
    const kept = await runImport(work, '--uploads', work.uploads);
    expect(kept.code).toBe(0);
    expect(await readFile(edited, 'utf8')).toContain("An editor's note.");
    expect(await read(work, 'import-report.md')).toContain('- articles/2019/06/every-element.md');
    expect(await read(work, 'articles/2019/09/very-long-title.md')).toContain('Updated body.');
    expect(await read(work, 'articles/2019/05/a-new-story.md')).toContain('title: A new story');
    const forced = await runImport(work, '--uploads', work.uploads, '--force');
    expect(forced.code).toBe(0);
    expect(await readFile(edited, 'utf8')).toContain('Rewritten body.');
  });
});

describe('importing without the uploads', () => {
  it('keeps the photos on the old site over https and adds its host to the allowed image hosts', async () => {
    const work = await workspace('wp-remote');
    const result = await runImport(work);
    expect(result.code, result.stderr).toBe(0);
    const source = await read(work, 'articles/2019/05/leaders-meet-astana.md');
    expect(source).toContain(
      'image: https://old.example.com/wp-content/uploads/2019/05/summit.jpg',
    );
    expect(await readFile(work.siteConfig, 'utf8')).toMatch(
      /imageHosts: \['upload\.wikimedia\.org', 'old\.example\.com'\]/,
    );
  });

  it('--dry-run reports and writes nothing', async () => {
    const work = await workspace('wp-dry');
    const before = await treeDigest(work.content);
    const result = await runImport(work, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(await treeDigest(work.content)).toEqual(before);
  });
});

describe('bad input: a clear error, a non-zero exit, and nothing written', () => {
  it.each([
    [
      'an HTML page',
      '<!DOCTYPE html><html><body>Not an export</body></html>',
      /not a WordPress export|not well-formed/,
    ],
    [
      'an RSS feed that is not WXR',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title></item></channel></rss>',
      /not a WordPress export/,
    ],
    ['a truncated export', newsroomExport().slice(0, 4000), /truncated|not well-formed/],
    [
      'an unknown WXR version',
      wxr({ version: '9.9', posts: [{ id: 1 }] }),
      /WXR version "9\.9" is not one Khabar reads/,
    ],
  ])('%s', async (_name, exportText, message) => {
    const work = await workspace('wp-bad', exportText);
    const before = await treeDigest(work.content);
    const result = await runImport(work, '--uploads', work.uploads);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Nothing was written.');
    expect(await treeDigest(work.content)).toEqual(before);
  });

  it('a missing --uploads folder', async () => {
    const work = await workspace('wp-no-uploads');
    const before = await treeDigest(work.content);
    const result = await runImport(work, '--uploads', join(work.dir, 'nowhere'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('no such folder');
    expect(await treeDigest(work.content)).toEqual(before);
  });
});

describe('exports as they come: posts alone, odd addresses, clashing names', () => {
  it('imports a posts-only export (no categories or tags declared) to content that passes the check', async () => {
    const upload = (path: string) => `https://old.example.com/wp-content/uploads/${path}`;
    const exportText = wxr({
      posts: [
        {
          id: 1,
          slug: 'alpha',
          title: 'Alpha',
          // The same file name in two upload folders.
          content: `<img src="${upload('2019/05/summit.jpg')}" alt="One"><img src="${upload('2020/01/summit.jpg')}" alt="Two">`,
          categories: [['news', 'News']],
          tags: [
            ['c', 'C'],
            ['c-sharp', 'C#'],
            ['c-plus-plus', 'C++'],
          ],
        },
        {
          id: 2,
          slug: 'beta',
          title: 'Beta',
          // Its old slug is another post's address now.
          meta: { _wp_old_slug: 'alpha' },
          link: 'https://old.example.com/2019/05/beta/',
          categories: [['news', 'News']],
        },
        {
          id: 3,
          slug: 'gamma',
          title: 'Gamma',
          link: 'https://old.example.com/%E0%A4%A/',
          categories: [['news', 'News']],
        },
      ],
      authors: [['jdoe', 'Jane Doe']],
    });
    const work = await workspace('wp-posts-only', exportText);
    await mkdir(join(work.uploads, '2020/01'), { recursive: true });
    await copyFile(PHOTO, join(work.uploads, '2020/01/summit.jpg'));
    const result = await runImport(work, '--uploads', work.uploads);
    expect(result.code, result.stderr).toBe(0);
    const check = await runScript('scripts/check.ts', ['--content', work.content], {
      SOURCE_DATE_EPOCH: NOW,
    });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(await read(work, 'sections.yaml')).toContain('- name: News\n    slug: news');
    const tags = await read(work, 'tags.yaml');
    expect(tags).toContain('C#:\n    slug: c-sharp');
    const alpha = await read(work, 'articles/2019/05/alpha.md');
    expect(alpha).toContain('![One](./alpha-summit.jpg)');
    expect(alpha).toMatch(/!\[Two\]\(\.\/alpha-summit-[0-9a-f]{8}\.jpg\)/);
    expect(await read(work, 'import-report.md')).toContain(
      "its old address /2019/05/alpha/ cannot redirect: it is another post's address",
    );
  });

  it('refuses a --content that is a file, and a site config it cannot edit, before writing anything', async () => {
    const work = await workspace('wp-bad-options');
    const before = await treeDigest(work.content);
    const asFile = await runScript('scripts/import-wordpress.ts', [
      work.exportFile,
      '--content',
      join(work.content, 'rates.json'),
    ]);
    expect(asFile.code).not.toBe(0);
    expect(asFile.stderr).toContain('not a folder');
    await writeFile(work.siteConfig, 'export const SITE = {};\n');
    const noHosts = await runImport(work);
    expect(noHosts.code).not.toBe(0);
    expect(noHosts.stderr).toContain('no `imageHosts: [...]`');
    expect(await treeDigest(work.content)).toEqual(before);
  });
});
