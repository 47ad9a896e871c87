import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Astro's command-line entry point (the package exports no `bin` subpath). */
export const ASTRO_BIN = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');

/**
 * Starts decap-server, Decap CMS's local backend, on 127.0.0.1:`port`, writing files straight
 * into `repo` (its `fs` mode). `npm run cms` and the editing UI's browser test start it this way.
 */
export function startDecapServer(repo: string, port: number, stdio: StdioOptions = 'inherit'): ChildProcess {
  return spawn(process.execPath, [require.resolve('decap-server')], {
    cwd: repo,
    env: { ...process.env, MODE: 'fs', BIND_HOST: '127.0.0.1', PORT: String(port), GIT_REPO_DIRECTORY: repo },
    stdio,
  });
}
