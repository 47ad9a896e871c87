import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO_BIN } from '../../scripts/lib/cms.ts';
import { newsroomFixture } from '../fixtures/newsroom.ts';
import { BROWSER_SKIP_REASON, launchChromium, openPage } from '../helpers/browser.ts';
import { freePort } from '../helpers/server.ts';
import { outsideVitest, ROOT, tempDir, writeFiles } from '../helpers/site.ts';

const BROKEN =
  '---\ntitle: Broken\ndate: 2026-13-01\ntags: CSTO\n---\n\nSee [the summit](/articles/no-such-story/).\n';
const FIXED = '---\ntitle: Fixed at last\ndate: 2026-01-01\ntags: [CSTO]\n---\n\nNow valid.\n';

let browser: Browser;
let dev: ChildProcess;
let origin: string;
let content: string;
let terminal = '';

/** Resolves once `ready()` holds, checking every 200 ms; rejects with `why()` after `ms`. */
async function waitFor(ready: () => boolean, ms: number, why: () => string): Promise<void> {
  for (
    const started = Date.now();
    !ready();
    await new Promise((resolve) => setTimeout(resolve, 200))
  ) {
    if (Date.now() - started > ms) throw new Error(why());
  }
}

const suite = BROWSER_SKIP_REASON ? describe.skip : describe;
const title = BROWSER_SKIP_REASON ? `npm run dev (skipped: ${BROWSER_SKIP_REASON})` : 'npm run dev';

suite(title, () => {
  beforeAll(async () => {
    content = join(await tempDir('dev'), 'content');
    await writeFiles(content, { ...newsroomFixture(), 'articles/broken.md': BROKEN });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = spawn(
      process.execPath,
      [ASTRO_BIN, 'dev', '--host', '127.0.0.1', '--port', String(port)],
      {
        cwd: ROOT,
        // Without vitest's variables (NODE_ENV=test, VITEST…), under which Astro's dev server serves no pages.
        env: {
          ...outsideVitest(),
          KHABAR_CONTENT_DIR: content,
          ASTRO_DEV_BACKGROUND: '0',
          FORCE_COLOR: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    dev.stdout!.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
    await waitFor(
      () => terminal.includes('watching for file changes'),
      60_000,
      () => `astro dev did not start:\n${terminal}`,
    );
    // A first start may restart itself once on a config change; wait until pages are served.
    let status = 0;
    const poll = setInterval(
      () =>
        void fetch(`${origin}/`).then(
          (response) => (status = response.status),
          () => undefined,
        ),
      500,
    );
    await waitFor(
      () => status === 200,
      60_000,
      () => `astro dev serves no home page:\n${terminal}`,
    );
    clearInterval(poll);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    dev?.kill();
  });

  it('keeps serving, and prints every content problem compiler-style in the terminal', async () => {
    await expect
      .poll(() => terminal, { timeout: 10_000 })
      .toContain('articles/broken.md:7:5 body: link to /articles/no-such-story/ points nowhere');
    expect(terminal).toContain(
      'articles/broken.md:3:7 date: expected a date as YYYY-MM-DD or an ISO 8601 date-time, got "2026-13-01"',
    );
    expect(terminal).toContain('articles/broken.md:4:7 tags: expected a list of strings');
  });

  it('serves the editing UI at /admin/, as a static host does', async () => {
    const response = await fetch(`${origin}/admin/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<script src="/admin/cms.js"></script>');
  });

  it('shows the problems in the browser overlay until the file is fixed', async () => {
    const { context, page } = await openPage(browser, origin);
    await page.goto('/');
    // The overlay draws its text in a shadow root.
    const overlayText = () =>
      page
        .evaluate(
          () =>
            (
              document.querySelector('vite-error-overlay')
                ?.shadowRoot as unknown as HTMLElement | null
            )?.textContent ?? '',
        )
        // The dev client may reload the page while it is read.
        .catch(() => '');
    // One poll for the whole message: on a first start Vite may reload the page once, and the
    // overlay is shown again when it reconnects.
    await expect
      .poll(overlayText, { timeout: 20_000 })
      .toMatch(
        /3 content problems; fix them and save[\s\S]*broken\.md:4:7 tags: expected a list of strings/,
      );

    await writeFile(join(content, 'articles/broken.md'), FIXED);
    await expect
      .poll(async () => page.locator('vite-error-overlay').count(), { timeout: 20_000 })
      .toBe(0);
    // Once fixed, the article is back in the collection and served.
    await expect
      .poll(async () => (await fetch(`${origin}/articles/broken/`)).status, { timeout: 20_000 })
      .toBe(200);
    expect(await (await fetch(`${origin}/articles/broken/`)).text()).toMatch(
      /<h1[^>]*>Fixed at last<\/h1>/,
    );
    await context.close();
  }, 60_000);
});
