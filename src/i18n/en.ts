/**
 * The interface in English: every string a reader sees that is not content, in one place. An
 * edition in another language gives the same keys (issue 20); texts with values are functions.
 */
export const en = {
  /** The masthead's navigation. */
  nav: {
    label: 'Site',
    front: 'Front page',
    latest: 'Latest',
    tags: 'Tags',
    authors: 'Authors',
    archive: 'Archive',
    search: 'Search',
  },
  skipLink: 'Skip to content',
  /** This edition's name in its own language, for the switch between editions. */
  editionName: 'English',
  /** The switch between editions in the masthead. */
  editionsLabel: 'Editions',
  /** An article's links to its versions in other editions; `lang` is the other edition's. */
  translations: {
    label: 'This story in other languages',
    readIn: (lang: string) =>
      `Read in ${new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang}`,
  },
  /** The counter above every listing: `Viewing results 1 - 6 of 14`, as the seeds show it. */
  counter: {
    none: 'No results',
    range: (first: number, last: number, total: number) =>
      `Viewing results ${first} - ${last} of ${total}`,
    /** Above a listing's older pages, which show no totals: the dates of their stories. */
    between: (from: string, to: string) =>
      from === to ? `Stories of ${from}` : `Stories from ${from} to ${to}`,
  },
  /** The pager under listings: the search's numbered pages, the listings' older and newer pages. */
  pager: {
    label: 'Pages',
    previous: 'Previous',
    next: 'Next',
    newest: 'Newest',
    newer: 'Newer stories',
    older: 'Older stories',
    oldest: 'Oldest',
  },
  /** How listing titles name their older pages: by the dates of their stories. */
  pageOf: (title: string, from: string, to: string) =>
    from === to ? `${title} (${from})` : `${title} (${from} – ${to})`,
  /** A byline's words: "By A, B and C"; `by` is given how many authors follow. */
  byline: { by: (_authors: number) => 'By', comma: ', ', and: ' and ' },
  tagsLabel: 'Tags:',
  updated: 'Updated',
  readingTime: (minutes: number) => `${minutes} min read`,
  photoCredit: (credit: string) => `Photo: ${credit}`,
  corrections: { heading: 'Corrections', one: 'Correction' },
  related: 'Related stories',
  aboutAuthor: (name: string) => `About ${name}`,
  /** The ticker's labels. */
  ticker: {
    heading: (base: string) => `Currency rates against ${base}`,
    pause: 'Pause rates',
    asOf: 'Rates as of',
  },
  /** The titles of the frames in which every page shows the day's documents (`/today/`). */
  include: {
    today: 'Today’s date and currency rates',
    latest: 'Latest headlines',
  },
  /** The front page and the lists of headlines. */
  front: {
    latest: 'Latest',
    allLatest: 'All the latest stories',
    moreFrom: (section: string) => `More from ${section}`,
    empty: 'No stories yet.',
  },
  /** The side column beside listings and articles. */
  side: {
    sections: 'All sections',
  },
  /** The footer of every page. */
  footer: {
    more: 'Follow and reuse',
    feed: 'RSS feed',
    api: 'JSON API',
    authors: 'Authors',
    archive: 'Archive',
    rates: 'Currency rates',
    ratesText: (base: string) =>
      `Official rates against the ${base}, shown at the top of every page,`,
    ratesFrom: (sources: readonly string[]) => `from the ${sources.join(' and the ')}.`,
  },
  /** Listings' headings and descriptions. */
  listings: {
    latest: 'Latest news',
    latestDescription: (site: string) => `Every story on ${site}, newest first.`,
    tag: (name: string) => `Articles tagged ${name}.`,
    author: (name: string) => `Articles by ${name}.`,
    authorWithRole: (name: string, role: string, site: string) =>
      `${name}, ${role}: articles on ${site}.`,
    section: (name: string) => `Articles in ${name}.`,
    /** A year's or a month's archive description: `Articles published in February 2026.` */
    published: (year: number, month?: number) =>
      `Articles published in ${month === undefined ? year : `${new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)))} ${year}`}.`,
  },
  /** The index pages. */
  indexes: {
    tags: 'Tags',
    tagsDescription: 'Every topic we cover, with the number of articles on each.',
    authors: 'Authors',
    authorsDescription: 'Our reporters and contributors, with the number of articles by each.',
    sections: 'Sections',
    sectionsDescription: 'Every section of the site, with the number of articles in each.',
    archive: 'Archive',
    archiveDescription: 'Every article we have published, by year and month.',
    /** A year's or a month's archive heading: `Archive: 2026`, `Archive: February 2026`. */
    archivePeriod: (period: string) => `Archive: ${period}`,
  },
  /** The search page's form and messages. */
  search: {
    title: 'Search',
    description: 'Search every article by words, section, author, tag and year.',
    noScript:
      'Search runs in your browser and needs JavaScript. You can still browse every article by',
    noScriptTag: 'tag',
    noScriptOr: 'or in the',
    noScriptArchive: 'archive',
    form: 'Articles',
    words: 'Words',
    section: 'Section',
    allSections: 'All sections',
    author: 'Author',
    allAuthors: 'All authors',
    tag: 'Tag',
    allTags: 'All tags',
    year: 'Year',
    allYears: 'All years',
    order: 'Order',
    relevance: 'Best match',
    newest: 'Newest first',
    submit: 'Search',
    prompt: 'Type words to search for, or choose a section, an author, a tag or a year.',
    noResultsFor: (query: string) => `No results for “${query}”.`,
    noResults: 'No results.',
    noIndex:
      'The search index could not be loaded. It is made by `npm run build`, so `npm run dev` has none: build the site and preview it to search.',
  },
  /** The page left at an old address, leading to the new one. */
  moved: { title: 'Moved', text: 'This page has moved to' },
  /** The page for an address that does not exist. */
  notFound: {
    title: 'Page not found',
    text: 'We could not find that page. It may have moved, or the address may be mistyped.',
    search: 'Search the site',
    searchButton: 'Search',
    sections: 'Browse a section',
  },
};

/** Every interface string of one language. */
export type UiStrings = typeof en;
