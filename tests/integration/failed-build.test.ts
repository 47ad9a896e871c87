import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW_EPOCH, newsroomFixture } from '../fixtures/newsroom.ts';
import { articleSource, runBuild, tempDir, treeDigest, writeFiles } from '../helpers/site.ts';

let work: string;
let content: string;
let out: string;
let cache: string;
let before: Record<string, string>;

const build = () => runBuild(content, out, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });

/** Builds the content again with the shared cache and once from nothing: the files in which the two differ. */
async function cleanBuildDiffers(): Promise<string[]> {
  const again = await build();
  if (again.code !== 0) throw new Error(again.stderr);
  const clean = join(work, `clean-${Date.now()}`);
  const fresh = await runBuild(content, clean, join(work, `clean-cache-${Date.now()}`), {
    SOURCE_DATE_EPOCH: NOW_EPOCH,
  });
  if (fresh.code !== 0) throw new Error(fresh.stderr);
  const [a, b] = [await treeDigest(out), await treeDigest(clean)];
  before = a;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]);
}

beforeAll(async () => {
  work = await tempDir('failed');
  content = join(work, 'content');
  out = join(work, 'dist');
  cache = join(work, 'cache');
  await writeFiles(content, newsroomFixture());
  const first = await build();
  if (first.code !== 0) throw new Error(first.stderr);
  before = await treeDigest(out);
});

describe('a build that fails', () => {
  it('in validation reports every problem (frontmatter and unsafe body markup) with file, line and field, exits non-zero and leaves dist/ as it was', async () => {
    await writeFiles(content, {
      'articles/bad-one.md':
        '---\ntitle: ""\ndate: 2026-01-01\ntgas: [x]\ntags: [x]\n---\n\nText\n',
      'articles/sub/bad-two.md': articleSource(
        { title: 'T', date: 'someday', tags: 'CSTO' },
        'Text\n\n<script>alert(1)</script>\n\n<img onerror="alert(2)" src="x.png"> [link](javascript:alert(3))',
      ),
    });
    const result = await build();
    await rm(join(content, 'articles/bad-one.md'));
    await rm(join(content, 'articles/sub'), { recursive: true });

    expect(result.code).not.toBe(0);
    const lines = result.stderr.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /articles\/bad-one\.md:2:8 title: expected a headline, got an empty string$/,
        ),
        expect.stringMatching(
          /articles\/bad-one\.md:4:1 tgas: unknown field; did you mean `tags`\?$/,
        ),
        expect.stringMatching(/articles\/sub\/bad-two\.md:3:7 date: expected a date as YYYY-MM-DD/),
        expect.stringMatching(/articles\/sub\/bad-two\.md:4:7 tags: expected a list of strings$/),
        expect.stringMatching(
          /articles\/sub\/bad-two\.md:9:1 body: <script> is not allowed in article bodies/,
        ),
        expect.stringMatching(
          /articles\/sub\/bad-two\.md:11:1 body: event handler attribute `onerror` is not allowed/,
        ),
        expect.stringMatching(
          /articles\/sub\/bad-two\.md:11:38 body: `href="javascript:alert\(3\)"` is not allowed/,
        ),
        expect.stringMatching(/articles\/sub\/bad-two\.md:11:1 body: image x\.png does not exist$/),
      ]),
    );
    expect(result.stderr).toMatch(/8 problems in the content; nothing was built/);
    expect(await treeDigest(out)).toEqual(before);
  });

  it('while rendering (an MDX image whose file is damaged) exits non-zero and leaves dist/ as it was', async () => {
    await writeFiles(content, {
      'articles/broken-render.mdx':
        '---\ntitle: Broken\ndate: 2025-03-03\ntags: [Alpha]\n---\n\n![A photo](./not-a-photo.png)\n',
      // A PNG's signature and nothing of a picture after it: the check's look at the first bytes
      // passes it, the image pipeline cannot read it.
      'articles/not-a-photo.png': Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from('but the rest is not a picture'),
      ]),
    });
    const result = await build();
    await rm(join(content, 'articles/broken-render.mdx'));
    await rm(join(content, 'articles/not-a-photo.png'));

    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/The build failed: /);
    expect(await treeDigest(out)).toEqual(before);
    // The failed build's own folder goes; the next build is as good as a clean one.
    await expect
      .poll(async () => (await readdir(`${out}.versions`)).length, { timeout: 30_000 })
      .toBe(1);
    expect(await cleanBuildDiffers()).toEqual([]);
  });

  it('with a search shard size that is not a positive whole number says so before building', async () => {
    const result = await runBuild(content, out, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH }, [
      '--search-shard-size',
      '0',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      '--search-shard-size must be a whole number of articles above 0, not 0',
    );
    expect(await treeDigest(out)).toEqual(before);
  });

  it('with a missing rates file names the file', async () => {
    await rm(join(content, 'rates.json'));
    const result = await build();
    await writeFiles(content, { 'rates.json': newsroomFixture()['rates.json']! });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/rates\.json missing: the ticker needs this file/);
    expect(await treeDigest(out)).toEqual(before);
  });
});
