import type { Redirect } from '../schemas/redirects.ts';
import { articlePath, sectionPath, tagPath, type Prefixed } from './routes.ts';

/** The default edition's paths, at the site's root. */
const ROOT_EDITION: Prefixed = { prefix: '' };
import { decodeURIComponentSafe, isBuildOwned } from './safe-path.ts';
import { escapeXml } from './xml.ts';

/** A redirect an author asked for, with where they asked for it. */
export interface RedirectRequest {
  /** The old slug or path as written. */
  source: string;
  /** Whether a bare slug names an old article, tag or section. */
  kind: 'article' | 'tag' | 'section';
  /** The edition whose old page a bare slug names; the default edition's when absent. */
  edition?: Prefixed;
  /** The live path it should lead to. */
  to: string;
  /** The file that asks for it, and the field (`redirectFrom[1]`, `tags.CSTO.aliases[0]`). */
  file: string;
  field: string;
  /** Registry aliases redirect only where nothing else is: a clash drops them silently. */
  implicit?: boolean;
}

/** A redirect that cannot be written, and why. */
export interface RedirectConflict {
  request: RedirectRequest;
  /** `nowhere` when the target is not a published page; `clash` for every other reason. */
  reason: 'nowhere' | 'clash';
  message: string;
}

/**
 * The old path a redirect source stands for: a slug names a page of the same kind
 * (`old-name` → `/articles/old-name/`), a path is kept, and a path without a file extension
 * gets the trailing slash every page of the site has.
 */
export function redirectPath(
  source: string,
  kind: RedirectRequest['kind'],
  edition: Prefixed = ROOT_EDITION,
): string {
  if (!source.startsWith('/'))
    return { article: articlePath, tag: tagPath, section: sectionPath }[kind](edition, source);
  return source.endsWith('/') || /\.[a-z0-9]+$/i.test(source) ? source : `${source}/`;
}

/** The folders a path's file lies in: `/a/b/` → `/a`, `/a/b`; `/a/b.html` → `/a`. */
function foldersOf(path: string): string[] {
  const folders = path.split('/').slice(1, -1);
  return folders.map((_, i) => `/${folders.slice(0, i + 1).join('/')}`);
}

/**
 * Turns requests into the redirects to write. A request is refused when its old path is a live
 * page, lies inside a folder the build owns, is its own target, points to a page that does not
 * exist, or is claimed by another request with a different target.
 */
export function planRedirects(
  requests: readonly RedirectRequest[],
  live: ReadonlySet<string>,
): { redirects: Redirect[]; conflicts: RedirectConflict[] } {
  const conflicts: RedirectConflict[] = [];
  const accepted = new Map<string, RedirectRequest[]>();
  // Files (paths without a trailing slash) that live pages and other redirects make: a redirect
  // whose page needs a folder of one of these names cannot be written.
  const files = new Set(
    [
      ...live,
      ...requests.map((request) =>
        decodeURIComponentSafe(redirectPath(request.source, request.kind, request.edition)),
      ),
    ].filter((path) => !path.endsWith('/')),
  );
  for (const request of requests) {
    const from = redirectPath(request.source, request.kind, request.edition);
    // The page is written at the decoded path (`%73ammit` is `sammit`): compared as written there.
    const at = decodeURIComponentSafe(from);
    const blocking = foldersOf(at).find((folder) => files.has(folder));
    let message: string | undefined;
    let reason: RedirectConflict['reason'] = 'clash';
    if (at === request.to) message = `redirect from ${from} points to the page itself; remove it`;
    else if (blocking)
      message = `redirect from ${from} needs a folder ${blocking}/, where the site has the file ${blocking}`;
    else if (live.has(at) || live.has(at.replace(/\/index\.html$/, '/')))
      message = `redirect from ${from} collides with a live page at that address`;
    else if (isBuildOwned(from))
      message = `redirect from ${from} is a path the build writes itself`;
    else if (!live.has(request.to)) {
      message = `redirect from ${from} points nowhere: ${request.to} is not a published page`;
      reason = 'nowhere';
    }
    if (message) {
      if (!request.implicit) conflicts.push({ request, reason, message });
      continue;
    }
    accepted.set(at, [...(accepted.get(at) ?? []), request]);
  }
  const redirects: Redirect[] = [];
  for (const [from, claims] of accepted) {
    const explicit = claims.filter((claim) => !claim.implicit);
    const targets = new Set((explicit.length > 0 ? explicit : claims).map((claim) => claim.to));
    if (targets.size > 1) {
      for (const claim of explicit) {
        const others = explicit
          .filter((other) => other.to !== claim.to)
          .map((other) => `${other.to} (${other.file})`);
        conflicts.push({
          request: claim,
          reason: 'clash',
          message: `redirect from ${from} is also claimed for ${others.join(', ')}; keep one`,
        });
      }
      continue;
    }
    redirects.push({ from, to: [...targets][0]! });
  }
  redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { redirects, conflicts };
}

/**
 * The static page left at an old address: an immediate meta refresh, a canonical link to the new
 * address for search engines, `noindex`, and a plain link for anyone whose browser does not follow.
 */
export function redirectPage(
  { to }: Redirect,
  site: {
    url: string;
    lang: string;
    title: string;
    /** The page's words, in the language of the page it leads to. */
    moved?: { title: string; text: string };
  },
): string {
  const moved = site.moved ?? { title: 'Moved', text: 'This page has moved to' };
  const href = escapeXml(to);
  const canonical = escapeXml(new URL(to, site.url).href);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(site.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeXml(moved.title)} | ${escapeXml(site.title)}</title>`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    `<link rel="canonical" href="${canonical}">`,
    '<meta name="robots" content="noindex">',
    '</head>',
    '<body>',
    `<p>${escapeXml(moved.text)} <a href="${href}">${canonical}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page an import leaves for a WordPress shortlink: `/p/<post id>/` for `/?p=<post id>`. */
export const WORDPRESS_SHORTLINK = /^\/p\/\d+\/$/;
