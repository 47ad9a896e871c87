import { readFile, rm, writeFile } from 'node:fs/promises';
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
  it('after edits to an article, the rates, the tag registry and the day, rebuilds exactly what a clean build gives', async () => {
    const work = await tempDir('incremental');
    const content = join(work, 'content');
    const cache = join(work, 'cache');
    await writeFiles(content, newsroomFixture());
    const first = await runBuild(content, join(work, 'dist'), cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });
    expect(first.code, first.stderr).toBe(0);
    const before = await treeDigest(join(work, 'dist'));

    // Each change reaches pages the changed file is not part of: listings, every masthead, tag pages.
    const article = join(content, 'articles/alpha/alpha-03.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('Alpha story number 3', 'Alpha story number three'));
    const rates = JSON.parse(await readFile(join(content, 'rates.json'), 'utf8'));
    await writeFile(join(content, 'rates.json'), JSON.stringify({ ...rates, asOf: '2026-02-12' }));
    await writeFile(join(content, 'tags.yaml'), 'tags:\n  Zeta:\n    description: Stories about the letter zeta.\n');
    await rm(join(content, 'articles/a/b/c/nested-story.md'));

    const rebuilt = await runBuild(content, join(work, 'dist'), cache, { SOURCE_DATE_EPOCH: NEXT_DAY });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const clean = await runBuild(content, join(work, 'clean'), join(work, 'clean-cache'), { SOURCE_DATE_EPOCH: NEXT_DAY });
    expect(clean.code, clean.stderr).toBe(0);

    const after = await treeDigest(join(work, 'dist'));
    expect(differing(after, await treeDigest(join(work, 'clean')))).toEqual([]);
    // The rebuild did carry the edits, and the next day published the piece scheduled for it.
    expect(after['articles/nested-story/index.html']).toBeUndefined();
    expect(differing(before, after)).toContain('tags/alpha/index.html');
    expect(text((await page(join(work, 'dist'), '/tags/zeta/')).querySelector('.tag-description'))).toBe('Stories about the letter zeta.');
    expect(text((await page(join(work, 'dist'), '/tags/alpha/3/')).querySelector('main'))).toContain('Alpha story number three');
    expect(after['articles/future-piece/index.html']).toBeDefined();
    expect(text((await page(join(work, 'dist'), '/articles/alpha-01/')).querySelector('.today'))).toBe('13 February 2026');
  });
});
