import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW_EPOCH, newsroomFixture } from '../fixtures/newsroom.ts';
import {
  BROWSER_SKIP_REASON,
  axeViolations,
  launchChromium,
  openPage,
  watchCsp,
} from '../helpers/browser.ts';
import { articleSource, buildFixtureSite, listFiles } from '../helpers/site.ts';
import { serveStatic, type StaticHost } from '../helpers/static-host.ts';

/** Eight articles mention the glacier survey: five from 2024 (Kazakhstan), three from 2025 (Kyrgyzstan). */
const GLACIER = Array.from({ length: 8 }, (_, i) => ({
  slug: `survey-${i + 1}`,
  title: `Survey report ${i + 1}`,
  date: i < 5 ? `2024-0${i + 1}-10` : `2025-0${i - 4}-10`,
  tags: [i < 5 ? 'Kazakhstan' : 'Kyrgyzstan'],
}));

function searchFixture(): Record<string, string> {
  const files = newsroomFixture();
  for (const { slug, title, date, tags } of GLACIER) {
    files[`articles/search/${slug}.md`] = articleSource(
      { title, date, tags },
      `Scientists measured the glacier above the valley, report ${slug}.`,
    );
  }
  files['articles/search/russian.md'] = articleSource(
    { title: 'Учёные измерили ледник', date: '2025-04-01', tags: ['Kyrgyzstan'], lang: 'ru' },
    'Экспедиция вернулась с перевала: ледник отступил на сорок метров.',
  );
  files['articles/search/elsewhere.md'] = articleSource(
    { title: 'Valley roads reopen', date: '2025-05-01', tags: ['Kazakhstan'] },
    'Snow cleared from the pass.',
  );
  return files;
}

let host: StaticHost;
let browser: Browser;
let outDir: string;

const suite = BROWSER_SKIP_REASON ? describe.skip : describe;
const title = BROWSER_SKIP_REASON ? `search (skipped: ${BROWSER_SKIP_REASON})` : 'search';

suite(title, () => {
  beforeAll(async () => {
    const { out, build } = await buildFixtureSite('search', searchFixture(), NOW_EPOCH);
    outDir = out;
    expect(build.stdout).toMatch(/search index of 31 pages/);
    host = await serveStatic(outDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const open = (options: Parameters<Browser['newContext']>[0] = {}) =>
    openPage(browser, host.origin, options);

  /** Waits for the search page to settle on a status line, then reads it and the result titles. */
  async function results(page: Page, status: string | RegExp) {
    await expect
      .poll(() => page.locator('#search-status').innerText(), { timeout: 15_000 })
      .toMatch(status);
    return page.locator('#search-results h2').allInnerTexts();
  }

  it('indexes article pages only, into the build output', async () => {
    const files = await listFiles(outDir);
    expect(files).toContain('pagefind/pagefind.js');
    expect(
      files.filter((file) => file.startsWith('pagefind/') && file.includes('playground')),
    ).toEqual([]);
  });

  it('a query returns exactly the articles that contain it, counted and paged like a tag page', async () => {
    const { context, page } = await open();
    await page.goto('/search/');
    await page.getByLabel('Words').fill('glacier');
    await page.getByRole('button', { name: 'Search' }).click();
    const first = await results(page, 'Viewing results 1 - 6 of 8');
    expect(new URL(page.url()).search).toBe('?q=glacier');
    await page.getByRole('link', { name: 'Next' }).click();
    const second = await results(page, 'Viewing results 7 - 8 of 8');
    expect(new URL(page.url()).search).toBe('?q=glacier&page=2');
    expect([...first, ...second].sort()).toEqual(GLACIER.map((article) => article.title).sort());
    expect(await page.locator('#search-results mark').first().innerText()).toMatch(/^glacier$/i);

    await page.goBack();
    expect(await results(page, 'Viewing results 1 - 6 of 8')).toEqual(first);
    expect(new URL(page.url()).search).toBe('?q=glacier');
    await context.close();
  });

  it('tag and year filters narrow the results, and the URL carries them', async () => {
    const { context, page } = await open();
    await page.goto('/search/?q=glacier');
    await results(page, 'of 8');
    await page.getByLabel('Tag').selectOption('Kyrgyzstan');
    expect((await results(page, 'Viewing results 1 - 3 of 3')).sort()).toEqual(
      GLACIER.slice(5)
        .map((article) => article.title)
        .sort(),
    );
    expect(new URL(page.url()).searchParams.get('tag')).toBe('Kyrgyzstan');

    await page.goto('/search/?q=glacier&year=2024');
    expect((await results(page, 'Viewing results 1 - 5 of 5')).sort()).toEqual(
      GLACIER.slice(0, 5)
        .map((article) => article.title)
        .sort(),
    );
    expect(await page.getByLabel('Year').inputValue()).toBe('2024');
    await context.close();
  });

  it('finds Russian text', async () => {
    const { context, page } = await open();
    await page.goto(`/search/?q=${encodeURIComponent('ледник')}`);
    expect(await results(page, 'Viewing results 1 - 1 of 1')).toEqual(['Учёные измерили ледник']);
    await context.close();
  });

  it('says so when nothing matches', async () => {
    const { context, page } = await open();
    await page.goto('/search/?q=zzqxnothing');
    expect(await results(page, 'No results for “zzqxnothing”.')).toEqual([]);
    await context.close();
  });

  it('shows a hostile query as text and never runs it', async () => {
    const { context, page } = await open();
    const violations = await watchCsp(page);
    const hostile = '"><img src=x onerror="window.pwned=1">zzqx';
    await page.goto(`/search/?q=${encodeURIComponent(hostile)}`);
    await results(page, /^No results for|^Viewing results/);
    expect(await page.getByLabel('Words').inputValue()).toBe(hostile);
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('without JavaScript, says so and links to the tags and the archive', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    await page.goto('/search/');
    const notice = page.locator('.search-notice');
    expect(await notice.innerText()).toMatch(/needs JavaScript/);
    expect(
      await notice
        .locator('a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).toEqual(['/tags/', '/archive/']);
    expect(await page.locator('.search-form').isVisible()).toBe(false);
    await context.close();
  });

  it('has no accessibility violations with results shown', async () => {
    const { context, page } = await open({ bypassCSP: true });
    await page.goto('/search/?q=glacier');
    await results(page, 'of 8');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

const shardedTitle = BROWSER_SKIP_REASON
  ? `search split into shards (skipped: ${BROWSER_SKIP_REASON})`
  : 'search split into shards';
suite(shardedTitle, () => {
  let sharded: StaticHost;
  let shardedBrowser: Browser;

  beforeAll(async () => {
    // 31 article pages, 4 to a shard: every query has to gather its results from several shards.
    const { out, build } = await buildFixtureSite('search-shards', searchFixture(), NOW_EPOCH, {}, [
      '--search-shard-size',
      '4',
    ]);
    expect(build.stdout).toMatch(/search index of 31 pages in 8 shards/);
    const files = await listFiles(out);
    expect(files).toEqual(
      expect.arrayContaining([
        'pagefind/shards.json',
        'pagefind/pagefind.js',
        'pagefind/shard-8/pagefind.js',
      ]),
    );
    expect(files).not.toContain('pagefind/shard-9/pagefind.js');
    sharded = await serveStatic(out);
    shardedBrowser = await launchChromium();
  });

  afterAll(async () => {
    await shardedBrowser?.close();
    await sharded?.close();
  });

  async function titlesAt(url: string, status: string): Promise<string[]> {
    const { context, page } = await openPage(shardedBrowser, sharded.origin);
    await page.goto(url);
    await expect
      .poll(() => page.locator('#search-status').innerText(), { timeout: 15_000 })
      .toBe(status);
    const titles = await page.locator('#search-results h2').allInnerTexts();
    await context.close();
    return titles;
  }

  const newestFirst = GLACIER.map((article) => article.title).reverse();

  it('sorted by date, lists the results of every shard newest first, paged as one list', async () => {
    expect(await titlesAt('/search/?q=glacier&sort=newest', 'Viewing results 1 - 6 of 8')).toEqual(
      newestFirst.slice(0, 6),
    );
    expect(
      await titlesAt('/search/?q=glacier&sort=newest&page=2', 'Viewing results 7 - 8 of 8'),
    ).toEqual(newestFirst.slice(6));
  });

  it('by relevance, finds every match in every shard', async () => {
    const first = await titlesAt('/search/?q=glacier', 'Viewing results 1 - 6 of 8');
    const second = await titlesAt('/search/?q=glacier&page=2', 'Viewing results 7 - 8 of 8');
    expect([...first, ...second].sort()).toEqual([...newestFirst].sort());
  });

  it('filters across shards', async () => {
    expect(
      (await titlesAt('/search/?q=glacier&tag=Kyrgyzstan', 'Viewing results 1 - 3 of 3')).sort(),
    ).toEqual(newestFirst.slice(0, 3).sort());
    expect(
      await titlesAt(`/search/?q=${encodeURIComponent('ледник')}`, 'Viewing results 1 - 1 of 1'),
    ).toEqual(['Учёные измерили ледник']);
  });
});
