/**
 * Runs `astro build` in a process of its own, for `startAstroBuild` (./astro-build.ts): the options
 * arrive as JSON in argv[2]; the outcome goes back over IPC as one `AstroChildMessage`.
 */
import type { AstroIntegration } from 'astro';
import type { AstroBuildOptions, AstroChildMessage, AstroMarks } from './astro-build.ts';
import { cachePagesInLiveSite } from './page-cache.ts';

const options = JSON.parse(process.argv[2]!) as AstroBuildOptions;
cachePagesInLiveSite(options.cacheDir, options.liveDir);
const epochNow = () => performance.timeOrigin + performance.now();
// Stage boundaries inside Astro's build: content sync ends before `astro:build:start`, and pages
// are rendered by `astro:build:generated`.
const marks: Partial<AstroMarks> = {};
const timings: AstroIntegration = {
  name: 'khabar-timings',
  hooks: {
    'astro:build:start': () => void (marks.start = epochNow()),
    'astro:build:generated': () => void (marks.generated = epochNow()),
  },
};

const send = (message: AstroChildMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
try {
  const { build } = await import('astro');
  await build({ root: options.root, outDir: options.outDir, cacheDir: options.cacheDir, logLevel: 'warn', integrations: [timings] });
  await send({ ok: true, marks: marks as AstroMarks, peakRssMiB: process.resourceUsage().maxRSS / 1024 });
} catch (error) {
  await send({ ok: false, message: (error as Error).message });
  process.exitCode = 1;
}
process.disconnect();
