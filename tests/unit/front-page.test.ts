import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/lib/catalog.ts';
import { frontPage } from '../../src/lib/front-page.ts';
import { retiredLatestPages } from '../../src/lib/routes.ts';

// Newest first, as the catalogue gives them.
const story = (slug: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  slug,
  id: slug,
  lang: 'en',
  path: `/articles/${slug}/`,
  title: slug,
  date: new Date(Date.UTC(2026, 0, 1)),
  tags: ['x'],
  excerpt: '',
  ...extra,
});
const slugs = (list: readonly ArticleSummary[]) => list.map(({ slug }) => slug);

describe('frontPage', () => {
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((slug) => story(slug));
  const sizes = { perSection: 2, latest: 3 };

  it.each([
    ['the newest leads when none is featured', [a!, b!, c!], 'a'],
    ['a featured story leads', [a!, story('b', { featured: true }), c!], 'b'],
    [
      'of several featured stories the newest leads',
      [a!, story('b', { featured: true }), story('c', { featured: true })],
      'b',
    ],
  ])('%s', (_, articles, lead) => {
    expect(frontPage(articles, [], sizes).lead?.slug).toBe(lead);
  });

  it('leaves the lead out of the latest and of the section blocks, and drops empty blocks', () => {
    const page = frontPage(
      [a!, b!, c!, d!, e!],
      [
        { section: 'Politics', articles: [a!, c!, d!, e!] },
        { section: 'Empty', articles: [] },
        { section: 'Only the lead', articles: [a!] },
        { section: 'Economy', articles: [b!] },
      ],
      sizes,
    );
    expect(page.lead?.slug).toBe('a');
    expect(slugs(page.latest)).toEqual(['b', 'c', 'd']);
    expect(page.sections.map(({ section, stories }) => [section, slugs(stories)])).toEqual([
      ['Politics', ['c', 'd']],
      ['Economy', ['b']],
    ]);
  });

  it('an empty site has no lead, no blocks and no latest', () => {
    expect(frontPage([], [{ section: 'Politics', articles: [] }], sizes)).toEqual({
      sections: [],
      latest: [],
    });
  });
});

describe('retiredLatestPages', () => {
  it.each([
    [0, []],
    [6, []],
    [7, [{ from: '/page/2/', to: '/latest/' }]],
    [
      13,
      [
        { from: '/page/2/', to: '/latest/' },
        { from: '/page/3/', to: '/latest/' },
      ],
    ],
  ])('%i articles six a page: %j', (total, redirects) => {
    expect(retiredLatestPages(total, 6)).toEqual(redirects);
  });
});
