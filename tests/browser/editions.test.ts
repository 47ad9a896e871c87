import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_SKIP_REASON,
  axeViolations,
  launchChromium,
  openPage,
  watchCsp,
} from '../helpers/browser.ts';
import { buildFixtureSite } from '../helpers/site.ts';
import { EDITIONS_NOW, editionsFixture } from '../fixtures/editions.ts';
import { serveStatic, type StaticHost } from '../../scripts/lib/static-host.ts';

let host: StaticHost;
let browser: Browser;

const suite = BROWSER_SKIP_REASON ? describe.skip : describe;
const title = BROWSER_SKIP_REASON
  ? `the Russian edition in a browser (skipped: ${BROWSER_SKIP_REASON})`
  : 'the Russian edition in a browser';

suite(title, () => {
  beforeAll(async () => {
    const { out } = await buildFixtureSite('editions-browser', editionsFixture(), EDITIONS_NOW);
    host = await serveStatic(out);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const open = (options: Parameters<Browser['newContext']>[0] = {}) =>
    openPage(browser, host.origin, options);

  const PAGES = [
    '/ru/',
    '/ru/latest/',
    '/ru/articles/sammit/',
    '/ru/tags/odkb/',
    '/ru/tags/odkb/2/',
    '/ru/sections/politika/',
    '/ru/authors/aygerim-bekova/',
    '/ru/archive/',
    '/ru/archive/2025/11/',
    '/404.html',
  ];

  it.each(
    PAGES.flatMap((path) => (['light', 'dark'] as const).map((scheme) => [path, scheme] as const)),
  )('%s in the %s theme has zero axe violations', async (path, colorScheme) => {
    // axe-core is injected as an inline script, which the pages' CSP rightly refuses.
    const { context, page } = await open({ colorScheme, reducedMotion: 'reduce', bypassCSP: true });
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a reader switches between a story and its translation, and between the editions', async () => {
    const { context, page } = await open();
    const violations = await watchCsp(page);
    await page.goto('/articles/summit/');
    await page.getByRole('link', { name: 'Read in Russian' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ru/articles/sammit/');
    expect(await page.locator('h1').first().innerText()).toBe('Лидеры встретились на саммите');
    await page.getByRole('link', { name: 'Читать на английском' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/articles/summit/');
    // The masthead's switch leads to the same page in the other edition.
    await page.goto('/archive/');
    await page.getByRole('navigation', { name: 'Editions' }).getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ru/archive/');
    expect(await page.locator('h1').first().innerText()).toBe('Архив');
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('searches the Russian edition in Russian and shows its results in Russian', async () => {
    const { context, page } = await open({ bypassCSP: true });
    await page.goto(`/ru/search/?q=${encodeURIComponent('ледника')}`);
    await expect
      .poll(() => page.locator('#search-status').innerText(), { timeout: 30_000 })
      .toBe('Показаны результаты 1 - 1 из 1');
    expect(await page.locator('#search-results h2').allInnerTexts()).toEqual([
      'Лидеры встретились на саммите',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
