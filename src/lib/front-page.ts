import type { ArticleSummary } from './catalog.ts';

/** How many of the newest headlines the side column of listings and articles shows. */
export const SIDE_HEADLINES = 5;

/** How many stories each part of the front page shows. */
export interface FrontPageSizes {
  /** Stories in each section's block. */
  perSection: number;
  /** Headlines in the "Latest" list. */
  latest: number;
}

/** A section's block on the front page: its newest stories but the lead. */
export interface SectionBlock<S> {
  section: S;
  stories: ArticleSummary[];
}

/** What the front page shows, each story once at most within a part. */
export interface FrontPage<S> {
  /** The story that leads: the newest `featured` one, else the newest. None on an empty site. */
  lead?: ArticleSummary;
  /** A block per section with published stories, in the given (the registry's) order. */
  sections: SectionBlock<S>[];
  /** The newest stories but the lead. */
  latest: ArticleSummary[];
}

/**
 * The front page of `articles` (published, newest first): the lead, a block per section of
 * `sections` (each with its articles newest first) and the latest headlines, none repeating the lead.
 */
export function frontPage<S>(
  articles: readonly ArticleSummary[],
  sections: ReadonlyArray<{ section: S; articles: readonly ArticleSummary[] }>,
  sizes: FrontPageSizes,
): FrontPage<S> {
  const lead = articles.find((article) => article.featured) ?? articles[0];
  const others = (list: readonly ArticleSummary[], count: number) =>
    list.filter((article) => article !== lead).slice(0, count);
  return {
    ...(lead ? { lead } : {}),
    sections: sections
      .map(({ section, articles: filed }) => ({
        section,
        stories: others(filed, sizes.perSection),
      }))
      .filter((block) => block.stories.length > 0),
    latest: others(articles, sizes.latest),
  };
}
