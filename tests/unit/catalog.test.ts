import { describe, expect, it } from 'vitest';
import {
  articleTags,
  groupByMonth,
  groupByTag,
  isPublished,
  newestFirst,
  type ArticleSummary,
} from '../../src/lib/catalog.ts';
import { collectTags } from '../../src/lib/tags.ts';

const now = new Date('2026-02-12T12:00:00Z');
const summary = (slug: string, iso: string, tags: string[]): ArticleSummary => ({
  slug,
  id: slug,
  lang: 'en',
  path: `/articles/${slug}/`,
  title: slug,
  date: new Date(iso),
  tags,
  excerpt: '',
});

describe.each([
  { name: 'a past article', draft: false, iso: '2026-02-01T00:00:00Z', published: true },
  {
    name: 'an article dated exactly now',
    draft: false,
    iso: '2026-02-12T12:00:00Z',
    published: true,
  },
  {
    name: 'an article one second in the future',
    draft: false,
    iso: '2026-02-12T12:00:01Z',
    published: false,
  },
  { name: 'a past draft', draft: true, iso: '2020-01-01T00:00:00Z', published: false },
])('isPublished: $name', ({ draft, iso, published }) => {
  it(`is ${published}`, () =>
    expect(isPublished({ draft, date: new Date(iso) }, now)).toBe(published));
});

describe('newestFirst', () => {
  it('sorts by date, newest first, then by slug for equal dates', () => {
    const list = [
      summary('b', '2026-01-01T00:00:00Z', []),
      summary('c', '2026-02-01T00:00:00Z', []),
      summary('a', '2026-01-01T00:00:00Z', []),
    ];
    expect(list.sort(newestFirst).map((a) => a.slug)).toEqual(['c', 'a', 'b']);
  });
});

describe('groupByTag', () => {
  const articles = [
    summary('three', '2026-03-01T00:00:00Z', ['csto', 'Armenia']),
    summary('two', '2026-02-01T00:00:00Z', ['CSTO', 'csto']),
    summary('one', '2026-01-01T00:00:00Z', ['CSTO']),
  ];
  const groups = groupByTag(articles);
  it('merges case variants under the most common spelling, sorted by name', () => {
    expect(groups.map((group) => [group.tag.name, group.articles.map((a) => a.slug)])).toEqual([
      ['Armenia', ['three']],
      ['CSTO', ['three', 'two', 'one']],
    ]);
  });
  it("resolves an article's own tags to display names once each", () => {
    expect(
      articleTags(articles[1]!, collectTags(articles.map((a) => a.tags))).map((tag) => tag.name),
    ).toEqual(['CSTO']);
  });
});

describe('groupByMonth', () => {
  it('groups by the calendar of the site time zone, newest first', () => {
    const years = groupByMonth(
      [
        summary('new-year-almaty', '2025-12-31T20:00:00Z', []),
        summary('dec', '2025-12-10T00:00:00Z', []),
        summary('nov', '2025-11-10T00:00:00Z', []),
        summary('old', '2024-03-10T00:00:00Z', []),
      ],
      'Asia/Almaty',
    );
    expect(
      years.map((year) => [
        year.year,
        year.articles.length,
        year.months.map((m) => [m.month, m.articles.map((a) => a.slug)]),
      ]),
    ).toEqual([
      [2026, 1, [[1, ['new-year-almaty']]]],
      [
        2025,
        2,
        [
          [12, ['dec']],
          [11, ['nov']],
        ],
      ],
      [2024, 1, [[3, ['old']]]],
    ]);
  });
});
