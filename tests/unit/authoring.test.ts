import { redirectRules, redirectsFileOf } from '../../src/lib/redirect-rules.ts';
import { uiStrings } from '../../src/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import {
  listArgument,
  newArticlePath,
  newArticleSource,
  resolveNewArticleNames,
} from '../../src/lib/new-article.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { indexNames, type NamedEntry } from '../../src/lib/registry.ts';
import {
  planRedirects,
  redirectPage,
  redirectPath,
  type RedirectRequest,
} from '../../src/lib/redirects.ts';
import { articleLinkTarget, findReferences, localImage } from '../../src/lib/references.ts';
import { canonicalTag, collectTags, indexRegistry } from '../../src/lib/tags.ts';
import { checkArticle, type CheckedArticle } from '../../src/validation/article.ts';
import { checkCorpus } from '../../src/validation/corpus.ts';
import { checkRedirects } from '../../src/validation/redirects.ts';
import { checkReferences } from '../../src/validation/references.ts';
import { checkTagRegistry } from '../../src/validation/registry.ts';
import { articleFrontmatterSchema } from '../../src/schemas/article.ts';
import { tagRegistrySchema } from '../../src/schemas/tags.ts';
import { SITE } from '../../src/site.config.ts';

const SITE_URL = 'https://news.example';
const article = (file: string, frontmatter: string, body = 'Body text.'): CheckedArticle =>
  checkArticle({ file, source: `---\n${frontmatter}\n---\n\n${body}\n` });
const registry = (yaml: string) =>
  indexRegistry(checkTagRegistry({ file: 'content/tags.yaml', source: yaml }).registry);

const CSTO_REGISTRY = `strict: true
tags:
  CSTO:
    description: A military alliance.
    aliases: [Collective Security Treaty Organization, ОДКБ]
  Kazakhstan:
    name: Kazakhstan
  Central Asia: {}
`;

describe.each([
  { source: 'old-name', kind: 'article' as const, expected: '/articles/old-name/' },
  { source: 'odkb', kind: 'tag' as const, expected: '/tags/odkb/' },
  { source: '/2019/05/old.html', kind: 'article' as const, expected: '/2019/05/old.html' },
  { source: '/topics/csto', kind: 'tag' as const, expected: '/topics/csto/' },
  { source: '/news/old/', kind: 'article' as const, expected: '/news/old/' },
])('redirectPath($source, $kind)', ({ source, kind, expected }) => {
  it(`is ${expected}`, () => expect(redirectPath(source, kind)).toBe(expected));
});

describe('planRedirects', () => {
  const live = new Set(['/articles/new/', '/articles/other/', '/tags/csto/']);
  const request = (
    source: string,
    to: string,
    extra: Partial<RedirectRequest> = {},
  ): RedirectRequest => ({
    source,
    kind: 'article',
    to,
    file: 'a.md',
    field: 'redirectFrom[0]',
    ...extra,
  });
  it.each([
    {
      name: 'an old slug',
      requests: [request('old', '/articles/new/')],
      redirects: [{ from: '/articles/old/', to: '/articles/new/' }],
      conflicts: [],
    },
    {
      name: 'a live page',
      requests: [request('other', '/articles/new/')],
      redirects: [],
      conflicts: ['redirect from /articles/other/ collides with a live page at that address'],
    },
    {
      name: 'the page itself',
      requests: [request('new', '/articles/new/')],
      redirects: [],
      conflicts: ['redirect from /articles/new/ points to the page itself; remove it'],
    },
    {
      name: 'a reserved folder',
      requests: [request('/api/old.json', '/articles/new/')],
      redirects: [],
      conflicts: ['redirect from /api/old.json is a path the build writes itself'],
    },
    {
      name: 'a folder where another redirect writes a file',
      requests: [request('/old.html', '/articles/new/'), request('/old.html/', '/articles/other/')],
      redirects: [{ from: '/old.html', to: '/articles/new/' }],
      conflicts: [
        'redirect from /old.html/ needs a folder /old.html/, where the site has the file /old.html',
      ],
    },
    {
      name: 'a page by its file name',
      requests: [request('/articles/other/index.html', '/articles/new/')],
      redirects: [],
      conflicts: [
        'redirect from /articles/other/index.html collides with a live page at that address',
      ],
    },
    {
      name: 'a host file',
      requests: [request('/_headers', '/articles/new/')],
      redirects: [],
      conflicts: ['redirect from /_headers/ is a path the build writes itself'],
    },
    {
      name: 'a missing target',
      requests: [request('old', '/articles/gone/')],
      redirects: [],
      conflicts: [
        'redirect from /articles/old/ points nowhere: /articles/gone/ is not a published page',
      ],
    },
    {
      name: 'one old path claimed twice',
      requests: [
        request('/x/', '/articles/new/'),
        request('/x/', '/articles/other/', { file: 'b.md' }),
      ],
      redirects: [],
      conflicts: [
        'redirect from /x/ is also claimed for /articles/other/ (b.md); keep one',
        'redirect from /x/ is also claimed for /articles/new/ (a.md); keep one',
      ],
    },
    {
      name: 'an alias that clashes, dropped silently',
      requests: [
        request('csto', '/tags/csto/', { kind: 'tag', implicit: true }),
        request('odkb', '/tags/csto/', { kind: 'tag', implicit: true }),
      ],
      redirects: [{ from: '/tags/odkb/', to: '/tags/csto/' }],
      conflicts: [],
    },
  ])('$name', ({ requests, redirects, conflicts }) => {
    const plan = planRedirects(requests, live);
    expect(plan.redirects).toEqual(redirects);
    expect(plan.conflicts.map((conflict) => conflict.message)).toEqual(conflicts);
  });

  it('writes a page with an immediate refresh, a canonical link and noindex, and a _redirects line', () => {
    const page = redirectPage(
      { from: '/articles/old/', to: '/articles/new/' },
      { url: SITE_URL, lang: 'en', title: 'Site' },
    );
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/articles/new/">');
    expect(page).toContain(`<link rel="canonical" href="${SITE_URL}/articles/new/">`);
    expect(page).toContain('<meta name="robots" content="noindex">');
    const rules = redirectRules([{ from: '/articles/old/', to: '/articles/new/' }], []);
    expect(redirectsFileOf(rules, false)).toBe('/articles/old/ /articles/new/ 301\n');
  });

  it('speaks the language of the page it leads to', () => {
    const page = redirectPage(
      { from: '/ru/articles/old/', to: '/ru/articles/new/' },
      { url: SITE_URL, lang: 'ru', title: 'Хабар', moved: uiStrings('ru').moved },
    );
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('<title>Страница переехала | Хабар</title>');
    expect(page).toContain('<p>Эта страница переехала по адресу <a href="/ru/articles/new/">');
  });

  it("sends WordPress's shortlinks (/?p=ID) to their /p/ID/ pages where the host matches queries", () => {
    const rules = redirectRules(
      [
        { from: '/p/12/', to: '/articles/a/' },
        { from: '/2019/05/a/', to: '/articles/a/' },
      ],
      [],
    );
    expect(redirectsFileOf(rules, true)).toBe(
      '/p/12/ /articles/a/ 301\n/2019/05/a/ /articles/a/ 301\n/ p=:id /p/:id/ 301\n',
    );
  });
});

describe.each([
  {
    url: '/articles/csto-summit/',
    from: 'content/articles/2026/a.md',
    expected: { kind: 'slug', slug: 'csto-summit' },
  },
  {
    url: '/articles/csto-summit#vote',
    from: 'content/articles/2026/a.md',
    expected: { kind: 'slug', slug: 'csto-summit' },
  },
  {
    url: `${SITE_URL}/articles/csto-summit/`,
    from: 'content/articles/a.md',
    expected: { kind: 'slug', slug: 'csto-summit' },
  },
  {
    url: '../2025/summit.md#vote',
    from: 'content/articles/2026/a.md',
    expected: { kind: 'file', path: 'content/articles/2025/summit.md' },
  },
  {
    url: 'piece.mdx',
    from: 'content/articles/2026/a.md',
    expected: { kind: 'file', path: 'content/articles/2026/piece.mdx' },
  },
  { url: 'https://example.org/articles/x/', from: 'content/articles/a.md', expected: undefined },
  { url: '/tags/csto/', from: 'content/articles/a.md', expected: undefined },
  { url: 'https://github.com/x/readme.md', from: 'content/articles/a.md', expected: undefined },
])('articleLinkTarget($url)', ({ url, from, expected }) => {
  it('resolves as a link between articles, or not at all', () =>
    expect(articleLinkTarget(url, from, SITE_URL)).toEqual(expected));
});

describe.each([
  { url: '/images/map.png', expected: { kind: 'public', path: 'images/map.png' } },
  {
    url: './map%20v2.png?x=1',
    expected: { kind: 'relative', path: 'content/articles/2026/map v2.png' },
  },
  { url: 'https://cdn.example/map.png', expected: undefined },
  { url: 'data:image/png;base64,AAAA', expected: undefined },
])('localImage($url)', ({ url, expected }) => {
  it('finds where the file must be', () =>
    expect(localImage(url, 'content/articles/2026/a.md')).toEqual(expected));
});

describe('findReferences', () => {
  it('finds Markdown links, definitions, images and raw HTML, with positions', () => {
    const body =
      'See [a](/articles/a/) and ![map](/images/m.png).\n\n<img src="/images/raw.png" alt="x">\n\n[ref]: ../b.md\n';
    expect(findReferences(body, 'md')).toEqual([
      { kind: 'link', url: '/articles/a/', line: 1, column: 5 },
      { kind: 'image', url: '/images/m.png', alt: 'map', line: 1, column: 27 },
      { kind: 'image', url: '/images/raw.png', line: 3, column: 1 },
      { kind: 'link', url: '../b.md', line: 5, column: 1 },
    ]);
  });
  it('finds MDX elements with literal URLs', () => {
    expect(findReferences('Hello <a href="/articles/x/">x</a>\n', 'mdx')).toEqual([
      { kind: 'link', url: '/articles/x/', line: 1, column: 7 },
    ]);
  });
});

describe('the tag registry', () => {
  const index = registry(CSTO_REGISTRY);
  it.each([
    ['CSTO', 'CSTO'],
    ['csto', 'CSTO'],
    ['collective security treaty  organization', 'CSTO'],
    ['ОДКБ', 'CSTO'],
    ['Kyrgyzstan', 'Kyrgyzstan'],
  ])('files %s under %s', (raw, expected) => expect(canonicalTag(raw, index)).toBe(expected));

  it('merges aliases into one tag with the registry name, slug and description', () => {
    const tags = collectTags(
      [['ОДКБ'], ['Collective Security Treaty Organization'], ['csto'], ['Other']],
      index,
    );
    expect([...tags.values()]).toEqual([
      { key: 'csto', name: 'CSTO', slug: 'csto', description: 'A military alliance.' },
      { key: 'other', name: 'Other', slug: 'other' },
    ]);
  });

  it.each([
    {
      name: 'an alias of two tags',
      yaml: 'tags:\n  A:\n    aliases: [X]\n  B:\n    aliases: [x]\n',
      expected: [
        'content/tags.yaml:5:15 tags.B.aliases[0]: alias "x" already belongs to tag "A"; each name may stand for one tag only',
      ],
    },
    {
      name: 'a tag registered twice',
      yaml: 'tags:\n  CSTO: {}\n  csto: {}\n',
      expected: [
        'content/tags.yaml:3:3 tags.csto: name "csto" already belongs to tag "CSTO"; each name may stand for one tag only',
      ],
    },
    {
      name: 'a misspelt field',
      yaml: 'tags:\n  CSTO:\n    alias: [x]\n',
      expected: ['content/tags.yaml:3:5 tags.CSTO.alias: unknown field; did you mean `aliases`?'],
    },
    {
      name: 'a non-boolean strict',
      yaml: 'strict: yes please\n',
      expected: ['content/tags.yaml:1:9 strict: expected true or false'],
    },
    {
      name: 'bad YAML',
      yaml: 'tags: [\n',
      expected: [expect.stringMatching(/^content\/tags\.yaml:2:1 YAML syntax error: /)],
    },
  ])('reports $name', ({ yaml, expected }) => {
    expect(
      checkTagRegistry({ file: 'content/tags.yaml', source: yaml }).problems.map(formatProblem),
    ).toEqual(expected);
  });

  it('makes unknown tags errors under strict, with a did-you-mean at the tag', () => {
    const problems = checkCorpus(
      [article('a.md', 'title: T\ndate: 2026-01-01\ntags: [CSTO, Kazakstan, Weather]')],
      index,
    ).map(formatProblem);
    expect(problems).toEqual([
      'a.md:4:14 tags[1]: unknown tag "Kazakstan"; did you mean "Kazakhstan"?',
      'a.md:4:25 tags[2]: unknown tag "Weather"; add it to content/tags.yaml or use a registered tag',
    ]);
  });

  it('only warns about near misses when not strict', () => {
    const loose = registry(CSTO_REGISTRY.replace('strict: true', 'strict: false'));
    const problems = checkCorpus(
      [article('a.md', 'title: T\ndate: 2026-01-01\ntags: [Kazakstan, Weather]')],
      loose,
    ).map(formatProblem);
    expect(problems).toEqual([
      'a.md:4:8 warning: tags[0]: tag "Kazakstan" is not registered; did you mean "Kazakhstan"?',
    ]);
  });

  it('rejects a registry that is not a map of tags', () => {
    expect(tagRegistrySchema.safeParse({ tags: ['CSTO'] }).success).toBe(false);
  });
});

describe('checkReferences', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const context = {
    siteUrl: SITE_URL,
    now,
    publicFileExists: (path: string) => path === 'images/ok.png',
    fileExists: () => false,
  };
  const corpus = [
    article(
      'c/a.md',
      'title: A\ndate: 2026-01-01\ntags: [x]\nredirectFrom: [old-b]\nimage: /images/missing.png\nimageAlt: A map',
      [
        '[1](/articles/b/) [2](/articles/bb/) [3](./b.md) [4](./nope.md) [5](/articles/old-b/)',
        '[6](/articles/draft/) [7](/articles/later/) ![](/images/ok.png) ![x](/images/no.png)',
      ].join('\n'),
    ),
    article('c/b.md', 'title: B\ndate: 2026-01-02\ntags: [x]'),
    article('c/draft.md', 'title: D\ndate: 2026-01-02\ntags: [x]\ndraft: true'),
    article('c/later.md', 'title: L\ndate: 2026-12-01\ntags: [x]'),
  ];
  it('reports every broken link and image at its place, with near misses', () => {
    expect(checkReferences(corpus, context).map(formatProblem)).toEqual([
      'c/a.md:10:19 body: link to /articles/bb/ points nowhere: no article has the slug "bb"; did you mean /articles/b/?',
      'c/a.md:10:50 body: link to ./nope.md points nowhere: no article file at c/nope.md',
      'c/a.md:10:65 warning: body: link to /articles/old-b/: that article moved to /articles/a/; link there directly',
      'c/a.md:11:1 body: link to /articles/draft/ points to a draft (c/draft.md), which is never published',
      'c/a.md:11:23 warning: body: link to /articles/later/ points to an article scheduled for 2026-11-30T19:00:00.000Z, after this one; the link is broken until then',
      'c/a.md:11:45 warning: body: image /images/ok.png has no alt text; describe it for readers who cannot see it',
      'c/a.md:11:65 body: image /images/no.png does not exist in public/',
      'c/a.md:6:8 image: /images/missing.png does not exist in public/',
    ]);
  });
});

describe('checkRedirects', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const site = { perPage: 6, teaserPerPage: 20, timeZone: 'Asia/Almaty', now };
  it('plans article and tag redirects and reports collisions at the field', () => {
    const index = registry(
      'tags:\n  CSTO:\n    aliases: [ОДКБ]\n    redirectFrom: [/topics/csto/, x]\n',
    );
    const corpus = [
      article(
        'a.md',
        'title: A\ndate: 2026-01-01\ntags: [csto]\nredirectFrom: [old-a, b, /2019/a.html]',
      ),
      article('b.md', 'title: B\ndate: 2026-01-02\ntags: [x]'),
      article('c.md', 'title: C\ndate: 2026-12-01\ntags: [x]\nredirectFrom: [old-c]'),
    ];
    const { redirects, problems } = checkRedirects(
      corpus,
      () => index,
      {
        file: 'content/tags.yaml',
        source: 'tags:\n  CSTO:\n    aliases: [ОДКБ]\n    redirectFrom: [/topics/csto/, x]\n',
      },
      site,
    );
    expect(redirects).toEqual([
      { from: '/2019/a.html', to: '/articles/a/' },
      { from: '/articles/old-a/', to: '/articles/a/' },
      { from: '/tags/odkb/', to: '/tags/csto/' },
      { from: '/topics/csto/', to: '/tags/csto/' },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'c.md:5:15 warning: redirectFrom: the article is not published yet, so its redirects are written once it is',
      'a.md:5:23 redirectFrom[1]: redirect from /articles/b/ collides with a live page at that address',
      'content/tags.yaml:4:35 tags.CSTO.redirectFrom[1]: redirect from /tags/x/ collides with a live page at that address',
    ]);
  });
});

describe.each([
  {
    title: 'CSTO summit opens in Almaty',
    date: '2026-11-20',
    path: '2026/11/csto-summit-opens-in-almaty.md',
  },
  {
    title: 'Министры встретились в Бишкеке',
    date: '2026-01-05',
    path: '2026/01/ministry-vstretilis-v-bishkeke.md',
  },
  { title: 'Қазақстан: жаңа жол', date: '2025-12-31', path: '2025/12/qazaqstan-zhanga-zhol.md' },
])('npm run new for "$title"', ({ title, date, path }) => {
  it(`writes ${path} with frontmatter the schema accepts`, () => {
    expect(newArticlePath({ title, date }).path).toBe(path);
    const source = newArticleSource({ title, date, tags: ['CSTO', 'a: b'], draft: true });
    const checked = checkArticle({ file: path, source });
    expect(checked.problems).toEqual([]);
    expect(checked.data).toMatchObject({ title, tags: ['CSTO', 'a: b'], draft: true });
    expect(articleFrontmatterSchema.safeParse(checked.data).success).toBe(true);
  });
});

describe('newArticleSource', () => {
  it('writes the byline and the section in the schema’s order, lists as authors write them', () => {
    const source = newArticleSource({
      title: 'Water talks',
      date: '2026-11-20',
      tags: ['Water'],
      authors: ['Dana Seitkali', 'Aibek Toktosunov'],
      section: 'Economy',
      draft: false,
    });
    expect(source).toBe(
      '---\ntitle: Water talks\ndate: 2026-11-20\ntags: [Water]\nauthors: [Dana Seitkali, Aibek Toktosunov]\nsection: Economy\n---\n\n',
    );
    // The body is the author's to write next; `npm run new` checks all but it.
    expect(
      checkArticle({ file: 'a.md', source }).problems.filter(({ field }) => field !== 'body'),
    ).toEqual([]);
  });
  it('leaves out an empty byline and a missing section', () => {
    expect(
      newArticleSource({ title: 'T', date: '2026-11-20', tags: ['A'], authors: [], draft: false }),
    ).toBe('---\ntitle: T\ndate: 2026-11-20\ntags: [A]\n---\n\n');
  });
});

describe.each([
  { values: undefined, expected: [] },
  { values: 'CSTO, Kazakhstan,,', expected: ['CSTO', 'Kazakhstan'] },
  {
    values: ['Dana Seitkali', ' Aibek Toktosunov , Farrukh Nazarov '],
    expected: ['Dana Seitkali', 'Aibek Toktosunov', 'Farrukh Nazarov'],
  },
  { values: [' ', ''], expected: [] },
])('listArgument($values)', ({ values, expected }) => {
  it(`is ${JSON.stringify(expected)}`, () => expect(listArgument(values)).toEqual(expected));
});

describe('resolveNewArticleNames', () => {
  const authors = indexNames<NamedEntry>([
    { name: 'Dana Seitkali' },
    { name: 'Aibek Toktosunov', slug: 'aibek' },
    { name: 'Farrukh Nazarov' },
  ]);
  const sections = indexNames<NamedEntry>([
    { name: 'Politics' },
    { name: 'Economy' },
    { name: 'Culture' },
  ]);
  const open = indexNames<NamedEntry>(undefined);
  const many = indexNames<NamedEntry>(
    Array.from({ length: 10 }, (_, i) => ({ name: `Writer ${String.fromCharCode(65 + i)}` })),
  );
  it.each([
    {
      name: 'registered names, in their registered spelling and the order given',
      given: { authors: ['aibek', 'dana  SEITKALI'], section: 'economy' },
      registries: { authors, sections },
      expected: {
        authors: ['Aibek Toktosunov', 'Dana Seitkali'],
        section: 'Economy',
        problems: [],
      },
    },
    {
      name: 'an author given twice, once',
      given: {
        authors: ['Dana Seitkali', 'dana seitkali', 'Farrukh Nazarov'],
        section: 'Politics',
      },
      registries: { authors, sections },
      expected: {
        authors: ['Dana Seitkali', 'Farrukh Nazarov'],
        section: 'Politics',
        problems: [],
      },
    },
    {
      name: 'a near miss, with a did-you-mean',
      given: { authors: ['Dana Seitkaly'], section: 'Politcs' },
      registries: { authors, sections },
      expected: {
        authors: [],
        problems: [
          '--author: unknown author "Dana Seitkaly"; did you mean "Dana Seitkali"?',
          '--section: unknown section "Politcs"; did you mean "Politics"?',
        ],
      },
    },
    {
      name: 'an unknown name far from any, with the registered names',
      given: { authors: ['Somebody Else', 'Dana Seitkali'], section: 'Weather' },
      registries: { authors, sections },
      expected: {
        authors: ['Dana Seitkali'],
        problems: [
          '--author: unknown author "Somebody Else"; add it to content/authors.yaml or use one of: Dana Seitkali, Aibek Toktosunov, Farrukh Nazarov',
          '--section: unknown section "Weather"; add it to content/sections.yaml or use one of: Politics, Economy, Culture',
        ],
      },
    },
    {
      name: 'an unknown name in a long registry, with the first eight names',
      given: { authors: ['Nobody'] },
      registries: { authors: many, sections: open },
      expected: {
        authors: [],
        problems: [
          '--author: unknown author "Nobody"; add it to content/authors.yaml or use one of: Writer A, Writer B, Writer C, Writer D, Writer E, Writer F, Writer G, Writer H…',
        ],
      },
    },
    {
      name: 'a missing section when sections.yaml exists, listing the sections',
      given: { authors: [] },
      registries: { authors, sections },
      expected: {
        authors: [],
        problems: ['missing --section: one of Politics, Economy, Culture (content/sections.yaml)'],
      },
    },
    {
      name: 'an empty section',
      given: { authors: [], section: ' ' },
      registries: { authors, sections },
      expected: {
        authors: [],
        problems: [
          '--section: expected a section name, one of Politics, Economy, Culture (content/sections.yaml)',
        ],
      },
    },
    {
      name: 'free names without the registries, white space folded',
      given: { authors: ['Guest  Writer', 'guest writer'], section: ' Sport ' },
      registries: { authors: open, sections: open },
      expected: { authors: ['Guest Writer'], section: 'Sport', problems: [] },
    },
    {
      name: 'nothing at all without the registries',
      given: { authors: [] },
      registries: { authors: open, sections: open },
      expected: { authors: [], problems: [] },
    },
  ])('$name', ({ given, registries, expected }) => {
    expect(resolveNewArticleNames(given, registries)).toEqual(expected);
  });
});

it('the site config names the repository the editing UI commits to', () => {
  expect(SITE.cms.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
});
