import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW_EPOCH, newsroomFixture } from '../fixtures/newsroom.ts';
import {
  articleSource,
  listFiles,
  articleApiFile,
  page,
  pageSource,
  runBuild,
  runScript,
  tempDir,
  text,
  treeDigest,
  writeFiles,
} from '../helpers/site.ts';

// Content written as an attacker would: each file tries to run code on the build machine, write
// outside the output, or reach a reader's browser. Markers are files the payload would create.
const LF_ARTICLE =
  '---\ntitle: Line endings\ndate: 2025-03-20\ntags: [Windows]\n---\n\nA paragraph.\n\nAnother one.\n';

describe('content from untrusted hands', () => {
  let work: string;
  let content: string;
  let out: string;
  let cache: string;
  let marker: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    work = await tempDir('untrusted');
    content = join(work, 'content');
    out = join(work, 'dist');
    cache = join(work, 'cache');
    marker = join(work, 'pwned');
    await writeFiles(content, {
      ...newsroomFixture(),
      // Windows authors: BOM and CRLF build exactly as their LF twin.
      'articles/crlf-twin.md': `\uFEFF${LF_ARTICLE.replaceAll('\n', '\r\n')}`,
      'articles/lf-twin.md': LF_ARTICLE,
      // A date-time without an offset is read in the site's time zone (Asia/Almaty, UTC+5).
      'articles/local-time.md': articleSource(
        { title: 'Local time', date: '2025-03-27T09:30:00', tags: ['Time'] },
        'Filed in the morning.',
      ),
      // Any script: a CJK file name and tags in scripts no Cyrillic table covers.
      'articles/东京报道.md': articleSource(
        { title: 'Tokyo report', date: '2025-04-01', tags: ['東京', 'עברית', 'ภาษาไทย'] },
        'From the region.',
      ),
      // A body whose first line is indented is a code block, to the check and the renderer alike.
      'articles/indented.md':
        '---\ntitle: Indented\ndate: 2025-04-02\ntags: [Code]\n---\n    <b>shown as code</b>\n\nText after.\n',
      'articles/embed.md': articleSource(
        { title: 'Embedded video', date: '2025-04-03', tags: ['Video'] },
        'Watch:\n\n<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Interview"></iframe>\n\n<!-- editor: check the clip -->',
      ),
      'articles/odd-title.md': articleSource(
        { title: 'Quotes " & <angles> ]]> and \u2028 separators', date: '2025-05-01', tags: ['x'] },
        'Body & more <b>bold</b>.',
      ),
      'articles/thematic-break.md':
        '---\ntitle: Starts with a rule\ndate: 2025-04-04\ntags: [Layout]\n---\n---\nFirst paragraph after a rule.\n\n---\n\nSecond.\n',
    });
    const first = await runBuild(content, out, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });
    if (first.code !== 0) throw new Error(first.stderr);
    before = await treeDigest(out);
  });

  it('builds a BOM and CRLF file exactly as its LF twin', async () => {
    // The article itself; the related stories around it differ, since each twin relates to the other.
    const articleOf = async (path: string) =>
      (await page(out, path)).querySelector('article')?.toString();
    const [crlf, lf] = await Promise.all([
      articleOf('/articles/crlf-twin/'),
      articleOf('/articles/lf-twin/'),
    ]);
    expect(crlf).toBeDefined();
    expect(crlf).toBe(lf);
  });

  it('reads a date-time without an offset in the site time zone, on the page and in the API', async () => {
    const doc = await page(out, '/articles/local-time/');
    expect(doc.querySelector('article time')?.getAttribute('datetime')).toBe(
      '2025-03-27T04:30:00.000Z',
    );
    // Filed under its month in the site's time zone.
    expect(await articleApiFile(out, 'local-time')).toBe('api/articles/2025/03/local-time.json');
    const api = JSON.parse(
      await readFile(join(out, 'api/articles/2025/03/local-time.json'), 'utf8'),
    ) as {
      date: string;
    };
    expect(api.date).toBe('2025-03-27T04:30:00.000Z');
  });

  it('gives a CJK file name and CJK, Hebrew and Thai tags readable slugs', async () => {
    const doc = await page(out, '/articles/dong-jing-bao-dao/');
    expect(text(doc.querySelector('h1'))).toBe('Tokyo report');
    for (const slug of ['dong-jing', 'vryt', 'phasaaithy'])
      expect(existsSync(join(out, 'tags', slug, 'index.html'))).toBe(true);
  });

  it('renders an indented first line as code, never as markup', async () => {
    const source = await pageSource(out, '/articles/indented/');
    expect(source).toContain('<pre><code>&#x3C;b>shown as code&#x3C;/b>');
    expect(source).not.toContain('<b>shown as code</b>');
  });

  it('sandboxes an embed from an allowed host and allows that host in the page policy', async () => {
    const source = await pageSource(out, '/articles/embed/');
    expect(source).toMatch(
      /<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/abc" title="Interview" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" loading="lazy"/,
    );
    expect(source).toMatch(/frame-src 'self' https:\/\/www\.youtube-nocookie\.com/);
  });

  it('keeps the feed well-formed XML whatever a title holds', async () => {
    const feed = await readFile(join(out, 'rss.xml'), 'utf8');
    expect(() => SyntaxValidator.validate(feed)).not.toThrow();
    expect(feed).toContain('odd-title');
  });

  it('keeps a body that opens with a thematic break whole', async () => {
    const body = text(
      (await page(out, '/articles/thematic-break/')).querySelector('.article-body'),
    );
    expect(body).toContain('First paragraph after a rule.');
    expect(body).toContain('Second.');
  });

  it('refuses every attack at once, naming file and line, runs none of them and leaves the site as it was', async () => {
    const outside = join(work, 'outside');
    await writeFiles(outside, {
      'leak.md': articleSource({ title: 'Leak', date: '2025-01-01', tags: ['x'] }, 'Secret.'),
    });
    // A real PNG (1×1), outside the content folder.
    await writeFile(
      join(outside, 'photo.png'),
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    await mkdir(join(content, 'articles/linked'), { recursive: true });
    await symlink(outside, join(content, 'articles/linked/outside'));
    await writeFiles(content, {
      'articles/attack/js-frontmatter.md': `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'T'), date: '2025-01-01', tags: ['x'] }\n---\n\nBody.\n`,
      'articles/attack/mdx-import.mdx': `---\ntitle: MDX\ndate: 2025-01-01\ntags: [x]\n---\n\nimport { writeFileSync } from 'node:fs';\n\n{writeFileSync(${JSON.stringify(marker)}, 'x')}\n\nText {process.env.HOME}\n`,
      'articles/attack/traversal.md': articleSource(
        {
          title: 'Traversal',
          date: '2025-01-01',
          tags: ['x'],
          redirectFrom: ['/../../../escaped.html', '/x/../api/y.json', '/%2e%2e/z.html'],
        },
        'Text.',
      ),
      'articles/attack/control.md': `---\ntitle: "Bell \\a in the title"\ndate: 2025-01-01\ntags: [x]\n---\n\nText with a \u0001 control character.\n`,
      'articles/attack/empty.md': '---\ntitle: Nothing here\ndate: 2025-01-01\ntags: [x]\n---\n',
      'articles/attack/deep.md': `---\ntitle: Deep\ndate: 2025-01-01\ntags: [x]\n---\n\n${'>'.repeat(3000)} deep\n`,
      'articles/attack/image.svg':
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
      'articles/attack/helper.js': `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'x');\nexport default { src: '/x.png', width: 1, height: 1, format: 'png' };\n`,
      'articles/attack/image-import.mdx':
        '---\ntitle: Chart\ndate: 2025-01-01\ntags: [x]\n---\n\n![chart](./helper.js)\n',
      'articles/attack/host-files.md': articleSource(
        {
          title: 'Host files',
          date: '2025-01-01',
          tags: ['x'],
          redirectFrom: ['/.htaccess', '/old/:splat'],
        },
        'Text.',
      ),
      'articles/attack/taken-files.md': articleSource(
        {
          title: 'Taken files',
          date: '2025-01-01',
          tags: ['x'],
          redirectFrom: ['/_worker.js', '/favicon.svg'],
        },
        'Text.',
      ),
      'articles/attack/outside-image.mdx':
        '---\ntitle: Outside\ndate: 2025-01-01\ntags: [x]\n---\n\n![pic](../../../outside/photo.png)\n',
      'articles/attack/fake-image.mdx':
        '---\ntitle: Fake\ndate: 2025-01-01\ntags: [x]\n---\n\n![pic](./fake.png)\n',
      'articles/attack/fake.png': 'plain text, not a picture',
      'articles/attack/lead-image.md': articleSource(
        {
          title: 'Lead',
          date: '2025-01-01',
          tags: ['x'],
          image: 'javascript:alert(1)//.png',
          imageAlt: 'x',
        },
        'Text.',
      ),
      'articles/attack/bad-escape.md': articleSource(
        { title: 'Escape', date: '2025-01-01', tags: ['x'], image: '/%zz.png', imageAlt: 'x' },
        'Text.',
      ),
      'articles/attack/folder-over-file.md': articleSource(
        { title: 'Folder', date: '2025-01-01', tags: ['x'], redirectFrom: ['/rss.xml/'] },
        'Text.',
      ),
      'articles/attack/later.md': articleSource(
        { title: 'Later', date: '2025-01-01', tgas: ['x'] },
        'Text.',
      ),
    });
    const result = await runBuild(content, out, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });
    expect(result.code).not.toBe(0);
    const expected = [
      /attack\/js-frontmatter\.md:1:1 frontmatter must be YAML/,
      /attack\/mdx-import\.mdx:7:1 body: `import` and `export` are not allowed/,
      /attack\/mdx-import\.mdx:9:1 body: `\{…\}` expressions are not allowed/,
      /attack\/traversal\.md:\d+:\d+ redirectFrom\[0\]: the path may not contain `\.` or `\.\.` segments/,
      /attack\/traversal\.md:\d+:\d+ redirectFrom\[1\]: the path may not contain `\.` or `\.\.` segments/,
      /attack\/traversal\.md:\d+:\d+ redirectFrom\[2\]: the path may not contain `\.` or `\.\.` segments/,
      /attack\/control\.md:2:\d+ title: character U\+0007 is not allowed/,
      /attack\/control\.md:7:13 character U\+0001 is not allowed/,
      /attack\/empty\.md:6 body: a published article needs a body/,
      /attack\/deep\.md:6 body: the body nests 3002 levels deep/,
      /attack\/image\.svg:1:\d+ <script> is not allowed in an SVG/,
      /attack\/later\.md:\d+:1 tgas: unknown field; did you mean `tags`\?/,
      /attack\/image-import\.mdx:7:1 body: image `\.\/helper\.js` is not an image file/,
      /attack\/host-files\.md:\d+:\d+ redirectFrom\[0\]: the path may not contain a segment starting with `\.`/,
      /attack\/host-files\.md:\d+:\d+ redirectFrom\[1\]: the path may not contain `:` or `\*`/,
      /attack\/taken-files\.md:\d+:\d+ redirectFrom\[0\]: redirect from \/_worker\.js is a path the build writes itself/,
      /attack\/taken-files\.md:\d+:\d+ redirectFrom\[1\]: redirect from \/favicon\.svg collides with a live page/,
      /linked\/outside symbolic link leads outside the content folder/,
      /attack\/outside-image\.mdx:7:1 body: image \.\.\/\.\.\/\.\.\/outside\/photo\.png lies outside the articles folder/,
      /attack\/fake-image\.mdx:7:1 body: image \.\/fake\.png is not a PNG image/,
      /attack\/lead-image\.md:\d+:\d+ image: expected a photo beside the article/,
      /attack\/bad-escape\.md:\d+:\d+ image: \/%zz\.png is not a valid address/,
      /attack\/folder-over-file\.md:\d+:\d+ redirectFrom\[0\]: redirect from \/rss\.xml\/ needs a folder \/rss\.xml\//,
    ];
    for (const pattern of expected) expect(result.stderr, result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(work, 'escaped.html'))).toBe(false);
    expect(await treeDigest(out)).toEqual(before);
    expect((await listFiles(out)).some((file) => file.includes('leak'))).toBe(false);
  });

  it('refuses to build into the content folder, the project or .git, touching nothing', async () => {
    for (const target of [content, join(content, 'articles'), work]) {
      const result = await runBuild(content, target, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/refusing to build there/);
    }
    expect(existsSync(join(content, 'articles/lf-twin.md'))).toBe(true);
  });

  it('runs no frontmatter code in npm run check either', async () => {
    const result = await runScript('scripts/check.ts', ['--content', content], {
      SOURCE_DATE_EPOCH: NOW_EPOCH,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/js-frontmatter\.md:1:1 frontmatter must be YAML/);
    expect(existsSync(marker)).toBe(false);
  });
});
