import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  bodiesDir,
  bodyFile,
  bodyMatches,
  openBodies,
  pruneBodies,
  STORED_FORMAT,
  writeBody,
  writeBodyInBackground,
} from '../data/bodies.ts';
import { articlesFolder, listContentFiles } from '../data/content-files.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { IMAGE_FILE, MAX_NESTING, nestingDepth } from '../lib/body-rules.ts';
import { within } from '../lib/safe-path.ts';
import { bodyPolicyDigest, sanitizeBodyHtml } from '../lib/safe-html.ts';
import { articlePhotoPaths } from '../lib/photos.ts';
import { placeArticle } from '../lib/editions.ts';
import { EDITIONS } from '../i18n/index.ts';
import { deriveText, firstSentence, formatOf } from '../lib/text.ts';
import type { StoredDerivedText } from '../schemas/article.ts';
import { SITE } from '../site.config.ts';

// Articles rendered at once: enough to keep the thread busy while body files are written.
const BATCH = 32;

// Astro's renderMarkdown looks for frontmatter again at the start of what it is given; a body that
// opens with a thematic break (`---`) would lose its first lines to it. A comment line first
// leaves nothing for it to find and renders as nothing a reader sees.
const FRONTMATTER_LOOKALIKE = /^\s*(?:---|\+\+\+)/;

/**
 * The articles loader, on Astro's public loader API: it reads the one file list validation reads
 * (`listContentFiles`), splits each file with the one frontmatter reader (`splitFrontmatter`,
 * YAML only), and stores entries with `store.set`. Markdown is rendered here with Astro's
 * `renderMarkdown` and sanitized (`sanitizeBodyHtml`); MDX is stored for deferred rendering, its
 * code refused by the compiler's guard (src/markdown/mdx-guard.ts).
 *
 * Each entry's digest is that of its file, so an unchanged file is not read into the store again.
 * The rendered HTML and plain text go to a body file (src/data/bodies.ts) named in
 * `data.derived.bodyFile`; the store keeps only the frontmatter and counts, so its size, which
 * Astro inlines into the server bundle, stays small.
 *
 * A file whose frontmatter does not validate is left out instead of stopping the sync: in a build,
 * Khabar's validation (same file list, reader and schema) reports it with every other problem and
 * stops the build before any page is rendered; under `astro dev` the content check
 * (src/integrations/content-check.ts) shows it, and the server keeps running.
 */
export function articlesLoader(contentDir: string): Loader {
  const articlesDir = articlesFolder(contentDir);
  const policy = { embedHosts: SITE.content.embedHosts };
  // Stored bodies were sanitized under a policy: a body stored under another is made again.
  const policyDigest = bodyPolicyDigest(policy);

  async function sync(context: LoaderContext): Promise<void> {
    const { store, config } = context;
    const dev = import.meta.env.DEV;
    const dir = bodiesDir(fileURLToPath(config.cacheDir), dev);
    openBodies(dir);
    const root = fileURLToPath(config.root);
    const seen = new Set<string>();
    const writes: Promise<void>[] = [];

    const load = async (path: string): Promise<void> => {
      const source = readFileSync(path, 'utf8');
      const filePath = relative(root, path).split(sep).join('/');
      const split = splitFrontmatter(source);
      const id = placeArticle(relative(articlesDir, path), split.data, EDITIONS).key;
      seen.add(id);
      const digest = context.generateDigest(source);
      const stored = store.get(id);
      const derivedBefore = stored?.data.derived as StoredDerivedText | undefined;
      // Kept only when its body file is there and was made from this very file: a body file
      // replaced by another (another article's, an older version's) is made again, never published.
      if (
        stored?.digest === digest &&
        stored.filePath === filePath &&
        derivedBefore?.format === STORED_FORMAT &&
        derivedBefore.policy === policyDigest &&
        bodyMatches(derivedBefore.bodyFile, { id, digest })
      ) {
        if (stored.deferredRender) store.addModuleImport(filePath);
        return;
      }
      // Content problems (frontmatter, schema, nesting too deep to render) are left out: validation,
      // with the same file list, reader, schema and rules, reports them and stops the build before
      // any page is rendered; under `astro dev` the content check shows them. Anything else is a
      // fault of the build's, and stops it, naming the file.
      let data: Record<string, unknown>;
      try {
        if (split.problems.length > 0 || nestingDepth(split.body) > MAX_NESTING) throw new Error();
        // Photos beside the article go through the collection's image() helper (content.config.ts).
        const photos = articlePhotoPaths(
          split.data.image,
          split.body,
          formatOf(path),
          (photo) => IMAGE_FILE.test(photo) && within(articlesDir, resolve(dirname(path), photo)),
        );
        data = await context.parseData({
          id,
          data: photos ? { ...split.data, photos } : split.data,
          filePath: path,
        });
      } catch {
        store.delete(id);
        return;
      }
      try {
        await storeEntry(id, path, filePath, split, digest, data);
      } catch (error) {
        if (dev) {
          store.delete(id);
          return;
        }
        throw new Error(`${filePath}: ${(error as Error).message}`, { cause: error });
      }
    };

    const storeEntry = async (
      id: string,
      path: string,
      filePath: string,
      split: ReturnType<typeof splitFrontmatter>,
      digest: string,
      data: Record<string, unknown>,
    ): Promise<void> => {
      const format = formatOf(path);
      let html: string | null = null;
      if (format === 'md') {
        const markdown = FRONTMATTER_LOOKALIKE.test(split.body)
          ? `<!-- -->\n${split.body}`
          : split.body;
        const rendered = await context.renderMarkdown(markdown, { fileURL: pathToFileURL(path) });
        html = sanitizeBodyHtml(rendered.html, policy);
      }
      const { plainText, excerpt, wordCount, readingMinutes } = deriveText(
        split.body,
        format,
        SITE,
      );
      const file = bodyFile(dir, id, digest);
      const derived: StoredDerivedText = {
        format: STORED_FORMAT,
        policy: policyDigest,
        lead: firstSentence(excerpt),
        wordCount,
        readingMinutes,
        bodyFile: file,
      };
      if (dev) writeBody(file, { id, digest }, { html, plainText }, excerpt);
      else writes.push(writeBodyInBackground(file, { id, digest }, { html, plainText }, excerpt));
      store.set({
        id,
        data: { ...data, derived },
        filePath,
        digest,
        ...(format === 'mdx' ? { deferredRender: true } : {}),
      });
    };

    try {
      const { articles } = listContentFiles(contentDir);
      for (let i = 0; i < articles.length; i += BATCH) {
        await Promise.all(articles.slice(i, i + BATCH).map(load));
        // A few batches of writes in flight at most: tens of thousands exhaust the open-file limit.
        if (writes.length >= 4 * BATCH) await Promise.all(writes.splice(0));
      }
    } finally {
      // Every write ends before the sync does, a failed sync's too.
      await Promise.allSettled(writes);
    }
    await Promise.all(writes);
    for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    pruneBodies(
      dir,
      store.values().map((entry) => (entry.data.derived as StoredDerivedText).bodyFile),
    );
  }

  return {
    name: 'khabar-articles',
    load: async (context) => {
      await sync(context);
      // Under `astro dev`: any change in the articles folder syncs again; unchanged files are skipped by digest.
      let queued = Promise.resolve();
      context.watcher?.on('all', (_event, path) => {
        if (!path.startsWith(articlesDir + sep)) return;
        queued = queued
          .then(() => sync(context))
          .catch((error: unknown) => context.logger.error((error as Error).message));
      });
    },
  };
}
