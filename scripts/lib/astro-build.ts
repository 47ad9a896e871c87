import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where and how `astro build` runs. */
export interface AstroBuildOptions {
  root: string;
  /** Where Astro writes the new site. */
  outDir: string;
  /** The site it replaces, whose pages are the incremental build's cache (./page-cache.ts). */
  liveDir: string;
  cacheDir: string;
}

/** When Astro's stages ended, in epoch milliseconds (`performance.timeOrigin + performance.now()`). */
export interface AstroMarks {
  /** Content sync done, bundling begins (`astro:build:start`). */
  start: number;
  /** Every page written (`astro:build:generated`); the integrations' output follows. */
  generated: number;
}

/** What a finished Astro build reports. */
export interface AstroBuildReport {
  marks: AstroMarks;
  /** Peak resident memory of Astro's process. */
  peakRssMiB: number;
}

/** The one message Astro's process sends before it ends. */
export type AstroChildMessage = ({ ok: true } & AstroBuildReport) | { ok: false; message: string };

/** An `astro build` under way in a process of its own. */
export interface AstroBuild {
  /** Resolves when the build succeeded; rejects with Astro's message when it failed or was stopped. */
  finished: Promise<AstroBuildReport>;
  /** Passes Astro's output, held until now, to this process's stdout and stderr, and all that follows. */
  showOutput(): void;
  /** Ends Astro's process at once and waits for it; its held output is dropped. */
  stop(): Promise<void>;
}

const CHILD = join(import.meta.dirname, 'astro-child.ts');

/**
 * V8 options for Astro's process. Rendering allocates a short-lived string, `Response` and buffer
 * per page; a young generation of 64 MiB semi-spaces instead of 16 collects them less often:
 * page rendering at 20,000 articles took 50–52 s instead of 54–55 s, for 50–100 MiB more at the
 * peak (docs/performance.md).
 */
const ASTRO_NODE_OPTIONS = ['--max-semi-space-size=64'];

/**
 * Starts `astro build` in a child process, so the caller can validate the content at the same
 * time and stop Astro the moment validation fails, and so Astro's memory is returned to the system
 * when it ends, before the search index is built.
 * Astro's output is held back until `showOutput()`: content that fails validation prints only its
 * problems, not Astro's view of the same errors.
 */
export function startAstroBuild(options: AstroBuildOptions): AstroBuild {
  const child = fork(CHILD, [JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    execArgv: [...process.execArgv, ...ASTRO_NODE_OPTIONS],
  });
  const held: [Writable, Buffer][] = [];
  let showing = false;
  const relay = (from: Readable, to: Writable) =>
    from.on('data', (chunk: Buffer) => (showing ? to.write(chunk) : held.push([to, chunk])));
  relay(child.stdout!, process.stdout);
  relay(child.stderr!, process.stderr);

  let message: AstroChildMessage | undefined;
  child.once('message', (received) => (message = received as AstroChildMessage));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const finished = exited.then((code) => {
    if (message?.ok && code === 0) return { marks: message.marks, peakRssMiB: message.peakRssMiB };
    throw new Error(message && !message.ok ? message.message : `Astro's process ended with ${code ?? 'a signal'}`);
  });
  finished.catch(() => undefined);
  return {
    finished,
    showOutput() {
      showing = true;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
    },
    async stop() {
      held.length = 0;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
