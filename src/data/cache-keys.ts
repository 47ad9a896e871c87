import { stableDigest } from '../lib/stable-digest.ts';
import { isoDay } from '../lib/dates.ts';
import { SITE } from '../site.config.ts';
import { getCatalog, type ArticleEntry } from './published.ts';
import { NOW } from './build-context.ts';
import { getRates } from './rates.ts';
import { getAuthorRegistry } from './registries.ts';
import { SIDE_HEADLINES } from '../lib/front-page.ts';

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

let keys: Promise<CacheKeys> | undefined;

/** This build's cache keys. */
export function getCacheKeys(): Promise<CacheKeys> {
  keys ??= getCatalog().then(({ entries, articles, tags, related, bySlug, bySection }) => {
    // What every page shows besides its own data: the masthead's day, the ticker's rates and each
    // tag's name, slug and description. A new day, new rates or a renamed tag renders every page.
    // The sections (name, slug, count: the last line) are in every page's navigation and side
    // column; a section's description shows only on its own page, whose key has it.
    const site = stableDigest(
      isoDay(NOW, SITE.timeZone),
      getRates(),
      [...tags.values()].map(({ key, name, slug, description }) => [key, name, slug, description]),
      // Bylines link each author by the registry's name and slug; a bio or a photo shows only on
      // the author's own page, whose key has it.
      getAuthorRegistry().entries.map(({ name, slug }) => [name, slug ?? null]),
      // The side column: the newest headlines and each section's count.
      articles
        .slice(0, SIDE_HEADLINES)
        .map(({ slug, title, date }) => [slug, title, date.toISOString()]),
      bySection.map(({ named, articles: filed }) => [named.slug, named.name, filed.length]),
    );
    // A photo's address in the build carries a hash of its bytes: a changed photo changes the key.
    const photoOf = (slug: string) => {
      const src = bySlug.get(slug)?.photo?.src;
      return typeof src === 'string' ? src : src?.src;
    };
    const revisions = new Map(entries.map((entry) => [entry.id, entry.digest]));
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
              photoOf(entry.id),
              // What the page shows of each: its address, headline and date, not its body.
              (related.get(entry.id) ?? []).map((slug) => {
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
  });
  return keys;
}

/** `getStaticPaths` of the routes with one page per published article (its HTML page, its JSON), keyed. */
export async function articleStaticPaths() {
  const [{ entries }, keys] = await Promise.all([getCatalog(), getCacheKeys()]);
  return entries.map((entry) => ({
    params: { slug: entry.id },
    props: { entry },
    cacheKey: keys.article(entry),
  }));
}
