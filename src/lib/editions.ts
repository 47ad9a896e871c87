import { en, type UiStrings } from '../i18n/en.ts';
import type { EditionConfig, SiteConfig } from '../site.config.ts';
import { articleSlug } from './slug.ts';

/** An edition as pages use it: its entry in the site config with the site's defaults filled in. */
export interface Edition {
  /** BCP 47 language of the edition's pages. */
  readonly lang: string;
  /** Locale of its dates and numbers. */
  readonly locale: string;
  /** Time zone of its reader-facing dates. */
  readonly timeZone: string;
  /** The publication's name in this edition. */
  readonly title: string;
  /** One sentence about the publication, in this edition's language. */
  readonly description: string;
  /** A few sentences about the newsroom, in this edition's language. */
  readonly about: string;
  /** Its interface strings. */
  readonly strings: UiStrings;
  /** What every path of the edition starts with: `''` for the default edition, `/ru` for Russian. */
  readonly prefix: string;
  /** Whether this is the default edition, at the site's root. */
  readonly isDefault: boolean;
}

type SiteEditions = Pick<
  SiteConfig,
  'editions' | 'defaultEdition' | 'timeZone' | 'title' | 'description' | 'about'
>;

// A language tag that is also a clean URL segment: `ru`, `kk`, `uz-cyrl`.
const LANG_SEGMENT = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * The keys of `reference` (English, the fullest file) that `strings` lacks, as dotted paths
 * (`nav.latest`): a language's file must give every one, never fall back silently.
 */
export function missingKeys(reference: object, strings: object, at = ''): string[] {
  const given = strings as Record<string, unknown>;
  return Object.entries(reference).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key;
    if (!(key in given) || given[key] === undefined) return [path];
    return value !== null && typeof value === 'object' && typeof given[key] === 'object'
      ? missingKeys(value, given[key] as object, path)
      : [];
  });
}

function resolveEdition(config: EditionConfig, site: SiteEditions, isDefault: boolean): Edition {
  return {
    lang: config.lang,
    locale: config.locale,
    timeZone: config.timeZone ?? site.timeZone,
    title: config.title ?? site.title,
    description: config.description ?? site.description,
    about: config.about ?? site.about,
    strings: config.strings,
    prefix: isDefault ? '' : `/${config.lang.toLowerCase()}`,
    isDefault,
  };
}

/**
 * The site's editions, the default first, then the others in the config's order.
 * @throws naming every problem at once: no default edition, a language twice or not usable in a
 * URL, and every interface string an edition's file lacks, by key and language.
 */
export function resolveEditions(site: SiteEditions): Edition[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const config of site.editions) {
    const key = config.lang.toLowerCase();
    if (!LANG_SEGMENT.test(config.lang))
      problems.push(`edition "${config.lang}": expected a language tag such as "ru" or "uz-cyrl"`);
    if (seen.has(key)) problems.push(`edition "${config.lang}" is listed twice`);
    seen.add(key);
    const missing = missingKeys(en, config.strings ?? {});
    if (missing.length > 0)
      problems.push(
        `edition "${config.lang}": its interface strings lack ${missing.map((k) => `"${k}"`).join(', ')} (src/i18n/${config.lang}.ts)`,
      );
  }
  const main = site.editions.find(({ lang }) => lang === site.defaultEdition);
  if (!main)
    problems.push(
      `defaultEdition "${site.defaultEdition}" is not one of the editions (${site.editions.map(({ lang }) => lang).join(', ')})`,
    );
  if (problems.length > 0)
    throw new Error(`Site config (src/site.config.ts):\n  ${problems.join('\n  ')}`);
  return [
    resolveEdition(main!, site, true),
    ...site.editions.filter((config) => config !== main).map((c) => resolveEdition(c, site, false)),
  ];
}

/** The edition whose prefix `pathname` starts with; the default edition for any other path. */
export function editionAt(pathname: string, editions: readonly Edition[]): Edition {
  const first = pathname.split('/')[1] ?? '';
  return editions.find(({ prefix }) => prefix !== '' && prefix === `/${first}`) ?? editions[0]!;
}

/** The edition whose language is `lang` (any case), if the site has one. */
export function editionOf(lang: string, editions: readonly Edition[]): Edition | undefined {
  const key = lang.toLowerCase();
  return editions.find((edition) => edition.lang.toLowerCase() === key);
}

/** `path` (from the edition's root, starting with `/`) as a path of the site: `/ru` + `/tags/`. */
export function localPath(edition: Pick<Edition, 'prefix'>, path: string): string {
  return `${edition.prefix}${path}`;
}

/**
 * The edition an article belongs to: the first folder of its path under `content/articles/` when
 * that names an edition (`ru/…`), else its `lang:`, else the default. A folder and a `lang:` that
 * disagree, or a `lang:` the site has no edition for, is a problem, described for its author.
 */
export function articleEdition(
  relativePath: string,
  lang: unknown,
  editions: readonly Edition[],
): { edition: Edition; problem?: string } {
  const segments = relativePath.split(/[\\/]/);
  const folder = segments.length > 1 ? editionOf(segments[0]!, editions) : undefined;
  const named = typeof lang === 'string' && lang.trim() !== '' ? lang.trim() : undefined;
  const byLang = named === undefined ? undefined : editionOf(named, editions);
  const list = editions.map((edition) => `"${edition.lang}"`).join(', ');
  if (named !== undefined && !byLang)
    return {
      edition: folder ?? editions[0]!,
      problem: `the site has no "${named}" edition; expected one of ${list}`,
    };
  if (folder && byLang && folder !== byLang)
    return {
      edition: folder,
      problem: `"${named}" disagrees with the folder "${segments[0]}/", which is the "${folder.lang}" edition; move the file or change \`lang\``,
    };
  return { edition: folder ?? byLang ?? editions[0]! };
}

/**
 * An article's content id: its slug in the default edition, `ru/<slug>` in another, so that a
 * story and its translation may share a slug.
 */
export function articleKey(edition: Pick<Edition, 'prefix'>, slug: string): string {
  return edition.prefix === '' ? slug : `${edition.prefix.slice(1)}/${slug}`;
}

/** The edition and slug of an article's content id (see {@link articleKey}). */
export function splitArticleKey(
  id: string,
  editions: readonly Edition[],
): { edition: Edition; slug: string } {
  const cut = id.lastIndexOf('/');
  if (cut === -1) return { edition: editions[0]!, slug: id };
  return { edition: editionAt(`/${id.slice(0, cut)}/`, editions), slug: id.slice(cut + 1) };
}

/** Where an article is published: its edition, its slug there and its content id. */
export interface ArticlePlace {
  edition: Edition;
  slug: string;
  /** The content id, unique across editions ({@link articleKey}). */
  key: string;
  /** Why its `lang:` cannot stand, for its author. */
  problem?: string;
}

/**
 * Where the article at `relativePath` (under `content/articles/`) with frontmatter `data` is
 * published: its edition ({@link articleEdition}) and slug (`slug:`, else its file name).
 */
export function placeArticle(
  relativePath: string,
  data: { slug?: unknown; lang?: unknown },
  editions: readonly Edition[],
): ArticlePlace {
  const { edition, problem } = articleEdition(relativePath, data.lang, editions);
  const slug = articleSlug(relativePath, data.slug);
  return { edition, slug, key: articleKey(edition, slug), ...(problem ? { problem } : {}) };
}

/** One `hreflang` alternate of a page: a language (or `x-default`) and the page in it. */
export interface Alternate {
  hreflang: string;
  /** A path of the site. */
  path: string;
}

/**
 * The alternates every version of one page carries (`<link rel="alternate" hreflang>`, the
 * sitemap's `xhtml:link`): each version by its language, then `x-default`, the default edition's
 * version when there is one, else the first.
 */
export function alternatesOf(
  versions: ReadonlyArray<{ lang: string; path: string }>,
  defaultLang: string,
): Alternate[] {
  if (versions.length === 0) return [];
  const fallback = versions.find(({ lang }) => lang === defaultLang) ?? versions[0]!;
  return [
    ...versions.map(({ lang, path }) => ({ hreflang: lang, path })),
    { hreflang: 'x-default', path: fallback.path },
  ];
}
