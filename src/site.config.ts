import type { UiStrings } from './i18n/en.ts';
import type { HostName } from './lib/hosts.ts';
import { en } from './i18n/en.ts';
import { ru } from './i18n/ru.ts';

/**
 * One edition of the site: the pages of one language. Adding an edition is a strings file in
 * `src/i18n/` and one entry in {@link SiteConfig.editions}; see docs/editions.md.
 */
export interface EditionConfig {
  /**
   * BCP 47 language of the edition's pages (`<html lang>`, search stemming, feeds). Every edition
   * but the default lives under it as a URL prefix: `/ru/`, `/ru/tags/odkb/`.
   */
  readonly lang: string;
  /** Locale used to format the edition's dates and numbers (`ru-RU`: `12 февраля 2026`, `0,01144`). */
  readonly locale: string;
  /** The edition's interface strings (`src/i18n/<lang>.ts`), every key of the English file. */
  readonly strings: UiStrings;
  /** IANA time zone of the edition's reader-facing dates; the site's `timeZone` when absent. */
  readonly timeZone?: string;
  /** The publication's name in this edition; the site's `title` when absent. */
  readonly title?: string;
  /** The edition's one-sentence description; the site's when absent. */
  readonly description?: string;
  /** The edition's few sentences about the newsroom; the site's when absent. */
  readonly about?: string;
}

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
  /**
   * Where the site is published: the build warns, with figures, when its output passes the host's
   * documented limits, and writes redirects as the host serves them (pages of their own where it
   * ignores `_redirects`). See docs/deploy.md.
   */
  readonly host: HostName;
  /**
   * The site's editions, one per language. The default keeps the site's root (`/`, `/tags/…`);
   * every other lives under its language (`/ru/`).
   */
  readonly editions: readonly EditionConfig[];
  /** The `lang` of the default edition, at the root of the site. */
  readonly defaultEdition: string;
  /** IANA time zone in which articles' plain dates are read and the header date is shown. */
  readonly timeZone: string;
  /** How many articles a tag page shows, each with its excerpt (`Viewing results 1 - 6 of 14`). */
  readonly perPage: number;
  /**
   * How many articles the listings of teasers show a page: latest, sections, authors, months of
   * the archive. Short items, many to a page: a large archive in few files.
   */
  readonly teaserPerPage: number;
  /** How many stories the front page shows in each section's block and in its "Latest" list. */
  readonly frontPage: { readonly perSection: number; readonly latest: number };
  /** How many words of an article's plain text its excerpt keeps, as tag pages show it. */
  readonly excerptWords: number;
  /**
   * How many words of that excerpt the other listings (latest, sections, authors, archive) show
   * under each headline: a story's full excerpt appears on its tag pages, not on every listing.
   */
  readonly teaserWords: number;
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
  host: 'github-pages',
  editions: [
    { lang: 'en', locale: 'en-GB', strings: en },
    {
      lang: 'ru',
      locale: 'ru-RU',
      strings: ru,
      title: 'Хабар Центральная Азия',
      description:
        'Новости и аналитика из Казахстана, Кыргызстана, Таджикистана, Туркменистана и Узбекистана.',
      about:
        'Независимая редакция, которая пишет о Центральной Азии и её соседях из Алматы, Бишкека, Душанбе и Ташкента. Выходит на английском и русском языках.',
    },
  ],
  defaultEdition: 'en',
  timeZone: 'Asia/Almaty',
  perPage: 6,
  teaserPerPage: 20,
  frontPage: { perSection: 4, latest: 10 },
  excerptWords: 500,
  teaserWords: 40,
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
