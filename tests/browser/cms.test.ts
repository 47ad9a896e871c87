import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDecapServer } from '../../scripts/lib/cms.ts';
import { checkArticle } from '../../src/lib/validate.ts';
import { NOW_EPOCH, newsroomFixture } from '../fixtures/newsroom.ts';
import { BROWSER_SKIP_REASON, launchChromium, openPage } from '../helpers/browser.ts';
import { freePort } from '../helpers/server.ts';
import { buildFixtureSite, listFiles } from '../helpers/site.ts';
import { serveStatic, type StaticHost } from '../helpers/static-host.ts';

/** Starts decap-server as `npm run cms` does, writing into `repo`, and resolves once it listens. */
function listeningDecapServer(repo: string, port: number): Promise<ChildProcess> {
  const child = startDecapServer(repo, port, ['ignore', 'pipe', 'pipe']);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`decap-server did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', () => reject(new Error(`decap-server exited:\n${output}`)));
  });
}

let host: StaticHost;
let browser: Browser;
let decap: ChildProcess;
let repo: string;

const suite = BROWSER_SKIP_REASON ? describe.skip : describe;
const title = BROWSER_SKIP_REASON ? `editing UI (skipped: ${BROWSER_SKIP_REASON})` : 'editing UI';

suite(title, () => {
  beforeAll(async () => {
    const port = await freePort();
    const { out } = await buildFixtureSite('cms', newsroomFixture(), NOW_EPOCH, { KHABAR_CMS_PORT: String(port) });
    // The fixture's working folder stands for the newsroom's repository: content/ beside dist/.
    repo = dirname(out);
    decap = await listeningDecapServer(repo, port);
    host = await serveStatic(out);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    decap?.kill();
  });

  it('creates an article whose Markdown file lands in content/articles/ with valid frontmatter', async () => {
    const before = new Set(await listFiles(join(repo, 'content/articles')));
    const { context, page } = await openPage(browser, host.origin);
    await page.goto('/admin/');
    // On 127.0.0.1 Decap uses the local backend, whose sign-in is a single button.
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: /Article/ }).filter({ hasText: '＋' }).click();
    await page.locator('input[id^="title-field"]').fill('Bishkek hosts a regional water forum');
    await page.locator('input[id^="date-field"]').fill('2026-02-10');
    await page.locator('input[id^="tags-field"]').fill('Water, Kyrgyzstan');
    await page.locator('textarea[id^="summary-field"]').fill('Delegates met to discuss shared rivers.');
    await page.locator('[contenteditable="true"]').click();
    await page.keyboard.type('Delegates from five countries met to discuss shared rivers.');
    await page.getByRole('button', { name: 'Publish' }).first().click();
    await page.getByText('Publish now').click();
    await expect.poll(async () => (await listFiles(join(repo, 'content/articles'))).filter((file) => !before.has(file)), { timeout: 20_000 }).toHaveLength(1);
    await context.close();

    const [created] = (await listFiles(join(repo, 'content/articles'))).filter((file) => !before.has(file));
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
    expect(source.trimEnd().endsWith('Delegates from five countries met to discuss shared rivers.')).toBe(true);
  }, 60_000);
});
