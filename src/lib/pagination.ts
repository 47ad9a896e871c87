/** One page of a paginated listing. */
export interface ListingPage<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the listing has. */
  pages: number;
  /** The items on this page. */
  items: T[];
  /** 1-based position of the first item on this page within the whole listing. */
  first: number;
  /** 1-based position of the last item on this page within the whole listing. */
  last: number;
  /** How many items the whole listing has. */
  total: number;
  /** This page's URL. */
  url: string;
  /** The previous page's URL, absent on the first page. */
  prevUrl?: string;
  /** The next page's URL, absent on the last page. */
  nextUrl?: string;
}

/**
 * How a listing names its pages: page 1 is `base` itself, page n is `base + segment + n + '/'`.
 * Tags use an empty segment (`/tags/csto/2/`); the home page and archives use `page/`
 * (`/page/2/`, `/archive/2025/page/2/`) so that page numbers never collide with month folders.
 */
export interface PageScheme {
  /** URL of page 1, ending in `/`. */
  base: string;
  /** What stands between `base` and the page number. */
  segment: '' | 'page/';
}

/** URL of page `n` under `scheme`. */
export function pageUrl(scheme: PageScheme, n: number): string {
  return n === 1 ? scheme.base : `${scheme.base}${scheme.segment}${n}/`;
}

/** The route parameter (relative to `base`) for page `n`: undefined for page 1. */
export function pageParam(scheme: PageScheme, n: number): string | undefined {
  return n === 1 ? undefined : `${scheme.segment}${n}`;
}

/** Where page `number` (1-based, within range) of `total` items in pages of `perPage` starts and ends. */
export function pageBounds(
  total: number,
  perPage: number,
  number: number,
): { pages: number; start: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const start = (number - 1) * perPage;
  const last = Math.min(total, start + perPage);
  return { pages, start, first: last > start ? start + 1 : 0, last };
}

/**
 * Splits `items` into pages of `perPage`. An empty list gives one empty page, so a listing always
 * has its first page; otherwise there is never an empty page and never a page past the last.
 */
export function paginate<T>(
  items: readonly T[],
  perPage: number,
  scheme: PageScheme,
): ListingPage<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  const total = items.length;
  const { pages } = pageBounds(total, perPage, 1);
  return Array.from({ length: pages }, (_, index) => {
    const number = index + 1;
    const { start, first, last } = pageBounds(total, perPage, number);
    return {
      number,
      pages,
      items: items.slice(start, last),
      first,
      last,
      total,
      url: pageUrl(scheme, number),
      prevUrl: number > 1 ? pageUrl(scheme, number - 1) : undefined,
      nextUrl: number < pages ? pageUrl(scheme, number + 1) : undefined,
    };
  });
}

/** The counter above a listing in the words of a language: `Viewing results 1 - 6 of 14`. */
export function resultsCounter(
  page: Pick<ListingPage<unknown>, 'first' | 'last' | 'total'>,
  words: { none: string; range: (first: number, last: number, total: number) => string },
): string {
  if (page.total === 0) return words.none;
  return words.range(page.first, page.last, page.total);
}

/**
 * Page numbers for a pager: always the first and last, the current one and `radius` either side,
 * with `null` where a run of numbers is left out.
 */
export function pagerWindow(current: number, pages: number, radius = 2): Array<number | null> {
  const shown = new Set<number>([1, pages]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  sorted.forEach((n, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && n - prev > 1) out.push(n - prev === 2 ? n - 1 : null);
    out.push(n);
  });
  return out;
}
