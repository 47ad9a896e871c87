import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { imageMetadata } from 'astro/assets/utils';
import { findUnsafeSvg } from '../lib/svg-rules.ts';
import { normaliseLineBreaks } from '../lib/frontmatter.ts';
import { markdownToMdast } from 'satteri';
import { findUnsafeMarkdown, MARKDOWN_FEATURES } from '../lib/body-rules.ts';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { IMAGE_HEAD_BYTES, imageFileProblem, photoSizeProblem } from '../lib/image-file.ts';
import { fieldLocator, fieldName, type Problem } from '../lib/problems.ts';
import { indexNames, type NamedEntry, type NameRegistry } from '../lib/registry.ts';
import { within } from '../lib/safe-path.ts';
import { localImage } from '../lib/references.ts';
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

/** Where a field of the `i`th entry of authors.yaml stands, as a problem names it. */
function authorFieldLocator(
  registry: SourceFile,
): (i: number, field: string) => Pick<Problem, 'file' | 'line' | 'column' | 'field'> {
  const locate = fieldLocator(normaliseLineBreaks(registry.source));
  const listPath = registryItems(
    parseYamlOrUndefined(registry.source),
    AUTHOR_REGISTRY.spec.key,
  ).path;
  return (i, field) => ({
    file: registry.file,
    ...locate([...listPath, i, field]),
    field: fieldName([...listPath, i, field]),
  });
}

/**
 * Authors' photos (`entries` of `registry`, authors.yaml): a file beside authors.yaml must exist
 * inside the content folder and be a picture (each that is goes into `passed`, to be measured); one
 * under public/ must exist there.
 */
export function checkAuthorPhotos(
  registry: SourceFile | undefined,
  entries: readonly AuthorEntry[],
  contentDir: string,
  publicDir: string,
  passed: Set<string> = new Set(),
): Problem[] {
  if (!registry) return [];
  const fieldAt = authorFieldLocator(registry);
  const problems: Problem[] = [];
  entries.forEach((author, i) => {
    if (!author.photo) return;
    const at = fieldAt(i, 'photo');
    if (author.photo.startsWith('/')) {
      // Read as an article's `image` under public/ is: no climbing out of the folder.
      const image = localImage(author.photo, AUTHOR_REGISTRY.file);
      if (image?.kind !== 'public' || !existsSync(join(publicDir, image.path)))
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
    if (problem) {
      problems.push({ ...at, message: `${author.photo} ${problem}`, severity: 'error' });
      return;
    }
    // A drawing is published as it is: it is held to the rules of SVGs beside articles.
    if (/\.svg$/i.test(path)) {
      for (const unsafe of findUnsafeSvg(readFileSync(path, 'utf8')))
        problems.push({
          ...at,
          message: `${author.photo} line ${unsafe.line}: ${unsafe.message}`,
          severity: 'error',
        });
    }
    passed.add(path);
  });
  return problems;
}

function parseYamlOrUndefined(source: string): unknown {
  try {
    return parseYaml(normaliseLineBreaks(source));
  } catch {
    return undefined;
  }
}

/**
 * A name registry of a content folder, read and checked: indexed, open when its file does not
 * exist, with its problems and the file as problems name it (`shownAs`), for checks that locate
 * fields in it, its per-language values read in `lang` (the default edition's when absent). An invalid file gives an open registry: its names are then not checked against it.
 */
export function loadNameRegistry<E extends NamedEntry>(
  contentDir: string,
  { file: name, spec }: { file: string; spec: NameRegistrySpec<E> },
  shownAs: (path: string) => string = (path) => path,
  lang?: string,
): { registry: NameRegistry<E>; problems: Problem[]; source?: SourceFile } {
  const file = join(contentDir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { registry: indexNames<E>(undefined), problems: [] };
  }
  const source = { file: shownAs(file), source: text };
  const { entries, problems } = checkNameRegistry(source, spec, lang);
  return { registry: indexNames(entries), problems, source };
}

/**
 * Photos the image pipeline cannot take, among `files` (absolute paths of pictures that passed the
 * other checks), each reported at its file: too large to resize, or a drawing with no size. Only the header is read (sharp's metadata); a file whose
 * header cannot be read is left to the image pipeline, which names it.
 */
export async function oversizedPhotos(
  files: Iterable<string>,
  shownAs: (path: string) => string,
): Promise<Problem[]> {
  const { default: sharp } = await import('sharp');
  const measure = async (file: string): Promise<Problem | undefined> => {
    if (/\.svg$/i.test(file)) {
      // The image pipeline needs a drawing's size: width and height, or a viewBox.
      const sized = await imageMetadata(readFileSync(file)).then(
        () => true,
        () => false,
      );
      return sized
        ? undefined
        : {
            file: shownAs(file),
            message: 'the drawing has no size: give the <svg> width and height, or a viewBox',
            severity: 'error',
          };
    }
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

// What a short biography may hold: text, emphasis, links and lists.
const BIO_REFUSED: Record<string, string> = {
  heading: 'a heading (the author page has its own)',
  image: 'an image (the portrait goes in `photo`)',
  imageReference: 'an image (the portrait goes in `photo`)',
  html: 'HTML',
  code: 'a code block',
  table: 'a table',
};

/**
 * Authors' biographies, Markdown that reaches pages and the API: held to the rules of bodies (each
 * change the sanitizer would make is a problem), and to text, emphasis, links and lists, with links
 * to web, mail or site (`/tags/…`) addresses only. Reported at the `bio` line.
 */
export function checkAuthorBios(
  registry: SourceFile | undefined,
  entries: readonly AuthorEntry[],
  imageHosts: readonly string[],
): Problem[] {
  if (!registry) return [];
  const fieldAt = authorFieldLocator(registry);
  const problems: Problem[] = [];
  entries.forEach((author, i) => {
    if (!author.bio) return;
    const at = fieldAt(i, 'bio');
    const found = new Set<string>();
    for (const unsafe of findUnsafeMarkdown(author.bio, { embedHosts: [], imageHosts }))
      found.add(unsafe.message);
    const visit = (node: { type: string; url?: string; children?: unknown[] }): void => {
      const refused = BIO_REFUSED[node.type];
      if (refused) found.add(`a bio may not hold ${refused}`);
      if (
        (node.type === 'link' || node.type === 'definition') &&
        node.url &&
        !/^(https:\/\/|mailto:|\/(?!\/))/i.test(node.url)
      )
        found.add(
          `link ${node.url.slice(0, 60)}: a bio links to https://, mailto: or site (/tags/…) addresses only`,
        );
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(
      markdownToMdast(author.bio, { features: MARKDOWN_FEATURES }) as unknown as { type: string },
    );
    for (const message of found) problems.push({ ...at, message, severity: 'error' });
  });
  return problems;
}
