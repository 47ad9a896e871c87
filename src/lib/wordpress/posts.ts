import { decodeHTML } from 'entities';
import { zonedTime } from '../dates.ts';
import { SLUG_PATTERN, toSlug } from '../slug.ts';
import type { WxrItem } from './wxr.ts';

/** What becomes of a post: published (now or later), a draft, or not imported, and why. */
export type PostFate =
  { kind: 'published' | 'scheduled' | 'draft' } | { kind: 'skipped'; reason: string };

/**
 * A post's fate by its status: `publish` is published, `future` published at its later date,
 * `draft`, `pending` and `auto-draft` drafts; private, password-protected and trashed posts are not
 * imported: a public site would publish what WordPress kept from the public.
 */
export function postFate(item: Pick<WxrItem, 'status' | 'password'>): PostFate {
  if (item.password.trim() !== '') return { kind: 'skipped', reason: 'password-protected' };
  switch (item.status) {
    case 'publish':
      return { kind: 'published' };
    case 'future':
      return { kind: 'scheduled' };
    case 'draft':
    case 'pending':
    case 'auto-draft':
    case 'inherit':
      return { kind: 'draft' };
    case 'private':
      return { kind: 'skipped', reason: 'private' };
    case 'trash':
      return { kind: 'skipped', reason: 'in the trash' };
    default:
      return { kind: 'skipped', reason: `status "${item.status}"` };
  }
}

const WORDPRESS_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * A WordPress time as an instant: `gmt` (UTC) when WordPress recorded one, else `local` read in the
 * site's `timeZone`. Drafts never scheduled have `0000-00-00 00:00:00` as their UTC time.
 */
export function wordpressTime(gmt: string, local: string, timeZone: string): Date | undefined {
  const utc = WORDPRESS_TIME.exec(gmt.trim());
  if (utc && utc[1] !== '0000') {
    const [year, month, day, hour, minute, second] = utc.slice(1).map(Number) as number[];
    return new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second));
  }
  const wall = WORDPRESS_TIME.exec(local.trim());
  if (!wall || wall[1] === '0000') return undefined;
  const [year, month, day, hour, minute, second] = wall.slice(1).map(Number) as number[];
  return zonedTime({ year: year!, month: month!, day: day!, hour, minute, second }, timeZone);
}

/** A title as text: markup stripped, entities decoded (`&#8217;` → `’`), white space folded. */
export function titleText(title: string): string {
  return decodeHTML(title.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A title for a post without one: its first words, at most eight, or its id. */
export function titleFromBody(plain: string, id: string): string {
  const words = plain.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return `Untitled post ${id}`;
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}

/**
 * A post's slug: its `wp:post_name` (percent-decoded: WordPress stores `%d0%be…` for Cyrillic), made
 * a Latin slug when it is not one; from the title when it has none (drafts); `post-<id>` last.
 */
export function postSlug(item: Pick<WxrItem, 'slug' | 'id'>, title: string): string {
  let name = item.slug.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    // A stray `%` leaves the name as written.
  }
  if (SLUG_PATTERN.test(name)) return name;
  return toSlug(name) || toSlug(title) || `post-${item.id}`;
}

/** The path of a permalink on its site (`https://site/2019/05/x/` → `/2019/05/x/`), if it has one. */
export function permalinkPath(link: string, siteUrls: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const own = siteUrls.some((site) => {
    try {
      return new URL(site).host === url.host;
    } catch {
      return false;
    }
  });
  if (!own || url.search !== '' || url.pathname === '/' || url.pathname === '') return undefined;
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    // A malformed escape (`%E0%A4%A`) names no file a server would find: left out.
    return undefined;
  }
}
