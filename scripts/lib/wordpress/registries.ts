import { SLUG_PATTERN, toSlug } from '../../../src/lib/slug.ts';
import { tagKey } from '../../../src/lib/tags.ts';
import { decodeHTML } from 'entities';
import type { WxrAuthor, WxrTerm } from '../../../src/lib/wordpress/wxr.ts';
import { decodeURIComponentSafe } from '../../../src/lib/safe-path.ts';
// Term names as the planner files them (`Arts &amp; Culture` → `Arts & Culture`).
import { titleText } from '../../../src/lib/wordpress/posts.ts';
import { authoredYaml } from '../../../src/lib/frontmatter.ts';
import { UNCATEGORIZED } from './plan.ts';

/** A WordPress slug (`%d0%be…` decoded) when it is already a clean slug, else none. */
function cleanSlug(slug: string): string | undefined {
  const decoded = decodeURIComponentSafe(slug);
  return SLUG_PATTERN.test(decoded) ? decoded : undefined;
}

const text = (value: string) => decodeHTML(value).replace(/\s+/g, ' ').trim();

/**
 * Each author's byline name by login: the display name, made unique (two people may share a
 * display name; the second is told apart by login).
 */
export function authorNames(authors: Iterable<WxrAuthor>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const author of authors) {
    let name = text(author.displayName) || author.login;
    if (taken.has(tagKey(name))) name = `${name} (${author.login})`;
    taken.add(tagKey(name));
    names.set(author.login, name);
  }
  return names;
}

/**
 * `content/authors.yaml`: the authors of imported posts, in the export's order, then the logins
 * posts name that the export does not list, by login.
 */
export function authorsYaml(
  authors: readonly WxrAuthor[],
  names: ReadonlyMap<string, string>,
  used: ReadonlySet<string>,
): { text: string; count: number } {
  const slugs = new Set<string>();
  const listed = new Set(authors.map(({ login }) => login));
  const logins = [
    ...authors.map(({ login }) => login).filter((login) => used.has(login)),
    ...[...used].filter((login) => !listed.has(login)).sort(),
  ];
  const entries = logins.map((login) => {
    const slug = toSlug(login);
    const unique = slug !== '' && !slugs.has(slug);
    if (unique) slugs.add(slug);
    return { name: names.get(login) ?? login, ...(unique ? { slug } : {}) };
  });
  return { text: authoredYaml({ authors: entries }), count: entries.length };
}

/**
 * `content/sections.yaml`: the categories that are some post's first, in WordPress's order, each
 * with its slug and description, and its old archive address to redirect.
 */
export function sectionsYaml(
  terms: readonly WxrTerm[],
  used: ReadonlySet<string>,
): { text: string; count: number; redirects: number } {
  const seen = new Set<string>();
  const entries: Record<string, unknown>[] = [];
  for (const term of terms) {
    const name = titleText(term.name);
    if (term.kind !== 'category' || !used.has(name) || seen.has(tagKey(name))) continue;
    seen.add(tagKey(name));
    const slug = cleanSlug(term.slug);
    entries.push({
      name,
      ...(slug ? { slug } : {}),
      ...(text(term.description) ? { description: text(term.description) } : {}),
      ...(term.slug ? { redirectFrom: [`/category/${decodeURIComponentSafe(term.slug)}/`] } : {}),
    });
  }
  if (used.has(UNCATEGORIZED) && !seen.has(tagKey(UNCATEGORIZED)))
    entries.push({ name: UNCATEGORIZED });
  const redirects = entries.filter((entry) => 'redirectFrom' in entry).length;
  return { text: authoredYaml({ sections: entries }), count: entries.length, redirects };
}

/**
 * `content/tags.yaml`: the tags of imported posts and their further categories, each with its
 * WordPress slug and description, its old archive address redirecting to its new page.
 */
export function tagsYaml(
  terms: readonly WxrTerm[],
  used: ReadonlySet<string>,
  sections: ReadonlySet<string>,
): { text: string; count: number; redirects: number } {
  const tags: Record<string, Record<string, unknown>> = {};
  const keys = new Set<string>();
  const slugs = new Set<string>();
  const add = (rawName: string, term?: WxrTerm) => {
    const name = titleText(rawName);
    if (name === '' || keys.has(tagKey(name))) return;
    keys.add(tagKey(name));
    const slug = term ? cleanSlug(term.slug) : undefined;
    const ownSlug = slug && slug !== toSlug(name) && !slugs.has(slug) ? slug : undefined;
    slugs.add(ownSlug ?? toSlug(name));
    // A category that is also a section redirects to the section's page.
    const archive =
      term?.slug && !(term.kind === 'category' && sections.has(titleText(term.name)))
        ? `/${term.kind === 'category' ? 'category' : 'tag'}/${decodeURIComponentSafe(term.slug)}/`
        : undefined;
    tags[name] = {
      ...(ownSlug ? { slug: ownSlug } : {}),
      ...(term && text(term.description) ? { description: text(term.description) } : {}),
      ...(archive ? { redirectFrom: [archive] } : {}),
    };
  };
  // Tags before categories: a name that is both keeps its tag archive's address.
  for (const kind of ['post_tag', 'category'] as const)
    for (const term of terms)
      if (term.kind === kind && used.has(titleText(term.name))) add(term.name, term);
  for (const name of [...used].sort()) add(name);
  const redirects = Object.values(tags).filter((entry) => 'redirectFrom' in entry).length;
  return { text: authoredYaml({ tags }), count: keys.size, redirects };
}
