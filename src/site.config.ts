/**
 * The one typed site configuration. Every page, script and test reads its settings from here,
 * so a newsroom changes its name, URL, locale or page size in one place.
 */
export interface SiteConfig {
  /** The publication's name, shown in the masthead and in every `<title>`. */
  readonly title: string;
  /** One sentence about the publication, used where a page has no description of its own. */
  readonly description: string;
  /** A few sentences about the newsroom, for the footer of every page. */
  readonly about: string;
  /** The canonical origin of the deployed site, without a trailing slash. */
  readonly url: string;
  /** BCP 47 language of the pages (`<html lang>`). */
  readonly lang: string;
  /** Locale used to format dates and numbers for readers. */
  readonly locale: string;
  /** IANA time zone in which plain dates are read and the header date is shown. */
  readonly timeZone: string;
  /** How many articles a listing page (home, tag, archive) shows. */
  readonly perPage: number;
  /** How many stories the front page shows in each section's block and in its "Latest" list. */
  readonly frontPage: { readonly perSection: number; readonly latest: number };
  /** How many words of an article's plain text its excerpt keeps. */
  readonly excerptWords: number;
  /** A rates file older than this many days before the build's "now" draws a warning. */
  readonly ratesStaleDays: number;
  /**
   * Most articles in one shard of the search index (`npm run build -- --search-shard-size N` for one
   * build). Pagefind holds a whole shard in memory while indexing it (docs/performance.md).
   */
  readonly searchShardSize: number;
  /** Average reading speed used for reading-time estimates, in words per minute. */
  readonly wordsPerMinute: number;
  /** Articles per page of the JSON API's article list. */
  readonly apiPerPage: number;
  /** Items in each RSS feed. */
  readonly feedItems: number;
  /** Whether feeds carry each article's full text (`content:encoded`), not only its summary. */
  readonly feedFullText: boolean;
  /** Longest `<title>`, in characters; longer headlines are shortened there (never in the page). */
  readonly titleMaxLength: number;
  /** What article bodies may hold; see docs/security.md. */
  readonly content: {
    /**
     * Hosts whose pages a body may embed in an `<iframe>` (video players), over https only; every
     * embed is sandboxed. Empty: no iframes at all.
     */
    readonly embedHosts: readonly string[];
    /**
     * Hosts an article's `image` may be loaded from over https. Photos beside articles are
     * preferred: they are resized and cached; remote ones are shown as they are. Empty: none.
     */
    readonly imageHosts: readonly string[];
    /**
     * Folders under `content/articles/` whose MDX is trusted to run code: `import`, `export` and
     * `{…}` expressions. A trusted file runs on the build machine with its secrets in reach, so
     * list only folders that only trusted people can change. Default: none.
     */
    readonly trustedMdxFolders: readonly string[];
  };
  /** The editing UI at /admin/ (Decap CMS); see docs/cms.md. */
  readonly cms: {
    /** The GitHub repository authors' changes are committed to, as `owner/name`. */
    readonly repo: string;
    /** The branch they are committed to. */
    readonly branch: string;
    /**
     * The OAuth provider that signs authors in to GitHub; Netlify's when unset. Other hosts need
     * their own (e.g. a small OAuth proxy on Cloudflare Workers); see docs/cms.md.
     */
    readonly authBaseUrl?: string;
    /** Port of the local decap-server that `npm run cms` starts on 127.0.0.1. */
    readonly localPort: number;
  };
}

export const SITE: SiteConfig = {
  title: 'Khabar Central Asia',
  description:
    'News and analysis from Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.',
  about:
    'An independent newsroom covering Central Asia and its neighbours from Almaty, Bishkek, Dushanbe and Tashkent. Reporting in English and Russian.',
  url: 'https://khabar.example.org',
  lang: 'en',
  locale: 'en-GB',
  timeZone: 'Asia/Almaty',
  perPage: 6,
  frontPage: { perSection: 4, latest: 10 },
  excerptWords: 500,
  ratesStaleDays: 3,
  searchShardSize: 10_000,
  wordsPerMinute: 220,
  apiPerPage: 100,
  feedItems: 50,
  feedFullText: false,
  titleMaxLength: 70,
  content: {
    embedHosts: ['www.youtube-nocookie.com', 'www.youtube.com', 'player.vimeo.com'],
    imageHosts: ['upload.wikimedia.org'],
    trustedMdxFolders: [],
  },
  cms: { repo: 'khabar-news/khabar', branch: 'main', localPort: 8081 },
};
