import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Previous output folders beside `outDir` (`<out>.old-<pid>`) that a removal never finished, say
 * because the machine stopped: removed along with the next build's.
 */
export async function previousOutputs(outDir: string): Promise<string[]> {
  const prefix = `${basename(outDir)}.old-`;
  const siblings = await readdir(dirname(outDir)).catch(() => []);
  return siblings
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => join(dirname(outDir), name));
}

/**
 * Removes `dirs` in a detached process that outlives this one. The build is complete before they
 * go: they are output folders already swapped out of place.
 */
export function removeInBackground(dirs: readonly string[]): void {
  if (dirs.length === 0) return;
  const script =
    'for (const dir of process.argv.slice(1)) require("node:fs").rmSync(dir, { recursive: true, force: true });';
  spawn(process.execPath, ['-e', script, ...dirs], { detached: true, stdio: 'ignore' }).unref();
}
