import { existsSync } from 'node:fs';

/** Where Debian's Chromium may be, `CHROMIUM_PATH` first. */
export const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];

/** Debian's Chromium, or undefined when it is not installed. Never a downloaded browser. */
export const CHROMIUM = CHROMIUM_CANDIDATES.find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);

/**
 * The flags headless Chromium needs on these machines: no sandbox (run as root), and none of the
 * background connections this closed network refuses.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
