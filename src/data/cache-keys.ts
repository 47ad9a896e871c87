import { stableDigest } from '../lib/stable-digest.ts';
import { EDITIONS, editionParams, type Edition } from '../i18n/index.ts';
import { splitArticleKey } from '../lib/editions.ts';
import { getCatalog, getVersions, type ArticleEntry } from './published.ts';
import { getRateSources, getTicker } from './rates.ts';
import { getAuthorRegistry } from './registries.ts';

/**
 * Cache keys for Astro's incremental build (`cacheKey` in `getStaticPaths`). Astro hashes each
 * route's code itself; these keys cover the data a page shows.
 */
export interface CacheKeys {
  /** A page that shows one article (its page, its JSON): the article file's digest. */
  article(entry: ArticleEntry): string | undefined;
  /**
   * A page that lists articles: the listed articles' file digests, in order, and everything else
   * on `page` (its number, totals, links) and in `shown` (a heading, say).
   */
  listing(page: { items: readonly { slug: string }[] }, ...shown: unknown[]): string;
}

const keys = new Map<string, Promise<CacheKeys>>();

/** This build's cache keys for the pages of `edition`. */
export function getCacheKeys(edition: Edition): Promise<CacheKeys> {
  const known = keys.get(edition.lang);
  if (known) return known;
  const made: Promise<CacheKeys> = Promise.all([getCatalog(edition), getVersions()]).then(
    ([catalog, versions]): CacheKeys => {
      const { entries, tags, related, bySlug, bySection } = catalog;
      // What every page shows besides its own data: each tag's name, slug and description, and
      // the footer's rate sources. The day, the rates and the newest headlines are not here: pages
      // show them from the day's documents (INCLUDES in src/lib/routes.ts), so a new day, new
      // rates or a new story elsewhere renders no page again. The sections (name and slug: the
      // last line) are in every page's navigation; a section's description shows only on its own
      // page, whose key has it.
      const site = stableDigest(
        edition.lang,
        getTicker(edition).base,
        getRateSources(),
        [...tags.values()].map(({ key, name, slug, description }) => [
          key,
          name,
          slug,
          description,
        ]),
        // Bylines link each author by the registry's name and slug; a bio or a photo shows only on
        // the author's own page, whose key has it.
        getAuthorRegistry(edition.lang).entries.map(({ name, slug }) => [name, slug ?? null]),
        bySection.map(({ named }) => [named.slug, named.name]),
      );
      // A photo's address in the build carries a hash of its bytes: a changed photo changes the key.
      const photoOf = (slug: string) => {
        const src = bySlug.get(slug)?.photo?.src;
        return typeof src === 'string' ? src : src?.src;
      };
      const revisions = new Map(entries.map((entry) => [slugOf(entry), entry.digest]));
      // An article's page links its other versions (and names them in its head): their addresses
      // and headlines are part of its key.
      const versionsOf = (entry: ArticleEntry) => {
        const key = entry.data.translationKey;
        return key === undefined
          ? []
          : (versions.get(key) ?? []).map(({ edition: other, path, title }) => [
              other.lang,
              path,
              title,
            ]);
      };
      return {
        // No digest from the loader: no key, so the page is always rendered. An article's page also
        // shows its related stories, so what it shows of them is part of its key.
        article: (entry) =>
          entry.digest === undefined
            ? undefined
            : stableDigest(
                site,
                entry.id,
                entry.digest,
                (entry.data.photos?.body ?? []).map(({ image }) => image.src),
                photoOf(slugOf(entry)),
                versionsOf(entry),
                // What the page shows of each: its address, headline and date, not its body.
                (related.get(slugOf(entry)) ?? []).map((slug) => {
                  const story = bySlug.get(slug);
                  return [slug, story?.title, story?.date.toISOString()];
                }),
              ),
        listing: ({ items, ...page }, ...shown) =>
          stableDigest(
            site,
            page,
            shown,
            items.map(({ slug }) => [slug, revisions.get(slug), photoOf(slug)]),
          ),
      };
    },
  );
  keys.set(edition.lang, made);
  return made;
}

/** An entry's slug within its edition. */
function slugOf(entry: ArticleEntry): string {
  return splitArticleKey(entry.id, EDITIONS).slug;
}

/**
 * `getStaticPaths` of the routes with one page per published article in every edition (its HTML
 * page, its JSON), keyed.
 */
export async function articleStaticPaths() {
  const perEdition = await Promise.all(
    editionParams().map(async ({ params, props }) => {
      const [{ entries }, keys] = await Promise.all([
        getCatalog(props.edition),
        getCacheKeys(props.edition),
      ]);
      return entries.map((entry) => ({
        params: { ...params, slug: slugOf(entry) },
        props: { ...props, entry, slug: slugOf(entry) },
        cacheKey: keys.article(entry),
      }));
    }),
  );
  return perEdition.flat();
}
