import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditingBackend, type EditingBackend } from '../../scripts/lib/cms.ts';
import { checkArticle } from '../../src/validation/article.ts';
import { NOW_EPOCH, newsroomFixture } from '../fixtures/newsroom.ts';
import { BROWSER_SKIP_REASON, launchChromium, openPage } from '../helpers/browser.ts';
import { freePort } from '../helpers/server.ts';
import { buildFixtureSite, listFiles } from '../helpers/site.ts';
import { serveStatic, type StaticHost } from '../../scripts/lib/static-host.ts';

let host: StaticHost;
let browser: Browser;
let backend: EditingBackend;
let repo: string;
let out: string;

const suite = BROWSER_SKIP_REASON ? describe.skip : describe;
const title = BROWSER_SKIP_REASON ? `editing UI (skipped: ${BROWSER_SKIP_REASON})` : 'editing UI';

suite(title, () => {
  beforeAll(async () => {
    const port = await freePort();
    ({ out } = await buildFixtureSite('cms', newsroomFixture(), NOW_EPOCH, {
      KHABAR_CMS_PORT: String(port),
    }));
    // The fixture's working folder stands for the newsroom's repository: content/ beside dist/.
    repo = dirname(out);
    host = await serveStatic(out);
    // As `npm run cms` starts it: the guard answers only the editing UI's origin.
    backend = await startEditingBackend({ repo, port, uiOrigins: [host.origin], stdio: 'pipe' });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await backend?.close();
  });

  it('creates an article whose Markdown file lands in content/articles/ with valid frontmatter', async () => {
    const before = new Set(await listFiles(join(repo, 'content/articles')));
    const { context, page } = await openPage(browser, host.origin);
    await page.goto('/admin/');
    // On 127.0.0.1 Decap uses the local backend, whose sign-in is a single button.
    await page.getByRole('button', { name: 'Login' }).click();
    await page
      .getByRole('link', { name: /Article/ })
      .filter({ hasText: '＋' })
      .click();
    await page.locator('input[id^="title-field"]').fill('Bishkek hosts a regional water forum');
    await page.locator('input[id^="date-field"]').fill('2026-02-10');
    await page.locator('input[id^="tags-field"]').fill('Water, Kyrgyzstan');
    await page
      .locator('textarea[id^="summary-field"]')
      .fill('Delegates met to discuss shared rivers.');
    await page.locator('[contenteditable="true"]').click();
    await page.keyboard.type('Delegates from five countries met to discuss shared rivers.');
    await page.getByRole('button', { name: 'Publish' }).first().click();
    await page.getByText('Publish now').click();
    await expect
      .poll(
        async () =>
          (await listFiles(join(repo, 'content/articles'))).filter((file) => !before.has(file)),
        { timeout: 20_000 },
      )
      .toHaveLength(1);
    await context.close();

    const [created] = (await listFiles(join(repo, 'content/articles'))).filter(
      (file) => !before.has(file),
    );
    expect(created).toMatch(/^\d{4}\/\d{2}\/bishkek-hosts-a-regional-water-forum\.md$/);
    const source = await readFile(join(repo, 'content/articles', created!), 'utf8');
    const checked = checkArticle({ file: created!, source });
    expect(checked.problems).toEqual([]);
    expect(checked.data).toMatchObject({
      title: 'Bishkek hosts a regional water forum',
      tags: ['Water', 'Kyrgyzstan'],
      summary: 'Delegates met to discuss shared rivers.',
      draft: false,
    });
    expect(checked.data?.date.toISOString()).toBe('2026-02-09T19:00:00.000Z');
    // Empty optional fields are left out, not written as empty strings the schema would refuse.
    expect(source).not.toMatch(/^(author|slug|lang|imageAlt):/m);
    expect(
      source.trimEnd().endsWith('Delegates from five countries met to discuss shared rivers.'),
    ).toBe(true);
  }, 60_000);

  it('serves an uploaded SVG under the _headers policy: opened by its address its script does not run; in a page it still shows', async () => {
    // What an author could upload through the media library: an image that is also a script.
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="8"><rect width="12" height="8"/><script>document.documentElement.setAttribute("data-ran", "yes")</script></svg>';
    await writeFile(join(out, 'images/hostile-upload.svg'), svg);
    const { context, page } = await openPage(browser, host.origin);
    const response = await page.goto('/images/hostile-upload.svg');
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(await page.locator('svg').getAttribute('data-ran')).toBeNull();

    await page.goto('/');
    const width = await page.evaluate(async () => {
      const image = new Image();
      image.src = '/images/hostile-upload.svg';
      await image.decode();
      return image.naturalWidth;
    });
    expect(width).toBe(12);
    await context.close();
  });
});
