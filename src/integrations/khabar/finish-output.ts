import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles } from '../../data/files.ts';
import { assetReferences } from '../../lib/asset-references.ts';

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
  /** Images in the assets folder that nothing in the output refers to, deleted. */
  unreferencedImages: number;
}

/** Files read at once: enough to hide the reads, few enough for the open-file limit. */
const READ_AHEAD = 64;

/** Files whose text may name an asset: pages, data, styles, scripts, feeds. */
const TEXT = /\.(?:html|json|xml|css|js|mjs|txt|webmanifest|svg|ya?ml|md)$/;

/** Images a build may leave in its assets folder without any page showing them. */
const IMAGE = /\.(?:jpe?g|png|webp|avif|gif|tiff?)$/i;

/**
 * Finishes a built site in `outDir` and says what it changed:
 *
 * 1. Deletes the images in the assets folder (`assets`, Astro's `build.assets`) that no file of
 *    the site refers to. Astro copies a photo's original beside the versions made of it whenever a
 *    page reads its size (withastro/astro#15505); pages show only the versions, so the original
 *    would be dead weight in every deploy. Search fragments (gzipped JSON) are read too.
 * 2. Compares every file with the previous build's, by a digest kept in `cacheDir`
 *    (`khabar-output.json`), and keeps this build's for the next: what a host that uploads only
 *    changed files uploads. With no record of a previous build, every file counts as changed.
 *
 * Returns the counts, and each file's size for the host's limits.
 */
export async function finishOutput(
  outDir: string,
  cacheDir: string,
  assets: string,
): Promise<{ changes: OutputChanges; sizes: Map<string, number> }> {
  const files = await listFiles(outDir);
  const digests = new Map<string, string>();
  const sizes = new Map<string, number>();
  const referenced = new Set<string>();
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const batch = files.slice(i, i + READ_AHEAD);
    const contents = await Promise.all(batch.map((file) => readFile(join(outDir, file))));
    for (const [j, file] of batch.entries()) {
      const bytes = contents[j]!;
      digests.set(file, createHash('sha1').update(bytes).digest('base64'));
      sizes.set(file, bytes.length);
      const text = TEXT.test(file)
        ? bytes.toString('utf8')
        : file.endsWith('.pf_fragment')
          ? gunzipSync(bytes).toString('utf8')
          : undefined;
      if (text !== undefined)
        for (const path of assetReferences(text, assets)) referenced.add(path);
    }
  }
  const unreferenced = files.filter(
    (file) => file.startsWith(`${assets}/`) && IMAGE.test(file) && !referenced.has(file),
  );
  for (const file of unreferenced) {
    await rm(join(outDir, file));
    digests.delete(file);
    sizes.delete(file);
  }

  const record = join(cacheDir, 'khabar-output.json');
  const before = new Map<string, string>(
    Object.entries(
      JSON.parse(await readFile(record, 'utf8').catch(() => '{}')) as Record<string, string>,
    ),
  );
  let changed = 0;
  let pagesChanged = 0;
  for (const [file, digest] of digests) {
    if (before.get(file) === digest) continue;
    changed += 1;
    if (file.endsWith('.html')) pagesChanged += 1;
  }
  const removed = [...before.keys()].filter((file) => !digests.has(file)).length;
  await writeFile(`${record}.tmp`, JSON.stringify(Object.fromEntries(digests)));
  await rename(`${record}.tmp`, record);
  return {
    changes: {
      files: digests.size,
      pages: [...digests.keys()].filter((file) => file.endsWith('.html')).length,
      changed,
      pagesChanged,
      removed,
      unreferencedImages: unreferenced.length,
    },
    sizes,
  };
}
