import { pageBounds } from './pagination.ts';

/** How search results are ordered. */
export type SearchSort = 'relevance' | 'newest';

/** Everything the search page shows, as it is kept in the page's URL (`?q=…&tag=…`). */
export interface SearchState {
  /** The words searched for, trimmed; empty lists everything the filters allow. */
  q: string;
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
  if (state.tag) params.set('tag', state.tag);
  if (state.year) params.set('year', state.year);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Whether the state asks for anything: words or a filter. */
export function isActive(state: SearchState): boolean {
  return state.q !== '' || state.tag !== '' || state.year !== '';
}

/** The Pagefind filters of a state. */
export function searchFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.tag) filters.tag = state.tag;
  if (state.year) filters.year = state.year;
  return filters;
}

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

function decode(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');
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
    if (match.index > last) parts.push({ text: decode(excerpt.slice(last, match.index)), mark: false });
    parts.push({ text: decode(match[1] ?? ''), mark: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), mark: false });
  return parts;
}

/** Which slice of `total` results page `requested` shows, clamped to the pages there are. */
export function resultWindow(total: number, perPage: number, requested: number): { number: number; pages: number; start: number; first: number; last: number; total: number } {
  const number = Math.min(Math.max(1, requested), pageBounds(total, perPage, 1).pages);
  return { number, ...pageBounds(total, perPage, number), total };
}
