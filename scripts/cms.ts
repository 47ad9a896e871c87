/**
 * `npm run cms`: the editing UI locally. Starts decap-server (Decap CMS's local backend, writing
 * straight into this folder) and `astro dev`, both bound to 127.0.0.1, and stops both together.
 * Open http://127.0.0.1:4321/admin/ and choose "Login"; saved articles appear in content/articles/.
 *
 * Environment: KHABAR_CMS_PORT (decap-server's port, default from src/site.config.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE } from '../src/site.config.ts';
import { ASTRO_BIN, startDecapServer } from './lib/cms.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.KHABAR_CMS_PORT ?? String(SITE.cms.localPort);
const env = { ...process.env, KHABAR_CMS_PORT: port };

const children: ChildProcess[] = [
  startDecapServer(root, Number(port)),
  spawn(process.execPath, [ASTRO_BIN, 'dev', '--host', '127.0.0.1'], {
    cwd: root,
    // In the foreground, so stopping this command stops the server too.
    env: { ...env, ASTRO_DEV_BACKGROUND: '0' },
    stdio: 'inherit',
  }),
];

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
