import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { bylineParts, linkLabel } from '../../src/lib/bylines.ts';
import { groupByName, indexNames, resolveName, type NamedEntry } from '../../src/lib/registry.ts';
import type { AuthorEntry } from '../../src/schemas/authors.ts';
import type { SectionEntry } from '../../src/schemas/sections.ts';
import {
  AUTHOR_REGISTRY,
  SECTION_REGISTRY,
  checkNameRegistry,
  type NameRegistrySpec,
} from '../../src/validation/registry.ts';
import { checkPeopleAndSections } from '../../src/validation/people.ts';
import { checkArticle, SITE_BODY_POLICY } from '../../src/validation/article.ts';

const authors = indexNames<AuthorEntry>([
  { name: 'Aigerim Bekova', aliases: [], links: [] },
  { name: 'Timur Sadykov', slug: 'tsadykov', aliases: [], links: [] },
]);
const sections = indexNames<SectionEntry>([
  { name: 'Politics', aliases: [], redirectFrom: [] },
  { name: 'Economy', aliases: [], redirectFrom: [] },
]);
const openAuthors = indexNames<AuthorEntry>(undefined);
const openSections = indexNames<SectionEntry>(undefined);

const article = (file: string, frontmatter: string) =>
  checkArticle(
    { file, source: `---\ntitle: T\ndate: 2026-01-01\ntags: [A]\n${frontmatter}\n---\n\nBody.\n` },
    SITE_BODY_POLICY,
  );

describe('name registries', () => {
  it.each([
    ['a name as written', 'Aigerim Bekova', 'aigerim-bekova'],
    ['case and spacing', '  aigerim   BEKOVA ', 'aigerim-bekova'],
    ['a registered slug', 'tsadykov', 'tsadykov'],
    ['the name of an entry with its own slug', 'timur sadykov', 'tsadykov'],
  ])('resolve %s to the registered entry', (_, raw, slug) => {
    expect(resolveName(raw, authors)).toMatchObject({ slug });
    expect(resolveName(raw, authors).entry).toBeDefined();
  });

  it('leave a free name as written, white space folded, when there is no registry', () => {
    expect(resolveName(' Dana   Seitkali ', openAuthors)).toEqual({
      key: 'dana seitkali',
      name: 'Dana Seitkali',
      slug: 'dana-seitkali',
      entry: undefined,
    });
  });

  it("group articles: the registry's entries first in its order, empty ones too, then free names by name", () => {
    const groups = groupByName(
      [
        { id: 1, names: ['Zed', 'timur sadykov'] },
        { id: 2, names: ['Adam', 'Timur Sadykov', 'Adam'] },
      ],
      (article) => article.names,
      authors,
    );
    expect(groups.map(({ named, articles }) => [named.name, articles.map(({ id }) => id)])).toEqual(
      [
        ['Aigerim Bekova', []],
        ['Timur Sadykov', [1, 2]],
        ['Adam', [2]],
        ['Zed', [1]],
      ],
    );
  });
});

describe('checkNameRegistry', () => {
  const check = (
    source: string,
    registry: { spec: NameRegistrySpec<NamedEntry> } = AUTHOR_REGISTRY,
  ) =>
    checkNameRegistry({ file: 'content/x.yaml', source }, registry.spec).problems.map(
      ({ line, field, message }) => `${line}:${field}: ${message}`,
    );

  it.each([
    ['a list under its key', 'authors:\n  - name: A\n'],
    ['a bare list', '- name: A\n- name: B\n  slug: bee\n'],
    ['an empty file', ''],
  ])('accepts %s', (_, source) => {
    expect(check(source)).toEqual([]);
  });

  it.each([
    [
      'an unknown field, with a suggestion',
      'authors:\n  - name: A\n    rol: Editor\n',
      /^3:authors\[0\]\.rol: unknown field; did you mean `role`\?/,
    ],
    ['a missing name', '- role: Editor\n', /^1:\[0\]\.name: required/],
    [
      'a link that is neither https nor mailto',
      '- name: A\n  links: ["javascript:alert(1)"]\n',
      /expected an https:\/\/ address or a mailto: address/,
    ],
    [
      'a photo given as a URL',
      '- name: A\n  photo: https://example.org/a.jpg\n',
      /expected a path beside authors\.yaml/,
    ],
    [
      'a name listed twice',
      '- name: A\n- name: " a "\n',
      /^2:\[1\]\.name: author "a" is listed twice/,
    ],
    [
      'two names with one slug',
      '- name: Ai Bo\n- name: Ai-Bo\n',
      /would share the URL slug "ai-bo"/,
    ],
    ['a bad slug', '- name: A\n  slug: Not A Slug\n', /expected lower-case letters/],
    ['YAML that does not parse', '- name: [\n', /YAML syntax error/],
  ])('reports %s at its line', (_, source, message) => {
    expect(check(source)[0]).toMatch(message);
  });

  it('checks sections the same way', () => {
    expect(
      check('sections:\n  - name: Politics\n    descripton: x\n', SECTION_REGISTRY)[0],
    ).toMatch(/did you mean `description`\?/);
  });
});

describe('checkPeopleAndSections', () => {
  const problems = (frontmatter: string, people = authors, desks = sections) =>
    checkPeopleAndSections([article('a.md', frontmatter)], people, desks).map(
      ({ line, field, message }) => `${line}:${field}: ${message}`,
    );

  it.each([
    ['registered names in any case', 'authors: [aigerim bekova, Timur Sadykov]\nsection: politics'],
    ['one author as `author`', 'author: Aigerim Bekova\nsection: Economy'],
    ['a draft with no section', 'author: Aigerim Bekova\ndraft: true'],
  ])('accept %s', (_, frontmatter) => {
    expect(problems(frontmatter)).toEqual([]);
  });

  it.each([
    [
      'an unknown author, with a suggestion',
      'authors: [Aigerim Bekva]\nsection: Politics',
      /^5:authors\[0\]: unknown author "Aigerim Bekva"; did you mean "Aigerim Bekova"\?/,
    ],
    [
      'an author far from any name, listing the registered ones',
      'author: Nobody\nsection: Politics',
      /unknown author "Nobody"; add it to content\/authors\.yaml or use one of: Aigerim Bekova, Timur Sadykov/,
    ],
    [
      'an unknown section, with a suggestion',
      'author: Aigerim Bekova\nsection: Politcs',
      /^6:section: unknown section "Politcs"; did you mean "Politics"\?/,
    ],
    [
      'a missing section when the registry exists',
      'author: Aigerim Bekova',
      /^1:section: required: section, one of Politics, Economy/,
    ],
  ])('report %s', (_, frontmatter, message) => {
    expect(problems(frontmatter)[0]).toMatch(message);
  });

  it('without registries accept any names, but not two spellings that share one page', () => {
    expect(problems('authors: [Anyone]\nsection: Anything', openAuthors, openSections)).toEqual([]);
    const clash = checkPeopleAndSections(
      [article('a.md', 'author: Ai Bo'), article('b.md', 'author: Ai-Bo')],
      openAuthors,
      openSections,
    );
    expect(clash.map(({ message }) => message)).toEqual([
      'author "Ai Bo" and "Ai-Bo" would share the URL /authors/ai-bo/; use one spelling',
      'author "Ai-Bo" and "Ai Bo" would share the URL /authors/ai-bo/; use one spelling',
    ]);
  });

  it('checks the names of an article whose other fields are invalid', () => {
    expect(problems('authors: [Aigerim Bekva]\nsection: Politics\nimage: 3')).toHaveLength(1);
  });
});

describe('bylines', () => {
  const names = (...list: string[]) => list.map((name) => ({ name, slug: name.toLowerCase() }));
  const read = (parts: ReturnType<typeof bylineParts>) =>
    parts.map((part) => ('author' in part ? part.author.name : part.text)).join('');

  it.each([
    [names('A'), 'A'],
    [names('A', 'B'), 'A and B'],
    [names('A', 'B', 'C'), 'A, B and C'],
    [names('A', 'B', 'C', 'D'), 'A, B, C and D'],
  ])('read as a byline: %j', (authors, expected) => {
    expect(read(bylineParts(authors, en.byline))).toBe(expected);
  });

  it.each([
    ['https://t.me/khabar', 't.me/khabar'],
    ['https://www.example.org/', 'example.org'],
    ['mailto:desk@example.org', 'desk@example.org'],
  ])('label the link %s as %s', (link, label) => {
    expect(linkLabel(link)).toBe(label);
  });
});
