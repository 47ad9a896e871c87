import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_SKIP_REASON,
  axeViolations,
  launchChromium,
  openPage,
  watchCsp,
} from '../helpers/browser.ts';
import { ROOT } from '../helpers/site.ts';
import { newsroomSite } from '../shared-site.ts';
import { serveStatic, type StaticHost } from '../../scripts/lib/static-host.ts';

const SCREENSHOTS = join(ROOT, '.screenshots');
let host: StaticHost;
let browser: Browser;

const suite = BROWSER_SKIP_REASON ? describe.skip : describe;
const title = BROWSER_SKIP_REASON
  ? `the reader's browser (skipped: ${BROWSER_SKIP_REASON})`
  : "the reader's browser";

suite(title, () => {
  beforeAll(async () => {
    const { out } = await newsroomSite();
    host = await serveStatic(out);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const open = (options: Parameters<Browser['newContext']>[0] = {}) =>
    openPage(browser, host.origin, options);

  const heading = (page: Page) => page.locator('h1').first().innerText();

  describe('journeys', () => {
    it('front page → latest → tag page → older stories → article → another tag', async () => {
      const { context, page } = await open();
      await page.goto('/');
      await page.getByRole('link', { name: 'All the latest stories' }).click();
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/latest/');
      await page
        .locator('.teaser .tag-links a', { hasText: /^Alpha$/ })
        .first()
        .click();
      await expect
        .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
        .toBe('/tags/alpha/');
      expect(await heading(page)).toContain('Alpha');
      expect(await page.locator('.counter').innerText()).toBe('Viewing results 1 - 6 of 14');

      await page.getByRole('link', { name: 'Older stories' }).click();
      await expect
        .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
        .toBe('/tags/alpha/2/');
      expect(await page.locator('.counter').innerText()).toBe(
        'Stories from 5 January 2025 to 25 May 2025',
      );

      const story = page.locator('.teaser h2 a').first();
      const storyTitle = await story.innerText();
      await story.click();
      await expect
        .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
        .toMatch(/^\/articles\/alpha-\d\d\/$/);
      expect(await heading(page)).toBe(storyTitle);

      await page.locator('.article .tag-links a', { hasText: /^Zeta$/ }).click();
      await expect
        .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
        .toBe('/tags/zeta/');
      expect(await heading(page)).toContain('Zeta');
      await context.close();
    });

    it('archive → month → article', async () => {
      const { context, page } = await open();
      await page.goto('/archive/');
      const month = page.locator('main a[href^="/archive/2025/09/"]').first();
      await month.click();
      await expect
        .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
        .toBe('/archive/2025/09/');
      expect(await heading(page)).toMatch(/September 2025/);

      const story = page.locator('.teaser h2 a').first();
      const storyTitle = await story.innerText();
      await story.click();
      await expect
        .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
        .toMatch(/^\/articles\/[^/]+\/$/);
      expect(await heading(page)).toBe(storyTitle);
      await context.close();
    });
  });

  describe('the ticker', () => {
    // The ticker is in the day's document, which every page shows in a frame (/today/).
    const band = (page: Page) => page.frameLocator('.today-frame');
    const offset = (page: Page) =>
      band(page)
        .locator('.ticker-track')
        .evaluate((track) => new DOMMatrixReadOnly(getComputedStyle(track).transform).m41);
    const moves = async (page: Page) => {
      const before = await offset(page);
      await page.waitForTimeout(700);
      return (await offset(page)) !== before;
    };
    const awayFromTicker = async (page: Page) => {
      await page.mouse.move(5, 600);
      await page
        .locator('main')
        .evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    };

    it('moves, and stops on hover, on keyboard focus and with the pause control', async () => {
      const { context, page } = await open({ viewport: { width: 1280, height: 800 } });
      await page.goto('/');
      await awayFromTicker(page);
      await expect.poll(() => moves(page), { timeout: 15_000 }).toBe(true);

      await band(page).locator('.ticker-viewport').hover();
      await expect.poll(() => moves(page), { timeout: 15_000 }).toBe(false);
      await awayFromTicker(page);
      await expect.poll(() => moves(page), { timeout: 15_000 }).toBe(true);

      // Tab from the top of the page until the scrolling rates have keyboard focus.
      const focused = () =>
        band(page)
          .locator('body')
          .evaluate(() => document.activeElement?.className);
      for (let i = 0; i < 5 && (await focused()) !== 'ticker-viewport'; i++) {
        await page.keyboard.press('Tab');
      }
      expect(await focused()).toBe('ticker-viewport');
      await expect.poll(() => moves(page), { timeout: 15_000 }).toBe(false);

      await band(page).getByText('Pause rates').click();
      await awayFromTicker(page);
      expect(await band(page).locator('#ticker-pause').isChecked()).toBe(true);
      await expect.poll(() => moves(page), { timeout: 15_000 }).toBe(false);
      await band(page).getByText('Pause rates').click();
      await awayFromTicker(page);
      await expect.poll(() => moves(page), { timeout: 15_000 }).toBe(true);
      await context.close();
    });

    it('stays still under reduced motion, each rate shown once, in a row scrolled by hand on a phone', async () => {
      const { context, page } = await open({
        reducedMotion: 'reduce',
        viewport: { width: 320, height: 640 },
      });
      await page.goto('/');
      expect(
        await band(page)
          .locator('.ticker-track')
          .evaluate((track) => getComputedStyle(track).animationName),
      ).toBe('none');
      await expect.poll(() => moves(page), { timeout: 15_000 }).toBe(false);
      const items = band(page).locator('.ticker-item:visible');
      expect(await items.count()).toBe(3);
      // The last rate comes into view when the row is scrolled, by touch or by keyboard focus.
      const viewport = band(page).locator('.ticker-viewport');
      await viewport.evaluate((row) => row.scrollTo({ left: row.scrollWidth }));
      const last = (await items.last().boundingBox())!;
      expect(last.x).toBeGreaterThanOrEqual(0);
      expect(last.x + last.width).toBeLessThanOrEqual(320);
      expect(await viewport.getAttribute('tabindex')).toBe('0');
      expect(await band(page).getByText('Pause rates').isVisible()).toBe(false);
      await context.close();
    });
  });

  describe('layout', () => {
    const PAGES = {
      home: '/',
      latest: '/latest/',
      tag: '/tags/alpha/',
      section: '/sections/politics/',
      author: '/authors/fixture-desk/',
      article: '/articles/alpha-01/',
      archive: '/archive/',
      tags: '/tags/',
      search: '/search/?q=alpha',
      'not-found': '/404.html',
    };

    it('saves screenshots of every page type at 375 and 1280 px, light and dark', async () => {
      await rm(SCREENSHOTS, { recursive: true, force: true });
      await mkdir(SCREENSHOTS, { recursive: true });
      const saved: string[] = [];
      for (const width of [375, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const { context, page } = await open({
            viewport: { width, height: 900 },
            colorScheme,
            reducedMotion: 'reduce',
          });
          for (const [name, path] of Object.entries(PAGES)) {
            await page.goto(path);
            // The search page's results come from its script: wait for them.
            if (path.startsWith('/search/'))
              await page
                .locator('#search-status', { hasText: 'Viewing results' })
                .waitFor({ timeout: 15_000 });
            const file = join(SCREENSHOTS, `${name}-${width}-${colorScheme}.png`);
            await page.screenshot({ path: file, fullPage: true });
            saved.push(file);
          }
          if (colorScheme === 'dark') {
            const background = await page.evaluate(
              () => getComputedStyle(document.body).backgroundColor,
            );
            expect(background).not.toBe('rgb(255, 255, 255)');
          }
          await context.close();
        }
      }
      expect(saved).toHaveLength(Object.keys(PAGES).length * 4);
      for (const file of saved) expect((await stat(file)).size).toBeGreaterThan(1000);
    });

    const WIDTHS = [320, 375, 768, 1024, 1440] as const;
    const LAYOUT_PAGES = [
      '/',
      '/latest/',
      '/tags/alpha/',
      '/sections/politics/',
      '/authors/fixture-desk/',
      '/articles/alpha-01/',
      '/archive/',
      '/search/',
      '/404.html',
    ];

    it.each(WIDTHS)(
      'at %i px every page type fits without sideways scrolling, the ticker in its rows, no image stretched',
      async (width) => {
        const { context, page } = await open({ viewport: { width, height: 900 } });
        for (const path of LAYOUT_PAGES) {
          await page.goto(path);
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth),
            path,
          ).toBeLessThanOrEqual(width);
          // The band's parts (date, pause control, rates, their date) in one row from 768 px,
          // three on a phone, all inside the frame that shows them.
          const band = page.frameLocator('.today-frame').locator('body');
          const rows = await band.evaluate(() => {
            const parts = [...document.querySelectorAll('.ticker > :not(input, h2)')].map((part) =>
              part.getBoundingClientRect(),
            );
            const inside = parts.every(({ top, bottom }) => top >= 0 && bottom <= innerHeight);
            return inside ? new Set(parts.map(({ top }) => Math.round(top / 8))).size : -1;
          });
          expect(rows, path).toBe(width >= 768 ? 1 : 3);
          // No text box of the masthead, its band or the listings overlaps another or is cut by
          // its box.
          const collisionsIn = (selectors: string) => {
            const boxes = [...document.querySelectorAll(selectors)].filter(
              (element) => (element as HTMLElement).offsetParent !== null,
            );
            const found: string[] = [];
            const rects = boxes.map((element) => element.getBoundingClientRect());
            rects.forEach((a, i) => {
              if (boxes[i]!.scrollWidth > boxes[i]!.clientWidth + 1 && boxes[i]!.clientWidth > 0)
                found.push(`cut: ${boxes[i]!.textContent}`);
              rects.slice(i + 1).forEach((b, j) => {
                const overlap =
                  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
                  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
                const nested =
                  boxes[i]!.contains(boxes[i + j + 1]!) || boxes[i + j + 1]!.contains(boxes[i]!);
                if (overlap && !nested)
                  found.push(`${boxes[i]!.textContent} / ${boxes[i + j + 1]!.textContent}`);
              });
            });
            return found;
          };
          expect(
            await page.evaluate(
              collisionsIn,
              '.site-name, .site-nav a, .teaser h2 a, .teaser .meta > *',
            ),
            path,
          ).toEqual([]);
          const today = page.frames().find((frame) => new URL(frame.url()).pathname === '/today/');
          expect(
            await today!.evaluate(collisionsIn, '.today, .ticker-pause, .ticker-asof'),
            path,
          ).toEqual([]);
          // Every loaded photo keeps its proportions (2 % of slack for rounding).
          const stretched = await page.evaluate(() =>
            [...document.images]
              .filter((image) => image.complete && image.naturalWidth > 0 && image.clientWidth > 0)
              .filter((image) => {
                const natural = image.naturalWidth / image.naturalHeight;
                const shown = image.clientWidth / image.clientHeight;
                const cropped = getComputedStyle(image).objectFit === 'cover';
                return !cropped && Math.abs(shown / natural - 1) > 0.02;
              })
              .map((image) => image.currentSrc),
          );
          expect(stretched, path).toEqual([]);
        }
        await context.close();
      },
    );
  });

  describe('accessibility (axe-core)', () => {
    const PAGES = [
      '/',
      '/latest/',
      '/tags/alpha/',
      '/articles/alpha-14/',
      '/archive/',
      '/articles/long-read/',
      // The content model's pages: photos, bylines, author and section listings.
      '/articles/alpha-01/',
      '/articles/alpha-02/',
      '/authors/',
      '/authors/fixture-desk/',
      '/sections/politics/',
      '/sections/empty/',
      // The day's documents every page shows in a frame.
      '/today/',
      '/today/latest/',
    ];

    it.each(
      PAGES.flatMap((path) =>
        (['light', 'dark'] as const).map((scheme) => [path, scheme] as const),
      ),
    )('%s in the %s theme has zero violations', async (path, colorScheme) => {
      const { context, page } = await open({
        colorScheme,
        reducedMotion: 'reduce',
        bypassCSP: true,
      });
      await page.goto(path);
      expect(await axeViolations(page, { framed: path.startsWith('/today/') })).toEqual([]);
      await context.close();
    });
  });

  describe('security headers and CSP', () => {
    it('pages work under their Content-Security-Policy and the _headers policy, with no violation reported', async () => {
      const { context, page } = await open();
      const violations = await watchCsp(page);
      const found = [];
      for (const path of [
        '/',
        '/tags/alpha/',
        '/tags/alpha/2/',
        '/articles/alpha-14/',
        '/articles/mdx-piece/',
        '/archive/',
        '/archive/2025/09/',
        '/no-such-page/',
      ]) {
        const response = await page.goto(path);
        expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
        expect(response?.headers()['x-content-type-options']).toBe('nosniff');
        expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
        // The stylesheet applied: the masthead's rates band is laid out as a row.
        expect(
          await page
            .frameLocator('.today-frame')
            .locator('.ticker')
            .evaluate((el) => getComputedStyle(el).display),
        ).toBe('flex');
        found.push(...(await violations()));
      }
      expect(found).toEqual([]);
      await context.close();
    });

    it('would report a violation: an inline script on a built page is blocked and seen', async () => {
      const { context, page } = await open();
      const violations = await watchCsp(page);
      await page.goto('/articles/alpha-14/');
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.title = "ran"';
        document.body.append(script);
      });
      expect(await page.title()).not.toBe('ran');
      await expect
        .poll(async () => (await violations()).length, { timeout: 15_000 })
        .toBeGreaterThan(0);
      await context.close();
    });
  });
});
