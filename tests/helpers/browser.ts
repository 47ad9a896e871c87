import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_CANDIDATES, CHROMIUM_FLAGS } from '../../scripts/lib/chromium.ts';

export { CHROMIUM };

/**
 * Why the browser tests are skipped, or undefined when they run. In CI they always run: a missing
 * browser there is a failure, not a skip.
 */
export const BROWSER_SKIP_REASON =
  CHROMIUM || process.env.CI
    ? undefined
    : 'Chromium is not installed: sudo apt-get update && sudo apt-get install -y chromium';

/** Starts headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM)
    throw new Error(
      `Chromium not found at ${CHROMIUM_CANDIDATES.filter(Boolean).join(', ')}; install it with apt-get install -y chromium`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** A Content-Security-Policy violation the page reported. */
export interface CspViolation {
  directive: string;
  blocked: string;
  url: string;
}

/** Records every CSP violation the page reports, from before its first script runs. */
export async function watchCsp(page: Page): Promise<() => Promise<CspViolation[]>> {
  await page.addInitScript(() => {
    const seen: CspViolation[] = [];
    (window as unknown as { __csp: CspViolation[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        url: location.pathname,
      }),
    );
  });
  const all: CspViolation[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      all.push({ directive: 'console', blocked: message.text(), url: page.url() });
    }
  });
  return async () => [
    ...all,
    ...(await page.evaluate(() => (window as unknown as { __csp?: CspViolation[] }).__csp ?? [])),
  ];
}

/** A page in a fresh browser context whose relative URLs resolve against `origin`. Close the context when done. */
export async function openPage(
  browser: Browser,
  origin: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: origin, ...options });
  return { context, page: await context.newPage() };
}

let axeSource: Promise<string> | undefined;

/**
 * axe-core's violations on the loaded page, one `rule: targets` line each. The page's context
 * must be opened with `bypassCSP: true`, since the policy rightly refuses the injected script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: await axeSource });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const result = await (window as unknown as { axe: { run: () => Promise<Result> } }).axe.run();
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  });
}
