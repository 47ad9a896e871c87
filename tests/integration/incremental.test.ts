import { readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW_EPOCH, newsroomFixture, newsroomPhotos } from '../fixtures/newsroom.ts';
import {
  page,
  runBuild,
  shownPage,
  tempDir,
  text,
  treeDigest,
  writeFiles,
} from '../helpers/site.ts';

const NEXT_DAY = String(Number(NOW_EPOCH) + 86_400);

/** Files whose content differs between two built trees, and files only one of them has. */
function differing(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((file) => a[file] !== b[file])
    .sort();
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
      return result;
    };
    const fixture = newsroomFixture({ model: true });
    const rates = JSON.parse(fixture['rates.json']!);
    await writeFiles(content, {
      ...fixture,
      ...(await newsroomPhotos()),
      'rates.json': JSON.stringify({ ...rates, asOf: '2026-02-11' }),
    });
    await rebuild(NOW_EPOCH);
    // Astro's image cache in the cache folder: an unchanged photo is never processed again.
    const processed = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(join(cache, 'assets'))).map(
            async (name) => [name, (await stat(join(cache, 'assets', name))).mtimeMs] as const,
          ),
        ),
      );
    const processedFirst = await processed();
    expect(Object.keys(processedFirst).length).toBeGreaterThan(0);

    // A body file replaced by another article's (both valid) is made again, never published.
    const bodies = join(cache, 'khabar-bodies');
    const bodyOf = async (slug: string) =>
      join(
        bodies,
        (await readdir(bodies)).find(
          (name) => name.startsWith(`${slug}.`) && name.endsWith('.json'),
        )!,
      );
    await writeFile(await bodyOf('alpha-02'), await readFile(await bodyOf('alpha-01')));

    // New rates reach every page's ticker, and change only the files that hold them: the day's
    // documents every page shows in a frame, and the rates' JSON.
    const beforeRates = await treeDigest(dist);
    await writeFile(join(content, 'rates.json'), JSON.stringify({ ...rates, asOf: '2026-02-12' }));
    await rebuild(NOW_EPOCH);
    expect(await processed()).toEqual(processedFirst);
    expect(
      text((await page(dist, '/articles/alpha-02/')).querySelector('.article-body')),
    ).toContain('Alpha body 2 ');
    for (const path of ['/articles/alpha-01/', '/tags/alpha/2/', '/archive/2025/']) {
      expect(text((await shownPage(dist, path)).querySelector('.ticker-asof time')), path).toBe(
        '12 February 2026',
      );
    }
    expect(differing(beforeRates, await treeDigest(dist))).toEqual([
      'api/rates.json',
      'ru/api/rates.json',
      'ru/today/index.html',
      'today/index.html',
    ]);

    await writeFile(
      join(content, 'tags.yaml'),
      'tags:\n  Zeta:\n    description: Stories about the letter zeta.\n',
    );
    await rebuild(NOW_EPOCH);
    expect(text((await page(dist, '/tags/zeta/')).querySelector('.tag-description'))).toBe(
      'Stories about the letter zeta.',
    );

    // A photo replaced under the same name reaches its article and every listing showing it.
    const leadSrc = async (path: string) =>
      (await page(dist, path))
        .querySelector('.lead-image img, .thumbnail img')
        ?.getAttribute('src');
    const before = [await leadSrc('/articles/alpha-01/'), await leadSrc('/tags/alpha/2/')];
    await writeFile(
      join(content, 'articles/alpha/alpha-photo.jpg'),
      (await newsroomPhotos())['people/desk.jpg']!,
    );
    // A section's new description reaches its page.
    await writeFile(
      join(content, 'sections.yaml'),
      (await readFile(join(content, 'sections.yaml'), 'utf8')).replace(
        'Power and policy across the region.',
        'Who governs, and how.',
      ),
    );
    await rebuild(NOW_EPOCH);
    const after = [await leadSrc('/articles/alpha-01/'), await leadSrc('/tags/alpha/2/')];
    expect(after[0]).toBeDefined();
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(text((await page(dist, '/sections/politics/')).querySelector('.tag-description'))).toBe(
      'Who governs, and how.',
    );

    const article = join(content, 'articles/alpha/alpha-03.md');
    await writeFile(
      article,
      (await readFile(article, 'utf8')).replace('Alpha story number 3', 'Alpha story number three'),
    );
    await rm(join(content, 'articles/a/b/c/nested-story.md'));
    await rebuild(NOW_EPOCH);
    expect(text((await page(dist, '/tags/alpha/2/')).querySelector('main'))).toContain(
      'Alpha story number three',
    );
    expect(text((await page(dist, '/tags/deep/')).querySelector('main'))).not.toContain(
      'Nested story',
    );

    // The next day: a new masthead date everywhere, and the piece scheduled for it is published.
    const beforeDay = await treeDigest(dist);
    const nextDay = await rebuild(NEXT_DAY);
    expect(text((await shownPage(dist, '/articles/alpha-01/')).querySelector('.today'))).toBe(
      '13 February 2026',
    );
    // Of the article pages, only the new story's and those that now relate it changed.
    const afterDay = await treeDigest(dist);
    const articlePages = Object.keys(afterDay).filter((file) =>
      /^articles\/[^/]+\/index\.html$/.test(file),
    );
    const relating: string[] = [];
    for (const file of articlePages) {
      const related = (await page(dist, `/${file.replace('index.html', '')}`)).querySelector(
        '.related a[href="/articles/future-piece/"]',
      );
      if (related) relating.push(file);
    }
    expect(articlePages.filter((file) => beforeDay[file] !== afterDay[file]).sort()).toEqual(
      ['articles/future-piece/index.html', ...relating].sort(),
    );
    // The build says as much: the files that differ from the previous build's.
    const changedOrNew = Object.keys(afterDay).filter((file) => beforeDay[file] !== afterDay[file]);
    const pages = Object.keys(afterDay).filter((file) => file.endsWith('.html'));
    expect(nextDay.stdout).toContain(
      `${changedOrNew.filter((file) => file.endsWith('.html')).length} of ${pages.length} pages and ${changedOrNew.length} of ${Object.keys(afterDay).length} files changed or new`,
    );
    const clean = await runBuild(content, join(work, 'clean'), join(work, 'clean-cache'), {
      SOURCE_DATE_EPOCH: NEXT_DAY,
    });
    expect(clean.code, clean.stderr).toBe(0);
    const rebuilt = await treeDigest(dist);
    expect(rebuilt['articles/future-piece/index.html']).toBeDefined();
    expect(rebuilt['articles/nested-story/index.html']).toBeUndefined();
    expect(differing(rebuilt, await treeDigest(join(work, 'clean')))).toEqual([]);

    // A search bundle damaged in the cache is made again, never copied into the site as it is.
    const kept = join(cache, 'khabar-search', 'en');
    const bundle = (await readdir(kept)).find((name) => !name.endsWith('.json'))!;
    await rm(join(kept, bundle, 'pagefind-entry.json'));
    const repaired = await rebuild(NEXT_DAY);
    expect(repaired.stdout).toMatch(/shards? \(1 indexed\)/);
    const { shards } = JSON.parse(await readFile(join(dist, 'pagefind/shards.json'), 'utf8')) as {
      shards: string[];
    };
    for (const shard of shards)
      expect((await stat(join(dist, shard, 'pagefind-entry.json'))).isFile(), shard).toBe(true);
    expect(await treeDigest(dist)).toEqual(rebuilt);
  });

  it('publishes each build as a version of its own, swapped in whole, and a failed rebuild leaves the live site as it was', async () => {
    const work = await tempDir('versions');
    const content = join(work, 'content');
    const cache = join(work, 'cache');
    const dist = join(work, 'dist');
    const build = () => runBuild(content, dist, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });
    const fixture = newsroomFixture();
    await writeFiles(content, fixture);
    expect((await build()).code).toBe(0);
    const first = await readlink(dist);
    const firstSite = await treeDigest(dist);

    // What builds that were killed left behind: a version folder of a process that is gone.
    await writeFiles(join(work, 'dist.versions', 'zz-999999'), { 'index.html': 'half a site' });
    const article = join(content, 'articles/alpha/alpha-03.md');
    await writeFile(
      article,
      (await readFile(article, 'utf8')).replace('Alpha story number 3', 'Alpha story number three'),
    );
    expect((await build()).code).toBe(0);
    // A new folder is live; the one it replaced goes, with the leftovers, in the background.
    expect(await readlink(dist)).not.toBe(first);
    expect(await readFile(join(dist, 'articles/alpha-03/index.html'), 'utf8')).toContain(
      'Alpha story number three',
    );
    expect(differing(await treeDigest(dist), firstSite)).toContain('articles/alpha-03/index.html');
    await expect
      .poll(async () => (await readdir(join(work, 'dist.versions'))).length, { timeout: 30_000 })
      .toBe(1);
    const live = await treeDigest(dist);

    // New rates change every page, so Astro renders pages again before the damaged image
    // stops it.
    const rates = JSON.parse(fixture['rates.json']!);
    await writeFiles(content, {
      'rates.json': JSON.stringify({ ...rates, asOf: '2026-02-11' }),
      'articles/zz-broken.mdx':
        '---\ntitle: Broken\ndate: 2025-03-03\ntags: [Alpha]\nsection: Economy\n---\n\n![A photo](./not-a-photo.png)\n',
      // A PNG's signature and nothing of a picture after it: the check's look at the first bytes
      // passes it, the image pipeline cannot read it.
      'articles/not-a-photo.png': Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from('but the rest is not a picture'),
      ]),
    });
    const failed = await build();
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/The build failed/);
    expect(differing(await treeDigest(dist), live)).toEqual([]);
  });
});
