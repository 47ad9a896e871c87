import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { hostWarnings, measureOutput, type Host, type OutputStats } from '../../lib/hosts.ts';

/**
 * Measures the built site in `outDir` against `host`'s limits (`src/lib/hosts.ts`): its warnings,
 * one per limit passed, with the figures; none when the site fits.
 */
export async function checkHost(
  outDir: string,
  host: Host,
  redirects: Pick<OutputStats, 'staticRedirects' | 'dynamicRedirects'>,
): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return {
          path: relative(outDir, path).split(sep).join('/'),
          bytes: (await stat(path)).size,
        };
      }),
  );
  return hostWarnings(host, { ...measureOutput(files), ...redirects });
}
