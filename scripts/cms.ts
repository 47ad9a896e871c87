/**
 * `npm run cms`: the editing UI locally. Starts the local editing backend (decap-server, Decap
 * CMS's local backend writing straight into this folder, behind a guard that lets it touch only
 * content/ and the media folder and answers only the editing UI; scripts/lib/cms.ts) and
 * `astro dev`, both on 127.0.0.1, and stops both together. Open http://127.0.0.1:4321/admin/ and
 * choose "Login"; saved articles appear in content/articles/.
 *
 * Environment: KHABAR_CMS_PORT (the backend's port, default from src/site.config.ts),
 * KHABAR_CMS_UI_PORT (the editing UI's port, default 4321).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE } from '../src/site.config.ts';
import { ASTRO_BIN, portIsFree, startEditingBackend, type EditingBackend } from './lib/cms.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.KHABAR_CMS_PORT ?? SITE.cms.localPort);
const uiPort = Number(process.env.KHABAR_CMS_UI_PORT ?? 4321);

let backend: EditingBackend | undefined;
let astro: ChildProcess | undefined;
let stopping = false;

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  astro?.kill('SIGTERM');
  void backend?.close();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// The backend answers only the UI's origin, so the UI must get the port it was promised: astro
// dev would quietly move to the next free one.
if (!(await portIsFree(uiPort))) {
  console.error(
    `Port ${uiPort} on 127.0.0.1 is in use; stop what uses it or set KHABAR_CMS_UI_PORT.`,
  );
  process.exit(1);
}

try {
  backend = await startEditingBackend({
    repo: root,
    port,
    uiOrigins: [`http://127.0.0.1:${uiPort}`, `http://localhost:${uiPort}`],
  });
} catch (error) {
  console.error(
    `The editing backend did not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
if (stopping) {
  await backend.close();
  process.exit();
}
console.log(`Editing backend on ${backend.url} (writes only to content/ and the media folder)`);
backend.decap.on('exit', (code) => stop(code ?? 1));

astro = spawn(
  process.execPath,
  [ASTRO_BIN, 'dev', '--host', '127.0.0.1', '--port', String(uiPort)],
  {
    cwd: root,
    // In the foreground, so stopping this command stops the server too.
    env: { ...process.env, KHABAR_CMS_PORT: String(backend.port), ASTRO_DEV_BACKGROUND: '0' },
    stdio: 'inherit',
  },
);
astro.on('exit', (code) => stop(code ?? 0));
