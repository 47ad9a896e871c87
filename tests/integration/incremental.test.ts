import { lstat, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW_EPOCH, newsroomFixture } from '../fixtures/newsroom.ts';
import { page, runBuild, tempDir, text, treeDigest, writeFiles } from '../helpers/site.ts';

const NEXT_DAY = String(Number(NOW_EPOCH) + 86_400);

/** Files whose content differs between two built trees, and files only one of them has. */
function differing(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]).sort();
}

describe('incremental rebuild (experimental.incrementalBuild with cache keys)', () => {
  it('carries each kind of change to every page that shows it, and ends where a clean build does', async () => {
    const work = await tempDir('incremental');
    const content = join(work, 'content');
    const cache = join(work, 'cache');
    const dist = join(work, 'dist');
    const rebuild = async (now: string) => {
      const result = await runBuild(content, dist, cache, { SOURCE_DATE_EPOCH: now });
      expect(result.code, result.stderr).toBe(0);
    };
    const fixture = newsroomFixture();
    const rates = JSON.parse(fixture['rates.json']!);
    await writeFiles(content, { ...fixture, 'rates.json': JSON.stringify({ ...rates, asOf: '2026-02-11' }) });
    await rebuild(NOW_EPOCH);

    // Each change reaches pages whose own article did not change: every ticker, tag pages, listings.
    await writeFile(join(content, 'rates.json'), JSON.stringify({ ...rates, asOf: '2026-02-12' }));
    await rebuild(NOW_EPOCH);
    for (const path of ['/articles/alpha-01/', '/tags/alpha/2/', '/archive/2025/']) {
      expect(text((await page(dist, path)).querySelector('.ticker-asof time')), path).toBe('12 February 2026');
    }

    await writeFile(join(content, 'tags.yaml'), 'tags:\n  Zeta:\n    description: Stories about the letter zeta.\n');
    await rebuild(NOW_EPOCH);
    expect(text((await page(dist, '/tags/zeta/')).querySelector('.tag-description'))).toBe('Stories about the letter zeta.');

    const article = join(content, 'articles/alpha/alpha-03.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('Alpha story number 3', 'Alpha story number three'));
    await rm(join(content, 'articles/a/b/c/nested-story.md'));
    await rebuild(NOW_EPOCH);
    expect(text((await page(dist, '/tags/alpha/2/')).querySelector('main'))).toContain('Alpha story number three');
    expect(text((await page(dist, '/tags/deep/')).querySelector('main'))).not.toContain('Nested story');

    // The next day: a new masthead date everywhere, and the piece scheduled for it is published.
    await rebuild(NEXT_DAY);
    expect(text((await page(dist, '/articles/alpha-01/')).querySelector('.today'))).toBe('13 February 2026');
    const clean = await runBuild(content, join(work, 'clean'), join(work, 'clean-cache'), { SOURCE_DATE_EPOCH: NEXT_DAY });
    expect(clean.code, clean.stderr).toBe(0);
    const rebuilt = await treeDigest(dist);
    expect(rebuilt['articles/future-piece/index.html']).toBeDefined();
    expect(rebuilt['articles/nested-story/index.html']).toBeUndefined();
    expect(differing(rebuilt, await treeDigest(join(work, 'clean')))).toEqual([]);
  });

  it('restores unchanged pages as links to the live site, and a failed rebuild that rendered pages again leaves the live site as it was', async () => {
    const work = await tempDir('links');
    const content = join(work, 'content');
    const cache = join(work, 'cache');
    const dist = join(work, 'dist');
    const build = () => runBuild(content, dist, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });
    const inode = async (path: string) => (await stat(join(dist, path))).ino;
    const fixture = newsroomFixture();
    await writeFiles(content, fixture);
    expect((await build()).code).toBe(0);
    // Astro's page cache is the live site itself: it keeps no copies of its own.
    expect((await lstat(join(cache, 'dist'))).isSymbolicLink()).toBe(true);

    // A previous output an interrupted build never finished removing.
    await writeFiles(join(work, 'dist.old-999'), { 'index.html': 'old' });
    const unchanged = 'articles/alpha-01/index.html';
    const edited = 'articles/alpha-03/index.html';
    const before = { unchanged: await inode(unchanged), edited: await inode(edited) };
    const article = join(content, 'articles/alpha/alpha-03.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('Alpha story number 3', 'Alpha story number three'));
    expect((await build()).code).toBe(0);
    // The unchanged page is the previous site's file, linked; the edited one was written anew.
    expect(await inode(unchanged)).toBe(before.unchanged);
    expect(await inode(edited)).not.toBe(before.edited);
    expect(await readFile(join(dist, edited), 'utf8')).toContain('Alpha story number three');
    // Previous outputs are removed after the build, in the background.
    await expect.poll(async () => (await readdir(work)).filter((name) => name.startsWith('dist.old-')), { timeout: 15_000 }).toEqual([]);
    const live = await treeDigest(dist);

    // New rates change every page, so Astro renders them all again before the broken article
    // stops it.
    const rates = JSON.parse(fixture['rates.json']!);
    await writeFiles(content, {
      'rates.json': JSON.stringify({ ...rates, asOf: '2026-02-11' }),
      'articles/zz-broken.mdx': '---\ntitle: Broken\ndate: 2025-03-03\ntags: [Alpha]\n---\n\n<NoSuchComponent />\n',
    });
    const failed = await build();
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/NoSuchComponent/);
    expect(differing(await treeDigest(dist), live)).toEqual([]);
  });
});
