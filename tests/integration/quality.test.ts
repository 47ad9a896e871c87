import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenReferences, pageWeight } from '../helpers/dist-audit.ts';
import { listFiles, tempDir, writeFiles } from '../helpers/site.ts';
import { newsroomSite } from '../shared-site.ts';
import { NU_SKIP_REASON, nuErrors } from '../helpers/nu-checker.ts';

let out: string;

beforeAll(async () => {
  ({ out } = await newsroomSite());
});

describe('quality gates over a fixture build', () => {
  it('html-validate (recommended preset) finds no error on any built page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const pages = (await listFiles(out)).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await readFile(join(out, file), 'utf8'), file);
      for (const result of report.results)
        for (const message of result.messages)
          errors.push(
            `${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
          );
    }
    expect(errors).toEqual([]);
  });

  // One page of each type: the checker starts a Java VM, so not every page.
  it.skipIf(NU_SKIP_REASON !== undefined)(
    `the W3C Nu Html Checker reports no error on any page type${NU_SKIP_REASON ? ` (skipped: ${NU_SKIP_REASON})` : ''}`,
    async () => {
      const pages = [
        'index.html',
        'latest/index.html',
        'latest/2/index.html',
        'articles/alpha-01/index.html',
        'articles/alpha-02/index.html',
        'articles/mdx-piece/index.html',
        'articles/hostile/index.html',
        'tags/index.html',
        'tags/alpha/index.html',
        'sections/index.html',
        'sections/politics/index.html',
        'sections/empty/index.html',
        'authors/index.html',
        'authors/fixture-desk/index.html',
        'archive/index.html',
        'archive/2025/index.html',
        'archive/2025/01/index.html',
        'search/index.html',
        '404.html',
        'page/2/index.html',
      ];
      expect(await nuErrors(pages.map((file) => join(out, file)))).toEqual([]);
    },
    120_000,
  );

  it('every internal link and asset reference resolves', async () => {
    expect(await brokenReferences(out)).toEqual([]);
  });

  it('the link check finds a broken link, a missing asset and a missing fragment target', async () => {
    // On a copy: the build is shared with other suites.
    const copy = join(await tempDir('quality-copy'), 'site');
    await cp(out, copy, { recursive: true, dereference: true });
    await writeFiles(copy, {
      'about-broken/index.html':
        '<!doctype html><a href="/articles/nowhere/">x</a><img src="../missing.png" alt=""><a href="/tags/#no-such-id">y</a><a href="https://elsewhere.example/">z</a>',
    });
    const broken = await brokenReferences(copy);
    expect(broken).toEqual([
      { from: 'about-broken/index.html', url: '/articles/nowhere/' },
      { from: 'about-broken/index.html', url: '/tags/#no-such-id' },
      { from: 'about-broken/index.html', url: '../missing.png' },
    ]);
  });

  it('a tag page weighs under 50 KB of HTML and CSS, its CSS under 30 KB', async () => {
    const weight = await pageWeight(out, 'tags/alpha');
    expect(weight.htmlBytes + weight.cssBytes).toBeLessThan(50 * 1024);
    expect(weight.cssBytes).toBeLessThan(30 * 1024);
  });

  it.each([
    '',
    'latest',
    'tags/alpha',
    'tags/alpha/2',
    'sections/politics',
    'authors/fixture-desk',
    'articles/alpha-01',
    'articles/alpha-14',
    'articles/mdx-piece',
    'archive',
    'archive/2025',
    'archive/2025/09',
  ])('/%s loads no JavaScript', async (path) => {
    expect((await pageWeight(out, path)).scripts).toEqual([]);
  });
});
