/**
 * What `npm run deploy:s3` does to a bucket, decided without touching it: which files to upload
 * and in what order, which objects are already up to date, which to delete, and the headers each
 * upload carries. The command (scripts/deploy-s3.ts) does the I/O; docs/deploy.md explains it.
 */
import { contentTypeOf } from '../content-types.ts';

/** A file of the built site. */
export interface LocalFile {
  /** Its path in the site, `/`-separated, without a leading `/` (`articles/x/index.html`). */
  path: string;
  /** Its size in bytes. */
  size: number;
  /** The MD5 of its content, in lower-case hex. */
  md5: string;
}

/** An object already in the bucket, under the deploy's prefix. */
export interface RemoteObject {
  /** Its key with the prefix taken off: a site path like {@link LocalFile.path}. */
  path: string;
  /** The ETag the listing gave, quotes included or not. */
  etag?: string;
}

/**
 * The upload phases, in order; each one finishes before the next starts. Pages come after what
 * they load (`assets`) and after the search index's entry files, which name the hashed chunks
 * uploaded with the assets (`indexes`); feeds and sitemaps, which list pages, come last.
 */
export const PHASES = ['assets', 'indexes', 'pages', 'feeds'] as const;

/** One of {@link PHASES}. */
export type Phase = (typeof PHASES)[number];

/** A file to upload, with the headers its object gets. */
export interface Upload extends LocalFile {
  /** `new`: no object has its key; `changed`: the object's content differs, or cannot be compared. */
  reason: 'new' | 'changed';
  phase: Phase;
  contentType: string;
  cacheControl: string;
}

/** The whole plan of a deploy. */
export interface DeployPlan {
  /** Files to upload, ordered by {@link PHASES}, then by path. */
  upload: Upload[];
  /** Paths whose object already has the same content, sorted. */
  unchanged: string[];
  /** Paths of objects the site no longer has, to delete after every upload succeeded, sorted. */
  remove: string[];
  /** Host files of the site that object storage does not read ({@link HOST_FILES}), never uploaded. */
  skipped: string[];
}

/**
 * Files at the site's root that only Netlify and Cloudflare Pages read (response headers and
 * redirects rules); object storage would serve them as plain files, so they are not uploaded.
 */
export const HOST_FILES: readonly string[] = ['_headers', '_redirects'];

/** `Cache-Control` of files whose names carry a hash of their content. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** `Cache-Control` of the search index, as public/_headers sets it for Netlify and Cloudflare. */
export const CACHE_SEARCH_INDEX = 'public, max-age=3600';
/** `Cache-Control` of everything else: pages, feeds, the API, photos under fixed names. */
export const CACHE_SHORT = 'public, max-age=300, must-revalidate';

// An edition's prefix is a language tag (`ru/`, `pt-br/`); the default edition has none.
const SEARCH_INDEX = /^(?:[a-z]{2,3}(?:-[a-z0-9]+)*\/)?pagefind\//i;

/**
 * The `Cache-Control` an object gets, from its site path (without the bucket prefix): `_astro/`
 * files (content-hashed names) are immutable for a year, the search index (`pagefind/` and an
 * edition's `<lang>/pagefind/`) is cached for an hour, everything else for five minutes and then
 * revalidated, so a deploy shows within that time.
 */
export function cacheControlOf(path: string): string {
  const clean = path.replace(/^\/+/, '');
  if (clean.startsWith('_astro/')) return CACHE_IMMUTABLE;
  if (SEARCH_INDEX.test(clean)) return CACHE_SEARCH_INDEX;
  return CACHE_SHORT;
}

/** The upload phase of a site path (see {@link PHASES}). */
export function phaseOf(path: string): Phase {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (/\.html?$/.test(name)) return 'pages';
  if (/\.(xml|rss|atom)$/.test(name)) return 'feeds';
  if (SEARCH_INDEX.test(path) && (name === 'pagefind-entry.json' || name === 'shards.json'))
    return 'indexes';
  return 'assets';
}

/**
 * The MD5 hex an ETag stands for, or undefined when the ETag is not a plain MD5: a multipart
 * upload's `<hex>-<parts>`, or anything else that is not 32 hex digits. (An SSE-KMS or SSE-C
 * object's ETag looks like one but is not its MD5; it then never matches, so it counts as changed.)
 */
export function md5OfEtag(etag: string | undefined): string | undefined {
  const bare = etag
    ?.trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  return bare !== undefined && /^[0-9a-f]{32}$/.test(bare) ? bare : undefined;
}

/**
 * A bucket prefix in canonical form: `/`-separated segments without empty ones, no leading or
 * trailing `/` (`/site//v2/` → `site/v2`), or `''` for the bucket's root.
 * @throws when a segment is `.` or `..`, which URLs would resolve away.
 */
export function normalizePrefix(prefix: string | undefined): string {
  const segments = (prefix ?? '').split('/').filter((segment) => segment !== '');
  const bad = segments.find((segment) => segment === '.' || segment === '..');
  if (bad !== undefined) throw new Error(`prefix "${prefix}": a segment may not be "${bad}"`);
  return segments.join('/');
}

/** The object key of site path `path` under a prefix from {@link normalizePrefix}: one `/` between. */
export function objectKey(prefix: string, path: string): string {
  const clean = path.replace(/^\/+/, '');
  return prefix === '' ? clean : `${prefix}/${clean}`;
}

/**
 * The plan that makes the bucket hold exactly `local` (less {@link HOST_FILES}): every file with
 * no object, or whose object's ETag is not its MD5 ({@link md5OfEtag}), is uploaded (all of them
 * with `force`); objects of paths the site no longer has are removed. Folder markers (paths
 * ending in `/`) are neither compared nor removed.
 */
export function planDeploy(
  local: readonly LocalFile[],
  remote: readonly RemoteObject[],
  options: { force?: boolean } = {},
): DeployPlan {
  const remoteMd5 = new Map<string, string | undefined>();
  for (const object of remote)
    if (!object.path.endsWith('/')) remoteMd5.set(object.path, md5OfEtag(object.etag));
  const upload: Upload[] = [];
  const unchanged: string[] = [];
  const skipped: string[] = [];
  const kept = new Set<string>();
  for (const file of local) {
    if (HOST_FILES.includes(file.path)) {
      skipped.push(file.path);
      continue;
    }
    kept.add(file.path);
    const known = remoteMd5.has(file.path);
    if (known && !options.force && remoteMd5.get(file.path) === file.md5.toLowerCase()) {
      unchanged.push(file.path);
      continue;
    }
    upload.push({
      ...file,
      reason: known ? 'changed' : 'new',
      phase: phaseOf(file.path),
      contentType: contentTypeOf(file.path),
      cacheControl: cacheControlOf(file.path),
    });
  }
  const rank = (phase: Phase) => PHASES.indexOf(phase);
  upload.sort((a, b) => rank(a.phase) - rank(b.phase) || compare(a.path, b.path));
  const remove = [...remoteMd5.keys()].filter((path) => !kept.has(path));
  return {
    upload,
    unchanged: unchanged.sort(compare),
    remove: remove.sort(compare),
    skipped: skipped.sort(compare),
  };
}

// One fixed order, whatever the locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
