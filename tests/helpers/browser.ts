import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, or undefined when it is not installed. Never a downloaded browser. */
export const CHROMIUM = CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));

/**
 * Why the browser tests are skipped, or undefined when they run. In CI they always run: a missing
 * browser there is a failure, not a skip.
 */
export const BROWSER_SKIP_REASON =
  CHROMIUM || process.env.CI ? undefined : 'Chromium is not installed: sudo apt-get update && sudo apt-get install -y chromium';

/** Starts headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(`Chromium not found at ${CANDIDATES.filter(Boolean).join(', ')}; install it with apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
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
      seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, url: location.pathname }),
    );
  });
  const all: CspViolation[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      all.push({ directive: 'console', blocked: message.text(), url: page.url() });
    }
  });
  return async () => [...all, ...(await page.evaluate(() => (window as unknown as { __csp?: CspViolation[] }).__csp ?? []))];
}
