/**
 * The search page's behaviour in the browser: reads the query and filters from the URL, asks
 * Pagefind, and renders results as the listing pages do. Every piece of result text goes into
 * text nodes, so nothing in a query or an article is ever parsed as HTML.
 */
import { SITE } from '../site.config.ts';
import { pagerWindow, resultsCounter } from '../lib/pagination.ts';
import {
  resultExcerpt,
  filterOptions,
  type FilterCounts,
  isActive,
  mergeShardResults,
  readSearchState,
  resultWindow,
  SEARCH_SHARDS_FILE,
  searchFilters,
  searchHref,
  type SearchShards,
  type SearchState,
} from '../lib/search.ts';

/** The part of Pagefind's browser API this page uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(
    query: string | null,
    options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindResult {
  score: number;
  data(): Promise<ResultData>;
}

interface ResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text, to tell where the excerpt was cut. */
  content: string;
  meta: { title?: string; date?: string; image?: string };
  filters: Record<string, string[] | undefined>;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const NO_SEARCH = readSearchState(new URLSearchParams());

/** A result as listings show an article: section, headline, date, excerpt, tags, thumbnail. */
function teaser(data: ResultData): HTMLLIElement {
  const title = data.meta.title ?? data.url;
  const excerpt = element('p', { className: 'excerpt' });
  for (const part of resultExcerpt(data.excerpt, title, data.content))
    excerpt.append(part.mark ? element('mark', {}, part.text) : part.text);
  const section = data.filters.section?.[0];
  const tags = data.filters.tag ?? [];
  const text = element(
    'div',
    { className: 'teaser-text' },
    ...(section ? [element('p', { className: 'section-label' }, section)] : []),
    element('h2', {}, element('a', { href: data.url }, title)),
    ...(data.meta.date ? [element('p', { className: 'meta' }, data.meta.date)] : []),
    excerpt,
    ...(tags.length > 0
      ? [
          element(
            'div',
            { className: 'tag-links' },
            element(
              'ul',
              {},
              ...tags.map((tag) =>
                element('li', {}, element('a', { href: searchHref({ ...NO_SEARCH, tag }) }, tag)),
              ),
            ),
          ),
        ]
      : []),
  );
  // The headline is the link; the thumbnail adds nothing a screen reader needs.
  const thumbnail = data.meta.image
    ? [
        element(
          'div',
          { className: 'thumbnail' },
          element('img', { src: data.meta.image, alt: '', loading: 'lazy', width: 400 }),
        ),
      ]
    : [];
  return element(
    'li',
    {},
    element(
      'article',
      { className: thumbnail.length > 0 ? 'teaser has-thumbnail' : 'teaser' },
      ...thumbnail,
      text,
    ),
  );
}

// The page's words: those of its edition, the language of its <html>. Read from the config itself:
// the editions' resolver (src/i18n/index.ts) reaches Node-only code.
const ui = (
  SITE.editions.find(({ lang }) => lang === document.documentElement.lang) ?? SITE.editions[0]!
).strings;

/** Starts the search page: fills the form from the URL, searches, and keeps URL and results in step. */
export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('.search-form');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const pager = document.getElementById('search-pager');
  if (!form || !status || !list || !pager) return;

  // One Pagefind bundle per shard of the index, each its own module and instance.
  let indexes: Pagefind[];
  try {
    // The edition's own index: its articles, stemmed in its language.
    const response = await fetch(form.dataset.index ?? SEARCH_SHARDS_FILE);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { shards } = (await response.json()) as SearchShards;
    indexes = await Promise.all(
      shards.map(async (base) => {
        const pagefind = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as Pagefind;
        await pagefind.options({ excerptLength: 30 });
        return pagefind;
      }),
    );
  } catch {
    // Under `npm run dev` there is no index: `npm run build` makes it with the site.
    status.textContent = ui.search.noIndex;
    return;
  }
  let latest = 0;

  const field = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  // Sections and authors are chosen from the values the index holds, counted across the shards.
  const counts = await Promise.all(indexes.map((index) => index.filters()));
  for (const name of ['section', 'author'])
    field(name).append(
      ...filterOptions(counts, name).map(({ value }) => element('option', { value }, value)),
    );

  const pagerLink = (
    state: SearchState,
    n: number,
    label: string,
    extra: Partial<HTMLAnchorElement> = {},
  ) =>
    element('li', {}, element('a', { href: searchHref({ ...state, page: n }), ...extra }, label));

  async function show(state: SearchState): Promise<void> {
    const run = ++latest;
    field('q').value = state.q;
    field('section').value = state.section;
    field('author').value = state.author;
    field('tag').value = state.tag;
    field('year').value = state.year;
    field('sort').value = state.sort;
    if (!isActive(state)) {
      status!.textContent = ui.search.prompt;
      list!.replaceChildren();
      pager!.hidden = true;
      return;
    }
    const sort = state.sort === 'newest' || state.q === '' ? { date: 'desc' as const } : undefined;
    const answers = await Promise.all(
      indexes.map((index) =>
        index.search(state.q === '' ? null : state.q, { filters: searchFilters(state), sort }),
      ),
    );
    if (run !== latest) return;
    const results = mergeShardResults(
      answers.map((answer) => answer?.results ?? []),
      sort !== undefined,
    );
    const slice = resultWindow(results.length, SITE.perPage, state.page);
    const data = await Promise.all(
      results.slice(slice.start, slice.last).map((result) => result.data()),
    );
    if (run !== latest) return;

    status!.textContent =
      slice.total === 0
        ? state.q
          ? ui.search.noResultsFor(state.q)
          : ui.search.noResults
        : resultsCounter(slice, ui.counter);
    list!.replaceChildren(...data.map(teaser));
    const items: HTMLLIElement[] = [];
    if (slice.pages > 1) {
      if (slice.number > 1)
        items.push(pagerLink(state, slice.number - 1, 'Previous', { rel: 'prev' }));
      for (const n of pagerWindow(slice.number, slice.pages)) {
        if (n === null)
          items.push(element('li', { className: 'pager-gap', ariaHidden: 'true' }, '…'));
        else
          items.push(
            pagerLink(state, n, String(n), n === slice.number ? { ariaCurrent: 'page' } : {}),
          );
      }
      if (slice.number < slice.pages)
        items.push(pagerLink(state, slice.number + 1, 'Next', { rel: 'next' }));
    }
    pager!.querySelector('ul')!.replaceChildren(...items);
    pager!.hidden = items.length === 0;
  }

  const go = (state: SearchState) => {
    history.pushState(null, '', searchHref(state));
    void show(state);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({
      ...readSearchState(
        new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
      ),
      page: 1,
    });
  });
  for (const name of ['section', 'author', 'tag', 'year', 'sort'])
    field(name).addEventListener('change', () => form.requestSubmit());
  pager.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    event.preventDefault();
    go(readSearchState(new URL(link.href).searchParams));
    status.scrollIntoView({ block: 'start' });
  });
  window.addEventListener(
    'popstate',
    () => void show(readSearchState(new URLSearchParams(location.search))),
  );
  // Usable only now that it works: a search submitted while the index was loading would have
  // left the page. Its place was kept, so nothing below it moves.
  form.removeAttribute('data-loading');
  await show(readSearchState(new URLSearchParams(location.search)));
}
