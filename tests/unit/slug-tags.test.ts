import { describe, expect, it } from 'vitest';
import { articleSlug, toSlug } from '../../src/lib/slug.ts';
import { collectTags, findTagSlugCollisions, tagKey, tagNames } from '../../src/lib/tags.ts';

describe.each([
  { input: 'CSTO', slug: 'csto' },
  { input: 'Central Asia', slug: 'central-asia' },
  { input: '  Central   Asia  ', slug: 'central-asia' },
  { input: 'ОДКБ', slug: 'odkb' },
  { input: 'Кыргызстан', slug: 'kyrgyzstan' },
  { input: 'Қазақстан', slug: 'qazaqstan' },
  { input: 'Ҷумҳурии Тоҷикистон', slug: 'jumhurii-tojikiston' },
  { input: 'Ўзбекистон', slug: 'ozbekiston' },
  { input: 'Türkmenistan', slug: 'turkmenistan' },
  { input: 'Oʻzbekiston', slug: 'ozbekiston' },
  { input: 'C++ & Go', slug: 'c-and-go' },
  { input: 'EU–Central Asia summit', slug: 'eu-central-asia-summit' },
  { input: '东京', slug: 'dong-jing' },
  { input: 'Москва 东京', slug: 'moskva-dong-jing' },
  { input: 'ภาษาไทย', slug: 'phasaaithy' },
  { input: 'ქართული', slug: 'kartuli' },
  { input: 'עברית', slug: 'vryt' },
  { input: '★★★', slug: 'x-597d9776' },
])('toSlug($input)', ({ input, slug }) => {
  it(`is ${slug}`, () => expect(toSlug(input)).toBe(slug));
});

describe.each([
  { path: 'content/articles/2026/02/csto-summit.md', fm: undefined, slug: 'csto-summit' },
  { path: 'deep/a/b/c/note.mdx', fm: undefined, slug: 'note' },
  { path: 'x/Old File Name.md', fm: undefined, slug: 'old-file-name' },
  { path: 'x/саммит-одкб.md', fm: undefined, slug: 'sammit-odkb' },
  { path: 'x/anything.md', fm: 'chosen-slug', slug: 'chosen-slug' },
  { path: 'x/北京新闻.md', fm: undefined, slug: 'bei-jing-xin-wen' },
])('articleSlug($path, $fm)', ({ path, fm, slug }) => {
  it(`is ${slug}`, () => expect(articleSlug(path, fm)).toBe(slug));
});

describe.each([
  { a: 'CSTO', b: 'csto', same: true },
  { a: 'Central Asia', b: ' central  asia ', same: true },
  { a: 'ОДКБ', b: 'одкб', same: true },
  { a: 'Central Asia', b: 'Central-Asia', same: false },
])('tagKey: $a vs $b', ({ a, b, same }) => {
  it(same ? 'are one tag' : 'are different tags', () => expect(tagKey(a) === tagKey(b)).toBe(same));
});

describe('tagNames', () => {
  it('shows a tag with its most common spelling', () => {
    expect(tagNames([['csto'], ['CSTO'], ['CSTO', 'Armenia']]).get('csto')).toBe('CSTO');
  });
  it('breaks a tie alphabetically, so every build agrees', () => {
    expect(tagNames([['Csto'], ['CSTO']]).get('csto')).toBe('CSTO');
    expect(tagNames([['CSTO'], ['Csto']]).get('csto')).toBe('CSTO');
  });
});

describe('collectTags', () => {
  it('gives each tag one slug from its display name', () => {
    const tags = collectTags([['ОДКБ', 'Central Asia'], ['central asia']]);
    expect(tags.get('одкб')).toEqual({ key: 'одкб', name: 'ОДКБ', slug: 'odkb' });
    expect(tags.get('central asia')?.slug).toBe('central-asia');
  });
});

describe.each([
  { name: 'case variants are one tag, no collision', lists: [['CSTO'], ['csto']], collisions: [] },
  {
    name: 'space and hyphen collide',
    lists: [['Central Asia'], ['Central-Asia']],
    collisions: [{ slug: 'central-asia', names: ['Central Asia', 'Central-Asia'] }],
  },
  {
    name: 'Cyrillic and Latin spellings collide',
    lists: [['Кыргызстан', 'Kyrgyzstan']],
    collisions: [{ slug: 'kyrgyzstan', names: ['Kyrgyzstan', 'Кыргызстан'] }],
  },
  { name: 'distinct tags do not collide', lists: [['Armenia', 'CSTO']], collisions: [] },
])('findTagSlugCollisions: $name', ({ lists, collisions }) => {
  it('finds exactly the collisions', () => {
    expect(findTagSlugCollisions(lists).map(({ slug, names }) => ({ slug, names }))).toEqual(
      collisions,
    );
  });
});
