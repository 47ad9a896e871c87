import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * An article body as its page and its JSON show it, kept in a file of its own beside Astro's content
 * store rather than in it: Astro inlines the whole store into the server bundle as one string, which
 * with bodies in it would pass V8's longest string for a large archive, and costs memory well
 * before that (docs/architecture.md, "Rendered bodies live beside the data store").
 */
export interface StoredBody {
  /** The body rendered to HTML, or `null` for MDX, whose components render with the page. */
  html: string | null;
  /** The body as plain text. */
  plainText: string;
}

/** What a body file was made from: checked on every read, so a file never stands in for another. */
export interface BodyOrigin {
  /** The article's id. */
  id: string;
  /** The digest of the article file it was made from. */
  digest: string;
}

/**
 * The folder, inside Astro's cache folder, that holds the bodies; `astro dev` keeps its own, as it
 * keeps its own content store, so a build never prunes a body the dev server still shows.
 */
export function bodiesDir(cacheDir: string, dev: boolean): string {
  return join(cacheDir, dev ? 'khabar-bodies-dev' : 'khabar-bodies');
}

/**
 * The file of one version of an article's body: named by id and content digest, so versions never
 * clash; an edition's `ru/` becomes `ru~`, keeping every body in one folder.
 */
export function bodyFile(dir: string, id: string, digest: string): string {
  return join(dir, `${id.replaceAll('/', '~')}.${digest}.json`);
}

/**
 * The layout of the loader's stored facts (`derivedTextSchema`) and of the body and excerpt files.
 * Raise it when either changes: entries stored under another number are loaded again.
 */
export const STORED_FORMAT = 4;

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
export function writeBody(
  file: string,
  origin: BodyOrigin,
  body: StoredBody,
  excerpt: string,
): void {
  writeWhole(excerptFile(file), excerptText(origin, excerpt));
  writeWhole(file, bodyText(origin, body));
}

/**
 * `writeBody` on the thread pool, for a content sync, which awaits every write before it ends:
 * the loader's thread goes on parsing the next article meanwhile.
 */
export async function writeBodyInBackground(
  file: string,
  origin: BodyOrigin,
  body: StoredBody,
  excerpt: string,
): Promise<void> {
  await writeWholeInBackground(excerptFile(file), excerptText(origin, excerpt));
  await writeWholeInBackground(file, bodyText(origin, body));
}

// The origin leads each file, so a check reads only its first bytes.
const bodyText = ({ id, digest }: BodyOrigin, body: StoredBody) =>
  JSON.stringify({ id, digest, ...body });
const excerptText = ({ id, digest }: BodyOrigin, excerpt: string) => `${id} ${digest}\n${excerpt}`;
const originPrefix = ({ id, digest }: BodyOrigin) =>
  JSON.stringify({ id, digest }).slice(0, -1) + ',';

/** Whether the body file and its excerpt file both exist and were made from `origin`. */
export function bodyMatches(file: string, origin: BodyOrigin): boolean {
  return (
    startsWith(file, originPrefix(origin)) &&
    startsWith(excerptFile(file), `${origin.id} ${origin.digest}\n`)
  );
}

function startsWith(file: string, prefix: string): boolean {
  const expected = Buffer.from(prefix);
  const head = Buffer.alloc(expected.length);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(expected);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The body made from `origin`.
 * @throws Error naming the file when it is missing, unreadable or made from anything else: a body
 * is never published under another article's name or version.
 */
export function readBody(file: string, origin: BodyOrigin): StoredBody {
  let stored: StoredBody & Partial<BodyOrigin>;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredBody & Partial<BodyOrigin>;
  } catch (error) {
    throw new Error(
      `${file}: the stored article body is missing or unreadable (${(error as Error).message}); delete the cache folder and build again`,
    );
  }
  if (stored.id !== origin.id || stored.digest !== origin.digest) {
    throw new Error(
      `${file}: the stored article body was made from ${stored.id ?? '?'} (${stored.digest ?? '?'}), not ${origin.id} (${origin.digest}); delete the cache folder and build again`,
    );
  }
  return { html: stored.html, plainText: stored.plainText };
}

/** The listing excerpt stored with the body file `bodyFile`. @throws Error naming the file when it is missing or made from anything but `origin`. */
export function readExcerpt(bodyFile: string, origin: BodyOrigin): string {
  const file = excerptFile(bodyFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${file}: the stored excerpt is missing or unreadable (${(error as Error).message}); delete the cache folder and build again`,
    );
  }
  const header = `${origin.id} ${origin.digest}\n`;
  if (!text.startsWith(header))
    throw new Error(
      `${file}: the stored excerpt was not made from ${origin.id} (${origin.digest}); delete the cache folder and build again`,
    );
  return text.slice(header.length);
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
