import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { IMAGE_HEAD_BYTES, imageFileProblem, photoSizeProblem } from '../lib/image-file.ts';
import { fieldLocator, fieldName, type Problem } from '../lib/problems.ts';
import { indexNames, type NamedEntry, type NameRegistry } from '../lib/registry.ts';
import { within } from '../lib/safe-path.ts';
import type { AuthorEntry } from '../schemas/authors.ts';
import { registryItems } from '../schemas/registry-fields.ts';
import type { SourceFile } from './article.ts';
import { AUTHOR_REGISTRY, checkNameRegistry, type NameRegistrySpec } from './registry.ts';

/** Why an image beside the articles cannot be published: outside the articles folder, or not a picture. */
export function relativeImageProblem(path: string, articlesDir: string): string | undefined {
  return photoFileProblem(
    path,
    articlesDir,
    'the articles folder; keep photos beside the articles that show them',
  );
}

/** Why a photo file cannot be published: outside `root` (`where` explains it), or not a picture. */
function photoFileProblem(path: string, root: string, where: string): string | undefined {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  if (!within(realRoot, real)) return `lies outside ${where}`;
  const head = Buffer.alloc(IMAGE_HEAD_BYTES);
  const fd = openSync(real, 'r');
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return imageFileProblem(real, head.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** A name registry file read and checked, its entries `undefined` when it is invalid; `undefined` without the file. */
export async function readNameRegistryFile<E extends NamedEntry>(
  contentDir: string,
  readSource: (path: string) => Promise<SourceFile | undefined>,
  { file, spec }: { file: string; spec: NameRegistrySpec<E> },
): Promise<{ file: string; source: string; entries?: E[]; problems: Problem[] } | undefined> {
  const path = join(contentDir, file);
  if (!existsSync(path)) return undefined;
  const source = await readSource(path);
  if (!source) return undefined;
  const checked = checkNameRegistry(source, spec);
  // An invalid registry is reported on its own; articles' names are then not checked against it.
  return { ...source, ...checked };
}

/**
 * Authors' photos: a file beside authors.yaml must exist inside the content folder and be a
 * picture (each that is goes into `passed`, to be measured); one under public/ must exist.
 */
export function checkAuthorPhotos(
  registry: { file: string; source: string; entries?: AuthorEntry[] } | undefined,
  contentDir: string,
  publicDir: string,
  passed: Set<string> = new Set(),
): Problem[] {
  if (!registry?.entries) return [];
  const locate = fieldLocator(registry.source);
  const problems: Problem[] = [];
  const listPath = registryItems(
    parseYamlOrUndefined(registry.source),
    AUTHOR_REGISTRY.spec.key,
  ).path;
  registry.entries.forEach((author, i) => {
    if (!author.photo) return;
    const at = {
      file: registry.file,
      ...locate([...listPath, i, 'photo']),
      field: fieldName([...listPath, i, 'photo']),
    };
    if (author.photo.startsWith('/')) {
      if (!existsSync(join(publicDir, decodeURI(author.photo))))
        problems.push({
          ...at,
          message: `${author.photo} does not exist in public/`,
          severity: 'error',
        });
      return;
    }
    const path = resolve(contentDir, author.photo);
    if (!existsSync(path)) {
      problems.push({
        ...at,
        message: `${author.photo} does not exist beside ${AUTHOR_REGISTRY.file}`,
        severity: 'error',
      });
      return;
    }
    const problem = photoFileProblem(
      path,
      contentDir,
      'the content folder; keep portraits beside authors.yaml',
    );
    if (problem) problems.push({ ...at, message: `${author.photo} ${problem}`, severity: 'error' });
    else passed.add(path);
  });
  return problems;
}

function parseYamlOrUndefined(source: string): unknown {
  try {
    return parseYaml(source);
  } catch {
    return undefined;
  }
}

/**
 * A name registry of a content folder, read at once: indexed, open when its file does not exist,
 * with the problems that keep its names from being trusted (`npm run check` reports the same).
 * An invalid file gives an open registry: its names are then not checked against it.
 */
export function loadNameRegistry<E extends NamedEntry>(
  contentDir: string,
  { file: name, spec }: { file: string; spec: NameRegistrySpec<E> },
  shownAs: (path: string) => string = (path) => path,
): { registry: NameRegistry<E>; problems: Problem[] } {
  const file = join(contentDir, name);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return { registry: indexNames<E>(undefined), problems: [] };
  }
  const { entries, problems } = checkNameRegistry({ file: shownAs(file), source }, spec);
  return {
    registry: indexNames(entries),
    problems: problems.filter((problem) => problem.severity === 'error'),
  };
}

/**
 * Photos too large to resize, among `files` (absolute paths of pictures that passed the other
 * checks), each reported at its file. Only the header is read (sharp's metadata); a file whose
 * header cannot be read is left to the image pipeline, which names it.
 */
export async function oversizedPhotos(
  files: Iterable<string>,
  shownAs: (path: string) => string,
): Promise<Problem[]> {
  const { default: sharp } = await import('sharp');
  const measure = async (file: string): Promise<Problem | undefined> => {
    if (/\.svg$/i.test(file)) return undefined;
    const metadata = await sharp(file, { limitInputPixels: false })
      .metadata()
      .catch(() => undefined);
    const problem =
      metadata?.width && metadata.height
        ? photoSizeProblem(metadata.width, metadata.height)
        : undefined;
    return problem
      ? { file: shownAs(file), message: `the photo ${problem}`, severity: 'error' }
      : undefined;
  };
  const problems: Problem[] = [];
  const list = [...files];
  // A few at once: headers are small, and thousands of open files exhaust the limit.
  for (let i = 0; i < list.length; i += 32) {
    for (const problem of await Promise.all(list.slice(i, i + 32).map(measure)))
      if (problem) problems.push(problem);
  }
  return problems;
}
