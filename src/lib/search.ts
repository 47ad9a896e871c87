import { decodeEntities } from './xml.ts';
import { pageBounds } from './pagination.ts';

/** How search results are ordered. */
export type SearchSort = 'relevance' | 'newest';

/** Everything the search page shows, as it is kept in the page's URL (`?q=…&section=…`). */
export interface SearchState {
  /** The words searched for, trimmed; empty lists everything the filters allow. */
  q: string;
  /** A section's name as article pages show it, or empty for every section. */
  section: string;
  /** An author's name as bylines show it, or empty for every author. */
  author: string;
  /** A tag's display name, or empty for every tag. */
  tag: string;
  /** A four-digit year, or empty for every year. */
  year: string;
  sort: SearchSort;
  /** 1-based page of results. */
  page: number;
}

/** Reads the search state from a URL's query, ignoring anything malformed. */
export function readSearchState(params: URLSearchParams): SearchState {
  const page = Number(params.get('page'));
  const year = params.get('year')?.trim() ?? '';
  return {
    q: params.get('q')?.trim() ?? '',
    section: params.get('section')?.trim() ?? '',
    author: params.get('author')?.trim() ?? '',
    tag: params.get('tag')?.trim() ?? '',
    year: /^\d{4}$/.test(year) ? year : '',
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The search page's URL for a state: only the parts that differ from the defaults. */
export function searchHref(state: SearchState, path = '/search/'): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.section) params.set('section', state.section);
  if (state.author) params.set('author', state.author);
  if (state.tag) params.set('tag', state.tag);
  if (state.year) params.set('year', state.year);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Whether the state asks for anything: words or a filter. */
export function isActive(state: SearchState): boolean {
  return (
    state.q !== '' ||
    state.section !== '' ||
    state.author !== '' ||
    state.tag !== '' ||
    state.year !== ''
  );
}

/**
 * The Pagefind filters of a state. Article pages mark their section link, each byline author link
 * and each tag link as `section`, `author` and `tag` filters, and the article as a `year` one; an
 * article matches when it has every value asked for.
 */
export function searchFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.section) filters.section = state.section;
  if (state.author) filters.author = state.author;
  if (state.tag) filters.tag = state.tag;
  if (state.year) filters.year = state.year;
  return filters;
}

/** Pagefind's filter counts (`pagefind.filters()`): each filter's values with how many pages carry them. */
export type FilterCounts = Record<string, Record<string, number>>;

/**
 * The choices for filter `name` on the search page: every value any shard's index holds, with its
 * pages counted across the shards, sorted by value. Taken from the index itself, each is exactly
 * the text an article page marked, so choosing it always finds those pages.
 */
export function filterOptions(
  perShard: readonly FilterCounts[],
  name: string,
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const shard of perShard)
    for (const [value, count] of Object.entries(shard[name] ?? {}))
      if (value !== '' && count > 0) counts.set(value, (counts.get(value) ?? 0) + count);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around matches) into plain-text runs, so
 * the page can show it with text nodes and `<mark>` elements and never parse it as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last)
      parts.push({ text: decodeEntities(excerpt.slice(last, match.index)), mark: false });
    parts.push({ text: decodeEntities(match[1] ?? ''), mark: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decodeEntities(excerpt.slice(last)), mark: false });
  return parts;
}

/** Which slice of `total` results page `requested` shows, clamped to the pages there are. */
export function resultWindow(
  total: number,
  perPage: number,
  requested: number,
): { number: number; pages: number; start: number; first: number; last: number; total: number } {
  const number = Math.min(Math.max(1, requested), pageBounds(total, perPage, 1).pages);
  return { number, ...pageBounds(total, perPage, number), total };
}

/**
 * The search index is written in shards, each a Pagefind bundle of its own: one indexer holding
 * a large archive runs out of memory (docs/performance.md). A shard holds one period's articles (a
 * year, or part of one), so that a new story changes only the current period's shard and every
 * other is copied from the previous build unchanged. This file, under `/pagefind/`, lists them.
 */
export const SEARCH_SHARDS_FILE = '/pagefind/shards.json';

/** The manifest of an edition's index: {@link SEARCH_SHARDS_FILE} under its prefix (`/ru/pagefind/…`). */
export function searchShardsFile(prefix: string): string {
  return `${prefix}${SEARCH_SHARDS_FILE}`;
}

/** The manifest at {@link SEARCH_SHARDS_FILE}. */
export interface SearchShards {
  /** Each shard's bundle folder, from the site root, newest articles first. */
  shards: string[];
}

/** The bundle folder of the shard named `name` (see {@link periodShards}) of the edition at `prefix`. */
export function searchShardPath(name: string, prefix = ''): string {
  return `${prefix}/pagefind/${name}/`;
}

/** Whether `size` can be a shard's most articles: a whole number above 0. */
export function isShardSize(size: number): boolean {
  return Number.isInteger(size) && size >= 1;
}

/** One shard of the search index: its name (a folder name) and its items, newest first. */
export interface Shard<T> {
  name: string;
  items: T[];
}

/**
 * Splits `items` (newest first, each with its `year`) into shards by year, newest first: `2026-1`
 * holds 2026's articles; a year of more than `size` becomes `2025-1` (its oldest `size`),
 * `2025-2`… counted from its oldest, so new stories fill the year's last shard and leave the
 * others as they were. A site without articles still gets one shard, empty, named `empty`.
 */
export function periodShards<T extends { year: number }>(
  items: readonly T[],
  size: number,
): Shard<T>[] {
  if (!isShardSize(size))
    throw new RangeError(`a search shard holds at least one article, not ${size}`);
  const years: T[][] = [];
  for (const item of items) {
    const last = years.at(-1);
    if (last && last[0]!.year === item.year) last.push(item);
    else years.push([item]);
  }
  const shards: Shard<T>[] = [];
  for (const year of years) {
    const count = Math.ceil(year.length / size);
    // From the newest run down to the oldest, which is numbered 1.
    for (let n = count; n >= 1; n--) {
      const end = year.length - (n - 1) * size;
      shards.push({
        name: `${year[0]!.year}-${n}`,
        items: year.slice(Math.max(0, end - size), end),
      });
    }
  }
  return shards.length > 0 ? shards : [{ name: 'empty', items: [] }];
}

/**
 * One result list from each shard's answer to the same query, in shard order, merged as one index
 * would have answered: by date, the shards already are in order (each holds older articles than the
 * one before), so they follow one another; by relevance, the best score first, shard order breaking
 * ties. (Pagefind's own `mergeIndex` always re-sorts by score, which loses a date sort.)
 */
export function mergeShardResults<T extends { score: number }>(
  perShard: readonly (readonly T[])[],
  byDate: boolean,
): T[] {
  const all = perShard.flat();
  return byDate ? all : all.sort((a, b) => b.score - a.score);
}

/**
 * A result's excerpt as the page shows it: without the headline it repeats when the match is at
 * the top of the article, and with `…` where it was cut from the article's text (`content`).
 */
export function resultExcerpt(excerpt: string, title: string, content: string): ExcerptPart[] {
  const parts = excerptParts(excerpt);
  const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
  // The headline (with the stop Pagefind puts after it) is dropped, wherever the marks fall in it.
  const words = plain(title)
    .split(' ')
    .filter(Boolean)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const repeated =
    words.length > 0 ? new RegExp(`^\\s*${words.join('\\s+')}[\\s.:;,]*`) : undefined;
  const all = parts.map((part) => part.text).join('');
  let drop = repeated?.exec(all)?.[0].length ?? 0;
  for (let i = 0; i < parts.length && drop > 0; i++) {
    const part = parts[i]!;
    const cut = Math.min(drop, part.text.length);
    parts[i] = { ...part, text: part.text.slice(cut) };
    drop -= cut;
  }
  const shown = plain(parts.map((part) => part.text).join(''));
  const text = plain(content);
  const at = shown === '' ? -1 : text.indexOf(shown);
  // The headline, which the text begins with, does not count as text left out.
  const startsText =
    at === 0 || (at > 0 && plain(text.slice(0, at)).replace(/[\s.:;,]+$/, '') === plain(title));
  const endsText = at >= 0 && at + shown.length >= text.length;
  const out = parts.filter((part) => part.text !== '');
  if (at >= 0 && !startsText) out.unshift({ text: '… ', mark: false });
  if (at < 0 || !endsText) out.push({ text: ' …', mark: false });
  return out;
}
