import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { cmsConfig } from '../../src/lib/cms-config.ts';
import { startCmsProxy, type CmsProxy } from './cms-proxy.ts';

const require = createRequire(import.meta.url);

/** Astro's command-line entry point (the package exports no `bin` subpath). */
export const ASTRO_BIN = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');

const UPSTREAM_GUARD = new URL('./cms-upstream-guard.ts', import.meta.url).href;

// The media folder as the editing UI's configuration names it, read from there so the two agree.
const MEDIA_FOLDER = cmsConfig(
  { properties: {} },
  {
    repo: '',
    branch: '',
    localPort: 0,
    siteUrl: '',
    contentFolder: 'content',
    tags: { strict: false, names: [] },
  },
).media_folder as string;

/** Repository folders the editing UI may read and write: the content folder and Decap's media folder. */
export const EDITABLE_AREAS: readonly string[] = ['content', MEDIA_FOLDER];

/** Where a child's standard input, output and error go (the IPC channel is added). */
export type Stdio = 'inherit' | 'ignore' | 'pipe';

export interface EditingBackendOptions {
  /** The repository decap-server writes into. */
  repo: string;
  /** Port of the guard on 127.0.0.1 (the editing UI's `local_backend` port); 0 for any free port. */
  port: number;
  /** Origins the editing UI is opened at, e.g. `http://127.0.0.1:4321`. */
  uiOrigins: readonly string[];
  /** Folders the UI may read and write; `EDITABLE_AREAS` by default. */
  areas?: readonly string[];
  /** Largest request body, in bytes (cms-proxy.ts has the default). */
  maxBodyBytes?: number;
  /** decap-server's output; `inherit` by default. */
  stdio?: Stdio;
  /** How long decap-server may take to start listening; 60 s by default. */
  startTimeoutMs?: number;
}

/** The running local editing backend. */
export interface EditingBackend {
  /** The guard's port, and the URL the editing UI posts to. */
  port: number;
  url: string;
  /** decap-server's own port on 127.0.0.1; it refuses every request that does not come through the guard. */
  upstreamPort: number;
  decap: ChildProcess;
  /** Stops the guard and decap-server. */
  close(): Promise<void>;
}

/** The last few kilobytes a piped child wrote, for the error when it fails to start. */
function tail(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4096));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => (output ? `:\n${output}` : '');
}

/** Waits for decap-server to report its port (cms-upstream-guard.ts), failing if it exits or takes longer than `timeoutMs`. */
function reportedPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  const output = tail(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        finish(new Error(`decap-server did not start listening within ${timeoutMs} ms${output()}`)),
      timeoutMs,
    );
    const onMessage = (message: unknown) => {
      const port = (message as { decapServerPort?: unknown } | null)?.decapServerPort;
      if (typeof port === 'number') finish(port);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(new Error(`decap-server exited (${signal ?? code}) before listening${output()}`));
    function finish(result: number | Error): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (typeof result === 'number') resolve(result);
      else reject(result);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts the local editing backend: decap-server (Decap CMS's local backend, `fs` mode, writing
 * into `repo`) on a loopback port that answers only the guard, and the guard (cms-proxy.ts) on
 * 127.0.0.1:`port`, which refuses foreign Hosts and Origins and any path outside `areas`.
 * Resolves once both listen. `npm run cms` and the editing UI's tests start it this way.
 */
export async function startEditingBackend(options: EditingBackendOptions): Promise<EditingBackend> {
  const token = randomBytes(32).toString('hex');
  const stdio = options.stdio ?? 'inherit';
  const decap = spawn(
    process.execPath,
    ['--import', UPSTREAM_GUARD, require.resolve('decap-server')],
    {
      cwd: options.repo,
      env: {
        ...process.env,
        MODE: 'fs',
        BIND_HOST: '127.0.0.1',
        PORT: '0',
        GIT_REPO_DIRECTORY: options.repo,
        KHABAR_CMS_UPSTREAM_TOKEN: token,
        // Its own "listening on 127.0.0.1:0" would mislead; errors still show.
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: [stdio, stdio, stdio, 'ipc'],
    },
  );
  try {
    const upstreamPort = await reportedPort(decap, options.startTimeoutMs ?? 60_000);
    decap.disconnect();
    const proxy: CmsProxy = await startCmsProxy({
      repo: options.repo,
      areas: options.areas ?? EDITABLE_AREAS,
      port: options.port,
      upstream: { port: upstreamPort, token },
      uiOrigins: options.uiOrigins,
      ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    });
    return {
      port: proxy.port,
      url: proxy.url,
      upstreamPort,
      decap,
      close: async () => {
        await proxy.close();
        await stopChild(decap);
      },
    };
  } catch (error) {
    await stopChild(decap);
    throw error;
  }
}

/** Whether nothing listens on 127.0.0.1:`port` right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
