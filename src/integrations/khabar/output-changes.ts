import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../../data/files.ts';

/** How a build's output differs from the previous build's. */
export interface OutputChanges {
  /** Files in the output, and of those, HTML pages. */
  files: number;
  pages: number;
  /** Files whose bytes differ from the previous build's, or that it did not have. */
  changed: number;
  /** Of those, HTML pages. */
  pagesChanged: number;
  /** Files the previous build had and this one does not. */
  removed: number;
}

/** Files read at once: enough to hide the reads, few enough for the open-file limit. */
const READ_AHEAD = 64;

/**
 * Compares the output in `outDir` with the previous build's, by a digest of every file kept in
 * `cacheDir` (`khabar-output.json`), and keeps this build's for the next: what a host that uploads
 * only changed files uploads. With no record of a previous build, every file counts as changed.
 */
export async function outputChanges(outDir: string, cacheDir: string): Promise<OutputChanges> {
  const record = join(cacheDir, 'khabar-output.json');
  const before = new Map<string, string>(
    Object.entries(
      JSON.parse(await readFile(record, 'utf8').catch(() => '{}')) as Record<string, string>,
    ),
  );
  const files = await listFiles(outDir);
  const now: Record<string, string> = {};
  let changed = 0;
  let pagesChanged = 0;
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const batch = files.slice(i, i + READ_AHEAD);
    const contents = await Promise.all(batch.map((file) => readFile(join(outDir, file))));
    for (const [j, file] of batch.entries()) {
      const digest = createHash('sha1').update(contents[j]!).digest('base64');
      now[file] = digest;
      if (before.get(file) !== digest) {
        changed += 1;
        if (file.endsWith('.html')) pagesChanged += 1;
      }
    }
  }
  const removed = [...before.keys()].filter((file) => !(file in now)).length;
  await writeFile(`${record}.tmp`, JSON.stringify(now));
  await rename(`${record}.tmp`, record);
  return {
    files: files.length,
    pages: files.filter((file) => file.endsWith('.html')).length,
    changed,
    pagesChanged,
    removed,
  };
}
