/**
 * One page of a paginated listing, its items newest first.
 *
 * Page 1 holds the listing's newest items. The older items fill the other pages counted from the
 * oldest: page 2 holds the oldest, and the page after page 1 in reading order is the highest
 * number. A new item therefore changes page 1 and the newest of the older pages, never the rest:
 * a day's new stories leave almost every listing page as it was (docs/deploy.md).
 */
export interface ListingPage<T> {
  /** 1 for the first page; 2 and up for the older pages, 2 being the oldest. */
  number: number;
  /** The items on this page, newest first. */
  items: T[];
  /** This page's URL. */
  url: string;
  /**
   * On the first page only: its items' 1-based positions from the newest, and the listing's size
   * (`Viewing results 1 - 6 of 14`). Older pages show no totals, which change with every item.
   */
  counter?: { first: number; last: number; total: number };
  /** The page of newer items: absent on the first page. */
  newerUrl?: string;
  /** The page of older items: absent on the oldest. */
  olderUrl?: string;
  /** The first page, from older pages that are not next to it. */
  newestUrl?: string;
  /** The oldest page, from pages that are not next to it. */
  oldestUrl?: string;
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
 * How many items a listing's pages hold: its first page, and each older one (the same, or more
 * on a listing whose first page shows long excerpts and whose older pages show teasers).
 */
export interface PageSizes {
  first: number;
  older: number;
}

/** Page sizes as given: one size for every page, or the first page's and the older pages'. */
function sizesOf(perPage: number | PageSizes): PageSizes {
  return typeof perPage === 'number' ? { first: perPage, older: perPage } : perPage;
}

/** How many pages {@link paginate} makes of `total` items: the first, and the older ones. */
export function pageCount(total: number, perPage: number | PageSizes): number {
  const { first, older } = sizesOf(perPage);
  return 1 + Math.ceil(Math.max(0, total - first) / older);
}

/**
 * Splits `items` (newest first) into pages of at most `perPage` (or the first page's and the
 * older pages' sizes), as {@link ListingPage} numbers them; in the returned order, page 1 first
 * and then older and older. An empty list gives one empty page, so a listing always has its first
 * page; no page is ever empty otherwise.
 */
export function paginate<T>(
  items: readonly T[],
  perPage: number | PageSizes,
  scheme: PageScheme,
): ListingPage<T>[] {
  const sizes = sizesOf(perPage);
  for (const size of [sizes.first, sizes.older])
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`perPage must be a positive integer, got ${size}`);
  const total = items.length;
  const pages = pageCount(total, sizes);
  const older = total - Math.min(total, sizes.first);
  const run = sizes.older;
  const urlOf = (number: number) => pageUrl(scheme, number);
  // Reading order: page 1, then `pages`, `pages - 1` … down to 2, the oldest.
  const order = [1, ...Array.from({ length: pages - 1 }, (_, i) => pages - i)];
  return order.map((number, at) => {
    const newer = order[at - 1];
    const olderPage = order[at + 1];
    const oldest = order.at(-1)!;
    // Page n ≥ 2 holds the older items from the (n - 2)th run of `run` counted from the oldest.
    const [from, to] =
      number === 1
        ? [0, Math.min(total, sizes.first)]
        : [total - Math.min(older, (number - 1) * run), total - (number - 2) * run];
    return {
      number,
      items: items.slice(from, to),
      url: urlOf(number),
      counter: number === 1 ? { first: total > 0 ? 1 : 0, last: to, total } : undefined,
      newerUrl: newer === undefined ? undefined : urlOf(newer),
      olderUrl: olderPage === undefined ? undefined : urlOf(olderPage),
      newestUrl: at > 1 ? urlOf(1) : undefined,
      oldestUrl: at < order.length - 2 ? urlOf(oldest) : undefined,
    };
  });
}

/** The counter above a listing in the words of a language: `Viewing results 1 - 6 of 14`. */
export function resultsCounter(
  page: { first: number; last: number; total: number },
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
