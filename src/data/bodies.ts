import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * An article body as its page and its JSON show it, kept in a file of its own beside Astro's content
 * store rather than in it: Astro inlines the whole store into the server bundle as one string, which
 * with bodies in it would pass V8's longest string at about 44,000 articles, and costs memory well
 * before that (docs/architecture.md, "Rendered bodies live beside the data store").
 */
export interface StoredBody {
  /** The body rendered to HTML, or `null` for MDX, whose components render with the page. */
  html: string | null;
  /** The body as plain text. */
  plainText: string;
}

/**
 * The folder, inside Astro's cache folder, that holds the bodies; `astro dev` keeps its own, as it
 * keeps its own content store, so a build never prunes a body the dev server still shows.
 */
export function bodiesDir(cacheDir: string, dev: boolean): string {
  return join(cacheDir, dev ? 'khabar-bodies-dev' : 'khabar-bodies');
}

/** The file of one version of an article's body: named by id and content digest, so versions never clash. */
export function bodyFile(dir: string, id: string, digest: string): string {
  return join(dir, `${id}.${digest}.json`);
}

/**
 * The layout of the loader's stored facts (`derivedTextSchema`) and of the body and excerpt files.
 * Raise it when either changes: entries stored under another number are loaded again.
 */
export const STORED_FORMAT = 2;

/** The excerpt file that goes with a body file: the listing excerpt as plain text. */
function excerptFile(bodyFile: string): string {
  return bodyFile.replace(/\.json$/, '.excerpt.txt');
}

/** A file written under a temporary name, then renamed: whole or not at all. */
const partialOf = (file: string) => `${file}.${process.pid}.partial`;

function writeWhole(file: string, text: string): void {
  writeFileSync(partialOf(file), text);
  renameSync(partialOf(file), file);
}

async function writeWholeInBackground(file: string, text: string): Promise<void> {
  await writeFile(partialOf(file), text);
  await rename(partialOf(file), file);
}

/**
 * Writes a body file and its excerpt file, each whole or not at all: a build stopped mid-write (a
 * failed validation stops Astro's process) must not leave a truncated file under a name later
 * builds trust. The excerpt file is written first, since the body file's presence is what marks
 * the entry as stored.
 */
export function writeBody(file: string, body: StoredBody, excerpt: string): void {
  writeWhole(excerptFile(file), excerpt);
  writeWhole(file, JSON.stringify(body));
}

/**
 * `writeBody` on the thread pool, for a content sync, which awaits every write before it ends:
 * the loader's thread goes on parsing the next article meanwhile.
 */
export async function writeBodyInBackground(file: string, body: StoredBody, excerpt: string): Promise<void> {
  await writeWholeInBackground(excerptFile(file), excerpt);
  await writeWholeInBackground(file, JSON.stringify(body));
}

/** @throws Error naming the file when it is missing: the cache folder was cleared in part. */
export function readBody(file: string): StoredBody {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredBody;
  } catch (error) {
    throw new Error(`${file}: the stored article body is missing or unreadable (${(error as Error).message}); delete the cache folder and build again`);
  }
}

/** The listing excerpt stored with the body file `bodyFile`. @throws Error naming the file when it is missing. */
export function readExcerpt(bodyFile: string): string {
  const file = excerptFile(bodyFile);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: the stored excerpt is missing or unreadable (${(error as Error).message}); delete the cache folder and build again`);
  }
}

/** Makes `dir` when it is missing. */
export function openBodies(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** Removes every file in `dir` but the body files in `keep` and their excerpt files: versions no entry refers to any more. */
export function pruneBodies(dir: string, keep: Iterable<string>): void {
  const kept = new Set([...keep].flatMap((file) => [basename(file), basename(excerptFile(file))]));
  for (const name of readdirSync(dir)) {
    if (!kept.has(name)) rmSync(join(dir, name), { force: true });
  }
}
