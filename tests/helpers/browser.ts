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
export async function axeViolations(
  page: Page,
  options: { framed?: boolean } = {},
): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: await axeSource });
  // A document shown in a frame of a page (`framed`) is part of that page's landmarks and
  // headings: it has no main landmark or first heading of its own.
  const skipped = options.framed ? ['landmark-one-main', 'page-has-heading-one'] : [];
  return page.evaluate(async (skipped) => {
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (options: object) => Promise<Result> } }).axe;
    const rules = Object.fromEntries(skipped.map((id) => [id, { enabled: false }]));
    const result = await axe.run({ rules });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  }, skipped);
}
