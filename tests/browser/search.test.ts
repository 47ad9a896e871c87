import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
import { serveStatic, type StaticHost } from '../../scripts/lib/static-host.ts';

/**
 * Eight articles mention the glacier survey: five from 2024 (Kazakhstan), three from 2025
 * (Kyrgyzstan); the odd ones in Politics, the even ones in Economy; 1 and 2 by Third Hand, 3 by
 * Third Hand and Second Writer, 4 to 8 by Second Writer (names the newsroom fixture registers).
 */
const GLACIER = Array.from({ length: 8 }, (_, i) => ({
  slug: `survey-${i + 1}`,
  title: `Survey report ${i + 1}`,
  date: i < 5 ? `2024-0${i + 1}-10` : `2025-0${i - 4}-10`,
  tags: [i < 5 ? 'Kazakhstan' : 'Kyrgyzstan'],
  section: i % 2 === 0 ? 'Politics' : 'Economy',
  byline: i < 2 ? ['Third Hand'] : i === 2 ? ['Third Hand', 'Second Writer'] : ['Second Writer'],
}));

/** The titles of the glacier articles numbered `numbers` (from 1), sorted. */
const surveys = (...numbers: number[]) => numbers.map((n) => `Survey report ${n}`).sort();

function searchFixture(): Record<string, string> {
  const files = newsroomFixture();
  for (const { slug, title, date, tags, section, byline } of GLACIER) {
    files[`articles/search/${slug}.md`] = articleSource(
      {
        title,
        date,
        tags,
        section,
        ...(byline.length === 1 ? { author: byline[0] } : { authors: byline }),
      },
      `Scientists measured the glacier above the valley, report ${slug}.`,
    );
  }
  files['articles/search/russian.md'] = articleSource(
    {
      title: 'Учёные измерили ледник',
      date: '2025-04-01',
      tags: ['Kyrgyzstan'],
      section: 'Politics',
      lang: 'ru',
    },
    'Экспедиция вернулась с перевала: ледник отступил на сорок метров.',
  );
  files['articles/search/elsewhere.md'] = articleSource(
    { title: 'Valley roads reopen', date: '2025-05-01', tags: ['Kazakhstan'], section: 'Economy' },
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
    // One bundle per year of stories, under the edition's pagefind/, listed in its shards.json.
    const bundles = files.filter((file) => /^pagefind\/\d{4}-\d+\/pagefind\.js$/.test(file));
    const { shards } = JSON.parse(await readFile(join(outDir, 'pagefind/shards.json'), 'utf8'));
    expect(bundles.map((file) => `/${file.replace('pagefind.js', '')}`).sort()).toEqual(
      [...shards].sort(),
    );
    expect(shards.length).toBeGreaterThan(1);
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

  it('shows results as listings show articles: section, headline, date, tags; the headline not repeated', async () => {
    const { context, page } = await open();
    await page.goto('/search/?q=glacier&sort=newest');
    await results(page, 'Viewing results 1 - 6 of 8');
    const first = page.locator('#search-results .teaser').first();
    expect(await first.locator('.section-label').innerText()).toMatch(/^economy$/i);
    expect(await first.locator('h2').innerText()).toBe('Survey report 8');
    expect(await first.locator('.excerpt').innerText()).toBe(
      'Scientists measured the glacier above the valley, report survey-8.',
    );
    expect(await first.locator('.tag-links a').innerText()).toBe('Kyrgyzstan');
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

  it('section and author filters narrow the results, and the URL carries them', async () => {
    const { context, page } = await open();
    await page.goto('/search/?q=glacier');
    await results(page, 'of 8');
    await page.getByLabel('Section', { exact: true }).selectOption('Economy');
    expect((await results(page, 'Viewing results 1 - 4 of 4')).sort()).toEqual(surveys(2, 4, 6, 8));
    expect(new URL(page.url()).search).toBe('?q=glacier&section=Economy');

    await page.getByLabel('Author', { exact: true }).selectOption('Third Hand');
    expect(await results(page, 'Viewing results 1 - 1 of 1')).toEqual(surveys(2));
    expect(new URL(page.url()).search).toBe('?q=glacier&section=Economy&author=Third+Hand');

    // Back restores the previous filters in the form as well as the results.
    await page.goBack();
    expect((await results(page, 'Viewing results 1 - 4 of 4')).sort()).toEqual(surveys(2, 4, 6, 8));
    expect(await page.getByLabel('Author', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Section', { exact: true }).inputValue()).toBe('Economy');

    // A shared link restores the form; a co-author's articles are found under each name.
    await page.goto('/search/?q=glacier&author=Second+Writer');
    expect((await results(page, 'Viewing results 1 - 6 of 6')).sort()).toEqual(
      surveys(3, 4, 5, 6, 7, 8),
    );
    expect(await page.getByLabel('Author', { exact: true }).inputValue()).toBe('Second Writer');
    expect(await page.getByLabel('Section', { exact: true }).inputValue()).toBe('');
    await page.goto('/search/?q=glacier&author=Third+Hand&section=Politics');
    expect((await results(page, 'Viewing results 1 - 2 of 2')).sort()).toEqual(surveys(1, 3));
    expect(await page.getByLabel('Section', { exact: true }).inputValue()).toBe('Politics');
    expect(await page.getByLabel('Author', { exact: true }).inputValue()).toBe('Third Hand');
    await context.close();
  });

  it('offers exactly the sections and authors the index holds', async () => {
    const { context, page } = await open();
    await page.goto('/search/');
    await results(page, /^Type words to search for/);
    const choices = (label: string) =>
      page
        .getByLabel(label, { exact: true })
        .locator('option')
        .evaluateAll((options) =>
          options.map((option) => [(option as HTMLOptionElement).value, option.textContent]),
        );
    // Pagefind's own counts, from the module the page loaded (a string, so no test transform
    // rewrites the import).
    const perShard = (await page.evaluate(
      "fetch('/pagefind/shards.json').then((response) => response.json()).then(({ shards }) => Promise.all(shards.map((base) => import(base + 'pagefind.js').then((pagefind) => pagefind.filters()))))",
    )) as Record<string, Record<string, number>>[];
    const indexed: Record<string, Record<string, number>> = {};
    for (const shard of perShard)
      for (const [filter, values] of Object.entries(shard))
        for (const [value, count] of Object.entries(values))
          (indexed[filter] ??= {})[value] = (indexed[filter]![value] ?? 0) + count;
    for (const [label, filter, all] of [
      ['Section', 'section', 'All sections'],
      ['Author', 'author', 'All authors'],
    ] as const) {
      const names = Object.keys(indexed[filter] ?? {}).sort((a, b) => a.localeCompare(b));
      expect(await choices(label)).toEqual([['', all], ...names.map((name) => [name, name])]);
    }
    expect(Object.keys(indexed.section ?? {})).toEqual(
      expect.arrayContaining(['Economy', 'Politics']),
    );
    // A hostile byline is an option's text, never markup.
    expect(Object.keys(indexed.author ?? {})).toEqual(
      expect.arrayContaining(['Second Writer', 'Third Hand', '<img src=x onerror=alert(1)>']),
    );
    expect(await page.locator('main img').count()).toBe(0);
    await context.close();
  });

  it('the Russian edition searches its own articles, with Russian stemming', async () => {
    const { context, page } = await open({ bypassCSP: true });
    // `ледника` (genitive) finds the story that says `ледник`: Pagefind stems the words as Russian.
    await page.goto(`/ru/search/?q=${encodeURIComponent('ледника')}`);
    expect(await results(page, 'Показаны результаты 1 - 1 из 1')).toEqual([
      'Учёные измерили ледник',
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await axeViolations(page)).toEqual([]);
    // The English edition's index holds only English stories.
    await page.goto(`/search/?q=${encodeURIComponent('ледник')}`);
    await expect
      .poll(() => page.locator('#search-status').innerText(), { timeout: 30_000 })
      .toBe('No results for “ледник”.');
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
    // 30 English pages by year, at most 4 to a shard (2024: 5 in 2, 2025: 24 in 6, 2026: 1),
    // the Russian edition's one page in a shard of its own.
    expect(build.stdout).toMatch(/search index of 31 pages in 10 shards \(10 indexed\)/);
    const files = await listFiles(out);
    expect(files).toEqual(
      expect.arrayContaining([
        'pagefind/shards.json',
        'pagefind/2026-1/pagefind.js',
        'pagefind/2025-6/pagefind.js',
        'pagefind/2024-2/pagefind.js',
        'ru/pagefind/shards.json',
        'ru/pagefind/2025-1/pagefind.js',
      ]),
    );
    expect(files).not.toContain('pagefind/2025-7/pagefind.js');
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

  it('offers the sections and authors of every shard, each once', async () => {
    const { context, page } = await openPage(shardedBrowser, sharded.origin);
    await page.goto('/search/');
    await expect
      .poll(() => page.locator('#search-status').innerText(), { timeout: 15_000 })
      .toMatch(/^Type words to search for/);
    const values = (label: string) =>
      page
        .getByLabel(label, { exact: true })
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    const authors = await values('Author');
    // Third Hand wrote the oldest glacier reports (the last shard), Fixture Desk the 2025 stories.
    expect(authors).toEqual(
      expect.arrayContaining(['Fixture Desk', 'Second Writer', 'Third Hand']),
    );
    expect(new Set(authors).size).toBe(authors.length);
    const sections = await values('Section');
    expect(sections).toEqual(expect.arrayContaining(['', 'Economy', 'Politics']));
    expect(new Set(sections).size).toBe(sections.length);
    await context.close();
  });

  it('filters across shards', async () => {
    expect(
      (await titlesAt('/search/?q=glacier&tag=Kyrgyzstan', 'Viewing results 1 - 3 of 3')).sort(),
    ).toEqual(newestFirst.slice(0, 3).sort());
    expect(
      (
        await titlesAt(
          '/search/?q=glacier&section=Economy&author=Second+Writer',
          'Viewing results 1 - 3 of 3',
        )
      ).sort(),
    ).toEqual(surveys(4, 6, 8));
    expect(
      await titlesAt(
        `/ru/search/?q=${encodeURIComponent('ледника')}`,
        'Показаны результаты 1 - 1 из 1',
      ),
    ).toEqual(['Учёные измерили ледник']);
  });
});
