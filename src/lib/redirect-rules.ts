import type { Redirect } from '../schemas/redirects.ts';

/**
 * How the build's redirects reach a host that reads `_redirects` (Netlify, Cloudflare Pages): as
 * few rules as say them all, within the host's limits. Redirects that differ only by a number or
 * by a slug both addresses share (`/2019/05/12/summit/` → `/articles/summit/`) become one
 * pattern rule (`/:n1/:n2/:n3/:slug/ /articles/:slug/ 301`) when enough share it and no page of
 * the site or other redirect could match it; the rest are plain lines.
 */
export interface RedirectRules {
  /** Pattern rules, one line each without the status: `/page/:n1/ /latest/`. */
  patterns: string[];
  /** Redirects written as plain lines. */
  listed: Redirect[];
  /**
   * Redirects no line may carry: past the host's limit of plain lines, or with an old path a host
   * would read as a pattern (a segment starting with `:`, a `*`). Each gets a page of its own.
   */
  pages: Redirect[];
}

/** Fewest redirects one pattern rule must stand for: below this, plain lines read better. */
export const MIN_PATTERN_REDIRECTS = 10;

/** Most numbers of an old path a pattern writes out to stay clear of the site's own pages. */
const MAX_LITERAL_NUMBERS = 2;

/**
 * The pattern a redirect belongs to: its numbers past the first `literal` ones, and a slug both
 * addresses end with, named (`/2019/:n2/:slug/` with one literal).
 */
function patternOf({ from, to }: Redirect, literal: number): { from: string; to: string } {
  const parts = from.split('/');
  let numbers = 0;
  const named = parts.map((part) =>
    /^\d+$/.test(part) && ++numbers > literal ? `:n${numbers}` : part,
  );
  const lastAt = parts.length - (from.endsWith('/') ? 2 : 1);
  const target = to.split('/');
  const targetLastAt = target.length - (to.endsWith('/') ? 2 : 1);
  const last = parts[lastAt];
  if (last && named[lastAt] === last && target[targetLastAt] === last) {
    named[lastAt] = ':slug';
    target[targetLastAt] = ':slug';
  }
  return { from: named.join('/'), to: target.join('/') };
}

/** Whether a host would match `path` to the pattern `from` (a placeholder: any one segment). */
function matches(from: string, path: string): boolean {
  const pattern = from.split('/');
  const parts = path.split('/');
  return (
    pattern.length === parts.length &&
    pattern.every((part, i) => (part.startsWith(':') ? parts[i] !== '' : part === parts[i]))
  );
}

/**
 * Whether a `_redirects` line cannot carry the old path as written: a host would read it as a
 * pattern (`*`, a segment starting with `:`), or white space would split the line.
 */
function unfitForLine(path: string): boolean {
  return (
    path.includes('*') || /\s/u.test(path) || path.split('/').some((part) => part.startsWith(':'))
  );
}

/** A path as a `_redirects` line gives it: percent-encoded, as requests carry it. */
function onTheWire(path: string): string {
  return encodeURI(path);
}

/**
 * The rules for `redirects`, given every path the site serves (`live`): pattern rules where at
 * least {@link MIN_PATTERN_REDIRECTS} share one and nothing else matches it (at most
 * `maxPatterns`, those standing for the most first), plain lines for the rest up to `maxLines`,
 * and pages for what is left.
 */
export function redirectRules(
  redirects: readonly Redirect[],
  live: Iterable<string>,
  limits: { maxLines?: number; maxPatterns?: number } = {},
): RedirectRules {
  const lineable = redirects.filter(({ from }) => !unfitForLine(from));
  const livePaths = [...live];
  type Group = { pattern: { from: string; to: string }; members: Redirect[] };
  const safe = ({ pattern, members }: Group) => {
    const own = new Set(members);
    return (
      !livePaths.some((path) => matches(pattern.from, path)) &&
      !redirects.some((other) => !own.has(other) && matches(pattern.from, other.from))
    );
  };
  // The widest patterns first; a group whose pattern would catch a page or another redirect is
  // tried again with its first number, then its first two, written out (one rule per year).
  const found: Group[] = [];
  let pending = lineable;
  for (let literal = 0; literal <= MAX_LITERAL_NUMBERS && pending.length > 0; literal++) {
    const groups = new Map<string, Group>();
    for (const redirect of pending) {
      const pattern = patternOf(redirect, literal);
      if (!pattern.from.includes(':')) continue;
      const key = `${pattern.from} ${pattern.to}`;
      const group = groups.get(key) ?? { pattern, members: [] };
      group.members.push(redirect);
      groups.set(key, group);
    }
    const kept = [...groups.values()].filter(
      (group) => group.members.length >= MIN_PATTERN_REDIRECTS && safe(group),
    );
    found.push(...kept);
    const taken = new Set(kept.flatMap(({ members }) => members));
    pending = pending.filter((redirect) => !taken.has(redirect));
  }
  const chosen = found
    .sort((a, b) => b.members.length - a.members.length)
    .slice(0, limits.maxPatterns ?? Number.POSITIVE_INFINITY);
  const covered = new Set(chosen.flatMap(({ members }) => members));
  const rest = lineable.filter((redirect) => !covered.has(redirect));
  const maxLines = limits.maxLines ?? Number.POSITIVE_INFINITY;
  return {
    patterns: chosen.map(({ pattern }) => `${pattern.from} ${pattern.to}`),
    listed: rest.slice(0, maxLines),
    pages: [...redirects.filter(({ from }) => unfitForLine(from)), ...rest.slice(maxLines)],
  };
}

/**
 * `_redirects` for Netlify and Cloudflare Pages: the plain lines first (Cloudflare reads them
 * before patterns), then the patterns, every one permanent; paths percent-encoded, as requests
 * carry them (`/caf%C3%A9/`).
 */
export function redirectsFileOf(rules: RedirectRules, shortlinks: boolean): string {
  const lines = [
    ...rules.listed.map(({ from, to }) => `${onTheWire(from)} ${onTheWire(to)} 301`),
    ...rules.patterns.map((pattern) => `${pattern.split(' ').map(onTheWire).join(' ')} 301`),
    // WordPress's shortlinks (`/?p=123`) differ from the front page only by their query, which no
    // file can stand for: where a host matches queries (Netlify), one rule sends them to the
    // `/p/<id>/` page the import left for each post, which redirects on.
    ...(shortlinks ? ['/ p=:id /p/:id/ 301'] : []),
  ];
  return lines.map((line) => `${line}\n`).join('');
}
