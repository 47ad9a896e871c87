import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/lib/catalog.ts';
import { relatedArticles } from '../../src/lib/related.ts';

// Newest first, as the catalogue gives them: a, b, c… from newest to oldest.
const catalogue = (...tagLists: string[][]): ArticleSummary[] =>
  tagLists.map((tags, i) => ({
    slug: String.fromCharCode(97 + i),
    id: String.fromCharCode(97 + i),
    lang: 'en',
    path: `/articles/${String.fromCharCode(97 + i)}/`,
    title: `Story ${i}`,
    date: new Date(Date.UTC(2026, 0, 30 - i)),
    tags,
    excerpt: '',
  }));

/** The catalogue with a section for each article (`-` for none). */
const inSections = (articles: ArticleSummary[], ...sections: string[]): ArticleSummary[] =>
  articles.map((article, i) =>
    sections[i] === '-'
      ? article
      : { ...article, section: { name: sections[i]!, slug: sections[i]!.toLowerCase() } },
  );

describe.each([
  {
    name: 'never the article itself, nor one sharing no tag',
    articles: catalogue(['x'], ['x'], ['y']),
    of: 'a',
    related: ['b'],
  },
  {
    name: 'a rarer shared tag weighs more than a common one',
    articles: catalogue(['common', 'rare'], ['common'], ['common'], ['rare'], ['common']),
    of: 'a',
    related: ['d', 'b', 'c', 'e'],
  },
  {
    name: 'more shared tags first, then the nearer in time on ties',
    articles: catalogue(['x', 'y'], ['x'], ['x', 'y'], ['y']),
    of: 'a',
    related: ['c', 'b', 'd'],
  },
  {
    name: 'tags compared as the site compares them (case and spacing)',
    articles: catalogue(['Central  Asia'], ['central asia']),
    of: 'a',
    related: ['b'],
  },
  {
    name: 'the same section before a newer story with the same tags from another',
    articles: inSections(
      catalogue(['x'], ['x'], ['x'], ['y']),
      'Politics',
      'Economy',
      'politics',
      'Politics',
    ),
    of: 'a',
    related: ['c', 'b'],
  },
  {
    name: 'more shared tags before the same section; a section alone relates nothing',
    articles: inSections(catalogue(['x', 'y'], ['x'], ['x', 'y'], ['z']), 'P', 'P', 'E', 'P'),
    of: 'a',
    related: ['c', 'b'],
  },
  {
    name: 'at most four, the nearest in time',
    articles: catalogue(['x'], ['x'], ['x'], ['x'], ['x'], ['x']),
    of: 'f',
    related: ['e', 'd', 'c', 'b'],
  },
  {
    name: 'on ties at the same distance, the newer',
    articles: catalogue(['x'], ['x'], ['x']),
    of: 'b',
    related: ['a', 'c'],
  },
])('related stories: $name', ({ articles, of, related }) => {
  it(`of ${of} are ${related.join(', ')}`, () => {
    expect(relatedArticles(articles).get(of)).toEqual(related);
  });
});

describe('relatedArticles', () => {
  it('leaves every list as it was when a story under other tags arrives', () => {
    // T shares x and y with A, and z and its section with B; x and y are on ten stories each, and
    // the archive is thirty stories: weights against the archive's size would put A before B
    // once a thirty-first story arrived, whatever its tags.
    const filler = Array.from({ length: 27 }, (_, i) => (i < 8 ? ['x', 'y'] : ['q']));
    const articles = inSections(
      catalogue(['x', 'y', 'z'], ['x', 'y'], ['z'], ...filler),
      'S1',
      'S2',
      'S1',
      ...filler.map(() => '-'),
    );
    const before = relatedArticles(articles);
    const withWeather = [
      ...articles,
      { ...articles[0]!, slug: 'weather', id: 'weather', tags: ['weather'], section: undefined },
    ];
    const after = relatedArticles(withWeather);
    for (const [slug, list] of before) expect(after.get(slug), slug).toEqual(list);
  });

  it('leaves an older article as it was when a new story only ties with what it holds', () => {
    const older = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? ['x', 'y'] : ['x']));
    const before = relatedArticles(catalogue(...older));
    const after = relatedArticles(catalogue(['x'], ...older));
    // The same letters now name the next article: compare by story, not by slug.
    const byStory = (map: Map<string, string[]>, shift: number) =>
      [...map.values()]
        .slice(shift)
        .map((list) => list.map((slug) => slug.charCodeAt(0) - 97 - shift));
    const changed = byStory(after, 1).filter(
      (list, i) => JSON.stringify(list) !== JSON.stringify(byStory(before, 0)[i]),
    );
    // Only the few newest, whose nearest stories now include the new one.
    expect(changed.length).toBeLessThanOrEqual(3);
  });

  it('gives the same answer on every run, and one for every article', () => {
    const articles = catalogue(['x', 'y'], ['y', 'z'], ['x'], ['z'], ['x', 'z']);
    const first = relatedArticles(articles);
    expect(relatedArticles([...articles])).toEqual(first);
    expect([...first.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
