import { isAbsolute, relative, resolve, sep } from 'node:path';
import { EDITIONS } from '../i18n/index.ts';
import { RESERVED_FILES, reservedPrefixes } from './routes.ts';

const RESERVED_PREFIXES = reservedPrefixes(EDITIONS);

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * Why a site path written by an author (a redirect's old address) cannot be used, or undefined
 * when it can: it must start with `/`, and neither as written nor once percent-decoded may it hold
 * a `.` or `..` segment, an empty segment, a backslash or a control character. The rule is the
 * same for check and build, so a path the check accepts is one the writer can place.
 */
export function unsafePathReason(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must start with `/`';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'has a `%` that is not a valid percent-encoding';
  }
  for (const form of [path, decoded]) {
    if (form.includes('\\')) return 'may not contain a backslash';
    if (CONTROL.test(form)) return 'may not contain control characters';
    const segments = form.split('/').slice(1, form.endsWith('/') ? -1 : undefined);
    if (segments.some((segment) => segment === '.' || segment === '..'))
      return 'may not contain `.` or `..` segments';
    if (segments.some((segment) => segment === ''))
      return 'may not contain an empty segment (`//`)';
    // `.htaccess`, `.well-known/`: servers' and hosts' own files, never a page of the site.
    if (segments.some((segment) => segment.startsWith('.')))
      return 'may not contain a segment starting with `.`';
    // `:splat`, `*`: hosts read these in `_redirects` as patterns that catch other addresses.
    if (/[:*]/.test(form)) return 'may not contain `:` or `*`';
    // A space (`%20`, a no-break space…) splits a `_redirects` line into other fields: another
    // status, `!` forcing it over a page, or a rule of its own.
    if (/\s/u.test(form)) return 'may not contain white space (`%20`, a no-break space…)';
    // File systems take names of at most 255 bytes; some hosts fewer.
    if (segments.some((segment) => Buffer.byteLength(segment) > 200))
      return 'may not contain a segment longer than 200 bytes';
  }
  return undefined;
}

/** Whether `path` (a site path) is, or would make a folder of, a file or folder the build writes itself. */
export function isBuildOwned(path: string): boolean {
  const lower = decodeURIComponentSafe(path).toLowerCase();
  // Any `_name` at the root is a host's (`_headers`, `_redirects`, `_worker.js`, `_routes.json`).
  if (/^\/_/.test(lower)) return true;
  // Every file of the sitemap (`sitemap-index.xml`, `sitemap-0.xml`, `sitemap-1.xml`…, the news one).
  if (/^\/sitemap[-\w]*\.xml$/.test(lower)) return true;
  return (
    RESERVED_PREFIXES.some((prefix) => lower.startsWith(prefix) || `${lower}/` === prefix) ||
    RESERVED_FILES.includes(lower.replace(/\/$/, ''))
  );
}

/** `path` percent-decoded, as servers and file systems name it; as written when it does not decode. */
export function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The file a site path is written to inside `outDir`: `/old/` → `old/index.html`, `/old.html` as
 * it is. The second guard behind the content checks.
 * @throws when the path is unsafe, is the build's own, or would resolve outside `outDir`.
 */
export function outputFileOf(outDir: string, path: string): string {
  const reason =
    unsafePathReason(path) ??
    (isBuildOwned(path) ? 'is a path the build writes itself' : undefined);
  if (reason) throw new Error(`refusing to write ${JSON.stringify(path)}: it ${reason}`);
  // Decoded, as servers decode a request's path before they look for the file.
  const segments = decodeURIComponent(path).split('/').filter(Boolean);
  const file = resolve(outDir, ...segments, ...(path.endsWith('/') ? ['index.html'] : []));
  if (file === resolve(outDir) || !within(resolve(outDir), file))
    throw new Error(
      `refusing to write ${JSON.stringify(path)}: it resolves outside the output folder`,
    );
  return file;
}

/** Whether `child` is `parent` or lies inside it (paths compared resolved, as given). */
export function within(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A folder the build must keep clear of: its path, its name in words, and whether inside it is refused too. */
type Guarded = [dir: string, name: string, insideToo: boolean];

/** Why `path` clashes with one of the `guarded` folders (is it, contains it, or sits inside it). */
function placeProblem(path: string, guarded: readonly Guarded[]): string | undefined {
  for (const [dir, name, insideToo] of guarded) {
    if (path === dir) return `it is ${name}`;
    if (within(path, dir)) return `it contains ${name}`;
    if (insideToo && within(dir, path)) return `it is inside ${name}`;
  }
  return undefined;
}

/**
 * Why `outDir` may not receive a build, or undefined when it may: a build replaces its output
 * folder whole, so it may not be, contain or sit inside the content folder or `.git`, nor be or
 * contain the project itself. Paths are compared resolved (pass real paths where links may hide them).
 */
export function outputFolderProblem(
  outDir: string,
  { root, contentDir }: { root: string; contentDir: string },
): string | undefined {
  const out = resolve(outDir);
  const guarded: Guarded[] = [
    [resolve(root), 'the project folder', false],
    [resolve(contentDir), 'the content folder', true],
    [resolve(root, '.git'), "the project's .git folder", true],
  ];
  return placeProblem(out, guarded);
}

/**
 * Why `cacheDir` may not hold the build's cache, or undefined when it may: the build writes and
 * prunes there, so it may not be, contain or sit inside the content folder, `.git`, the project's
 * sources (`src`, `scripts`, `public`) or the output and its versions, nor be or contain the
 * project itself.
 */
export function cacheFolderProblem(
  cacheDir: string,
  { root, contentDir, outDir }: { root: string; contentDir: string; outDir: string },
): string | undefined {
  const cache = resolve(cacheDir);
  const guarded: Guarded[] = [
    [resolve(root), 'the project folder', false],
    [resolve(contentDir), 'the content folder', true],
    [resolve(root, '.git'), "the project's .git folder", true],
    ...['src', 'scripts', 'public'].map((name): Guarded => [
      resolve(root, name),
      `the project's ${name} folder`,
      true,
    ]),
    [resolve(outDir), 'the output folder', true],
    [resolve(`${outDir}.versions`), "the output's versions", true],
  ];
  return placeProblem(cache, guarded);
}
