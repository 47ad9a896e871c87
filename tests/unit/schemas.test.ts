import { describe, expect, it } from 'vitest';
import { articleFrontmatterSchema } from '../../src/schemas/article.ts';
import { ratesSchema } from '../../src/schemas/rates.ts';

const valid = { title: 'A headline', date: '2026-02-12', tags: ['CSTO'] };
const issuesOf = (input: unknown) => {
  const result = articleFrontmatterSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('articleFrontmatterSchema accepts', () => {
  it('the three required fields, defaulting draft to false', () => {
    const data = articleFrontmatterSchema.parse(valid);
    expect(data.draft).toBe(false);
    expect(data.date.toISOString()).toBe('2026-02-11T19:00:00.000Z');
  });
  it('every optional field', () => {
    const data = articleFrontmatterSchema.parse({
      ...valid,
      author: 'A. Writer',
      summary: 'Short.',
      draft: true,
      updated: '2026-02-13T10:00:00+05:00',
      slug: 'custom-slug',
      image: '/images/x.png',
      imageAlt: 'A picture',
    });
    expect(data.updated?.toISOString()).toBe('2026-02-13T05:00:00.000Z');
  });
});

describe.each([
  {
    name: 'missing title',
    input: { date: '2026-02-12', tags: ['x'] },
    path: 'title',
    message: /^required/,
  },
  { name: 'empty title', input: { ...valid, title: '  ' }, path: 'title', message: /empty/ },
  {
    name: 'numeric title',
    input: { ...valid, title: 5 },
    path: 'title',
    message: /expected a headline/,
  },
  { name: 'missing date', input: { title: 'x', tags: ['x'] }, path: 'date', message: /^required/ },
  {
    name: 'impossible date',
    input: { ...valid, date: '2026-02-30' },
    path: 'date',
    message: /YYYY-MM-DD.*2026-02-30/,
  },
  {
    name: 'date in words',
    input: { ...valid, date: '12 Feb 2026' },
    path: 'date',
    message: /YYYY-MM-DD/,
  },
  {
    name: 'missing tags',
    input: { title: 'x', date: '2026-02-12' },
    path: 'tags',
    message: /^required: a list of strings/,
  },
  {
    name: 'tags as a string',
    input: { ...valid, tags: 'CSTO' },
    path: 'tags',
    message: /^expected a list of strings/,
  },
  { name: 'no tags', input: { ...valid, tags: [] }, path: 'tags', message: /at least one tag/ },
  {
    name: 'a numeric tag',
    input: { ...valid, tags: ['ok', 3] },
    path: 'tags.1',
    message: /expected a tag name/,
  },
  { name: 'an empty tag', input: { ...valid, tags: [''] }, path: 'tags.0', message: /empty/ },
  {
    name: 'draft as a word',
    input: { ...valid, draft: 'yes' },
    path: 'draft',
    message: /true or false/,
  },
  {
    name: 'bad updated',
    input: { ...valid, updated: 'soon' },
    path: 'updated',
    message: /YYYY-MM-DD/,
  },
  {
    name: 'slug with capitals',
    input: { ...valid, slug: 'Bad Slug' },
    path: 'slug',
    message: /lower-case/,
  },
  {
    name: 'image without alt',
    input: { ...valid, image: '/x.png' },
    path: 'imageAlt',
    message: /required when image is set/,
  },
  { name: 'unknown key', input: { ...valid, tgas: ['x'] }, path: '', message: /tgas/ },
])('articleFrontmatterSchema rejects $name', ({ input, path, message }) => {
  it(`with an issue at "${path}"`, () => {
    const issue = issuesOf(input).find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(issuesOf(input))).toBeDefined();
    expect(issue!.message).toMatch(message);
  });
});

describe('articleFrontmatterSchema reports every problem at once', () => {
  it('including the image rule when other fields are also wrong', () => {
    const paths = issuesOf({ title: '', date: 'x', tags: 'y', image: '/a.png', extra: 1 }).map(
      (issue) => issue.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['title', 'date', 'tags', 'imageAlt', '']));
  });
});

const rates = {
  asOf: '2026-02-12',
  base: 'USD',
  rates: [{ code: 'KGS', value: 0.01144, change: 0 }],
};
describe.each([
  { name: 'a missing asOf', input: { ...rates, asOf: undefined }, path: 'asOf' },
  { name: 'an impossible asOf', input: { ...rates, asOf: '2026-02-31' }, path: 'asOf' },
  { name: 'a lower-case base', input: { ...rates, base: 'usd' }, path: 'base' },
  { name: 'no rates', input: { ...rates, rates: [] }, path: 'rates' },
  {
    name: 'a zero value',
    input: { ...rates, rates: [{ code: 'KGS', value: 0, change: 0 }] },
    path: 'rates.0.value',
  },
  {
    name: 'a negative value',
    input: { ...rates, rates: [{ code: 'KGS', value: -1, change: 0 }] },
    path: 'rates.0.value',
  },
  {
    name: 'a string value',
    input: { ...rates, rates: [{ code: 'KGS', value: '0.1', change: 0 }] },
    path: 'rates.0.value',
  },
  {
    name: 'a missing change',
    input: { ...rates, rates: [{ code: 'KGS', value: 0.1 }] },
    path: 'rates.0.change',
  },
  {
    name: 'a bad code',
    input: { ...rates, rates: [{ code: 'KG', value: 0.1, change: 0 }] },
    path: 'rates.0.code',
  },
  {
    name: 'a repeated currency',
    input: {
      ...rates,
      rates: [
        { code: 'KGS', value: 0.1, change: 0 },
        { code: 'KGS', value: 0.1, change: 0 },
      ],
    },
    path: 'rates.1.code',
  },
  { name: 'an unknown key', input: { ...rates, source: 'x' }, path: '' },
])('ratesSchema rejects $name', ({ input, path }) => {
  it(`at "${path}"`, () => {
    const result = ratesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('ratesSchema', () => {
  it('accepts the documented example', () => expect(ratesSchema.parse(rates)).toEqual(rates));
});
