import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, tempDir } from '../helpers/site.ts';

describe('npm run bench', () => {
  it('builds a generated 500-article corpus, rebuilds after one edit and reports the figures', async () => {
    const out = await tempDir('bench');
    const result = await runScript('scripts/bench.ts', [
      '--articles',
      '500',
      '--seed',
      '7',
      '--out-dir',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);

    const report = JSON.parse(await readFile(join(out, 'bench-500.json'), 'utf8'));
    expect(report.articles).toBe(500);
    for (const build of [report.clean, report.rebuild]) {
      // Articles, listings of 6, archives, tags: more pages than articles, each counted.
      expect(build.pages).toBeGreaterThan(500);
      expect(build.files).toBeGreaterThan(build.pages);
      expect(build.wallSeconds).toBeGreaterThan(0);
      expect(build.cpuSeconds).toBeGreaterThan(0);
      expect(build.peakRssMiB).toBeGreaterThan(50);
      // Pagefind runs after Astro, in a child process: the tree's peak includes the build's.
      expect(build.treePeakRssMiB).toBeGreaterThan(0);
      expect(build.buildSeconds).toBeLessThan(build.wallSeconds);
      expect(build.stages.searchIndex).toBeGreaterThan(0);
      expect(build.searchIndexMiB).toBeGreaterThan(0);
      expect(build.stages.rendering).toBeGreaterThan(0);
    }
    expect(report.rebuild.pages).toBe(report.clean.pages);
    expect(report.rebuildIdenticalToClean).toBe(true);

    const table = await readFile(join(out, 'bench-500.md'), 'utf8');
    expect(table).toMatch(/^\| clean \| [\d.]+ \| [\d.]+ \| \d+ \| \d+ \|/m);
    expect(table).toMatch(/^\| one article edited \|/m);
    expect(result.stdout).toContain(table.trim());
  });

  it('is deterministic: one seed, one corpus', async () => {
    const { generateArticles } = await import('../../scripts/lib/corpus.ts');
    const options = { articles: 20, seed: 3, newest: new Date(Date.UTC(2026, 0, 1)) };
    expect(generateArticles(options)).toEqual(generateArticles(options));
    expect(generateArticles({ ...options, seed: 4 })).not.toEqual(generateArticles(options));
    const sample = generateArticles(options)[0]!;
    expect(sample.source).toMatch(
      /^---\ntitle: ".+"\ndate: \d{4}-\d\d-\d\d\ntags: \[.+\]\nauthors: \[".+"\]\nsection: \w+\nimage: \.\/story-000001\.jpg\n/,
    );
    expect(sample.source).toMatch(/^## /m);
    // A photo on one article in three.
    expect(generateArticles(options).filter((article) => article.photo)).toHaveLength(7);
  });
});
