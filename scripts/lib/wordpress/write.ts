import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PlannedFile } from './plan.ts';
import type { ImportReport } from './report.ts';

/** The import's record of what it wrote, by path under the content folder: each file's SHA-256. */
export const MANIFEST_FILE = '.wordpress-import.json';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function readManifest(contentDir: string): Record<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(join(contentDir, MANIFEST_FILE), 'utf8')) as {
      files?: Record<string, string>;
    };
    return parsed.files ?? {};
  } catch {
    return {};
  }
}

/**
 * Writes the planned files into the content folder. A file that is already as planned is left
 * alone; one that differs from what the last import wrote (edited since, or never the import's)
 * is kept and listed, unless `force`. With `dryRun` nothing is written, and the report says what
 * would have been.
 */
export async function writePlanned(
  contentDir: string,
  files: ReadonlyMap<string, PlannedFile>,
  options: { force: boolean; dryRun: boolean },
  report: ImportReport,
): Promise<void> {
  const manifest = readManifest(contentDir);
  const next: Record<string, string> = { ...manifest };
  for (const path of [...files.keys()].sort()) {
    const file = files.get(path)!;
    const bytes = 'text' in file ? file.text : readFileSync(file.copyOf);
    const hash = sha256(bytes);
    const target = join(contentDir, path);
    if (existsSync(target)) {
      const current = sha256(readFileSync(target));
      if (current === hash) {
        report.unchanged.push(path);
        next[path] = hash;
        continue;
      }
      if (manifest[path] !== current && !options.force) {
        report.kept.push(path);
        continue;
      }
    }
    report.written.push(path);
    next[path] = hash;
    if (options.dryRun) continue;
    await mkdir(dirname(target), { recursive: true });
    if ('text' in file) await writeFile(target, file.text);
    else await copyFile(file.copyOf, target);
  }
  if (options.dryRun) return;
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFile(
    join(contentDir, MANIFEST_FILE),
    `${JSON.stringify({ files: sorted }, null, 1)}\n`,
  );
}
