import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { IMAGE_FILE } from '../lib/body-rules.ts';
import { within } from '../lib/safe-path.ts';
import { AUTHOR_REGISTRY } from '../validation/registry.ts';
import { readNameRegistry } from '../data/registries.ts';
import type { AuthorEntry } from '../schemas/authors.ts';

/**
 * Authors' photos beside `authors.yaml` (a path without a leading `/`), one entry per author slug,
 * passed through `parseData` so the collection's `image()` helper makes them image metadata.
 * Photos under `public/` (a leading `/`) are served as they are and are not entries.
 */
export function portraitsLoader(contentDir: string): Loader {
  return {
    name: 'khabar-portraits',
    load: async ({ store, parseData, config, generateDigest }) => {
      const registryFile = join(contentDir, AUTHOR_REGISTRY.file);
      const root = fileURLToPath(config.root);
      store.clear();
      let registry: ReturnType<typeof readNameRegistry<AuthorEntry>>;
      try {
        registry = readNameRegistry(contentDir, AUTHOR_REGISTRY);
      } catch {
        // An invalid registry is validation's to report, with every other problem, before any
        // page is rendered (as for articles: src/loaders/article-loader.ts).
        return;
      }
      for (const author of registry.entries) {
        if (!author.photo || author.photo.startsWith('/')) continue;
        // Validation reports a photo outside the content folder, or no picture, and stops the build.
        const file = resolve(contentDir, author.photo);
        if (!IMAGE_FILE.test(file) || !within(contentDir, file)) continue;
        // By the photo's path: an author's slug differs between editions, the photo does not.
        const id = author.photo;
        const photo = `./${relative(dirname(registryFile), file).split(sep).join('/')}`;
        let data: Record<string, unknown>;
        try {
          data = await parseData({ id, data: { image: photo }, filePath: registryFile });
        } catch {
          continue;
        }
        store.set({
          id,
          data,
          digest: generateDigest(photo),
          filePath: relative(root, registryFile).split(sep).join('/'),
        });
      }
    },
  };
}
