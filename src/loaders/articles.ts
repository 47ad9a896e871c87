import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { bodiesDir, bodyFile, openBodies, pruneBodies, STORED_FORMAT, writeBody, writeBodyInBackground } from '../data/bodies.ts';
import { articleSlug } from '../lib/slug.ts';
import { deriveText, firstSentence, formatOf } from '../lib/text.ts';
import type { StoredDerivedText } from '../schemas/article.ts';
import { SITE } from '../site.config.ts';

type DataStore = LoaderContext['store'];
type StoredEntry = Parameters<DataStore['set']>[0];

/**
 * The articles loader: Astro's `glob()` over `**\/*.md(x)`, ids taken from the slug rule, and the
 * excerpt, word count and plain text derived from the body as each entry is stored. Because the
 * glob loader skips files whose digest is unchanged, that work is done once per article and
 * version, never per page that shows it.
 *
 * Markdown is rendered to HTML here, at sync (`deferRender: false`): no article becomes a module
 * for the bundler, which at 1,000 articles halved page rendering time. The HTML and the plain text
 * go to a body file (src/data/bodies.ts) named in `data.derived.bodyFile`, the excerpt to an
 * excerpt file beside it; the store keeps only the frontmatter and counts, so its size, which
 * Astro inlines into the server bundle, stays small.
 *
 * Under `astro dev` an entry whose frontmatter does not validate is left out instead of stopping
 * the server: the content check (src/integrations/content-check.ts) reports it in the terminal
 * and the browser, and the entry comes back when it is fixed. Builds validate before Astro starts.
 */
export function articlesLoader(base: string): Loader {
  const inner = glob({
    pattern: '**/*.{md,mdx}',
    base,
    generateId: ({ entry, data }) => articleSlug(entry, data.slug),
    deferRender: false,
  });
  return {
    name: 'khabar-articles',
    load: async (context) => {
      const dir = bodiesDir(fileURLToPath(context.config.cacheDir), import.meta.env.DEV);
      openBodies(dir);
      const invalid = new WeakSet<object>();
      // Body files of this sync are written in the background and awaited before it ends; those of
      // a single file `astro dev` syncs again later are written at once, before pages read them.
      const writes: Promise<void>[] = [];
      let syncing = true;
      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          return await context.parseData(props);
        } catch (error) {
          if (!import.meta.env.DEV) throw error;
          const left = { ...props.data };
          invalid.add(left);
          return left;
        }
      };
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'set') {
            return (entry: StoredEntry) => {
              if (invalid.has(entry.data)) {
                target.delete(entry.id);
                return false;
              }
              const { plainText, excerpt, wordCount, readingMinutes } = deriveText(entry.body ?? '', formatOf(entry.filePath ?? ''), SITE);
              const file = bodyFile(dir, entry.id, String(entry.digest ?? 'undigested'));
              const derived: StoredDerivedText = { format: STORED_FORMAT, lead: firstSentence(excerpt), wordCount, readingMinutes, bodyFile: file };
              const body = { html: entry.rendered?.html ?? null, plainText };
              if (syncing) writes.push(writeBodyInBackground(file, body, excerpt));
              else writeBody(file, body, excerpt);
              return target.set({ ...entry, body: undefined, rendered: undefined, data: { ...entry.data, derived } });
            };
          }
          if (property === 'get') {
            // An entry whose body file is gone, or that an older layout stored, counts as new, so
            // glob() renders it again.
            return (id: string) => {
              const entry = target.get(id);
              const derived = entry?.data.derived as StoredDerivedText | undefined;
              return derived?.format === STORED_FORMAT && existsSync(derived.bodyFile) ? entry : undefined;
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      try {
        await inner.load({ ...context, store, parseData });
      } finally {
        syncing = false;
        // Every write ends before the sync does, a failed sync's too.
        await Promise.allSettled(writes);
      }
      await Promise.all(writes);
      pruneBodies(dir, context.store.values().map((entry) => (entry.data.derived as StoredDerivedText).bodyFile));
    },
  };
}
