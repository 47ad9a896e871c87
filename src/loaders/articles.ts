import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { articleSlug } from '../lib/slug.ts';
import { deriveText, formatOf } from '../lib/text.ts';
import { SITE } from '../site.config.ts';

type DataStore = LoaderContext['store'];
type StoredEntry = Parameters<DataStore['set']>[0];

/**
 * The articles loader: Astro's `glob()` over `**\/*.md(x)`, ids taken from the slug rule, and the
 * plain text, excerpt and word count derived from the body as each entry is stored. Because the
 * glob loader skips files whose digest is unchanged, that work is done once per article and
 * version, never per page that shows it. Bodies are dropped after derivation to keep the store small.
 *
 * Markdown is rendered to HTML here, at sync, and kept in the store (`deferRender: false`): an
 * unchanged article is never rendered again, and no article becomes a module for the bundler,
 * which at 1,000 articles halved page rendering time and cut peak memory by a quarter.
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
    load: (context) => {
      const invalid = new WeakSet<object>();
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
              const derived = deriveText(entry.body ?? '', formatOf(entry.filePath ?? ''), SITE);
              return target.set({ ...entry, body: undefined, data: { ...entry.data, derived } });
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return inner.load({ ...context, store, parseData });
    },
  };
}
