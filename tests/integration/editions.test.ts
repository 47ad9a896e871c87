import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/site.config.ts';
import { EDITIONS_NOW, editionsFixture, RUSSIAN_CSTO } from '../fixtures/editions.ts';
import {
  articleApiFile,
  buildFixtureSite,
  page,
  runScript,
  shownPage,
  tempDir,
  text,
  writeFiles,
} from '../helpers/site.ts';

let out: string;

beforeAll(async () => {
  ({ out } = await buildFixtureSite('editions', editionsFixture(), EDITIONS_NOW));
});

const json = async (path: string) => JSON.parse(await readFile(join(out, path), 'utf8'));
const feed = async (path: string) =>
  new XMLParser({ isArray: (name) => name === 'item', ignoreAttributes: false }).parse(
    await readFile(join(out, path), 'utf8'),
  ).rss.channel;
const alternates = async (path: string) =>
  (await page(out, path))
    .querySelectorAll('link[rel=alternate][hreflang]')
    .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
const url = (path: string) => `${SITE.url}${path}`;

describe('the Russian edition', () => {
  it('has its own front page in Russian: language, date, ticker and navigation', async () => {
    const front = await shownPage(out, '/ru/');
    expect(front.querySelector('html')?.getAttribute('lang')).toBe('ru');
    expect(text(front.querySelector('.today')!)).toBe('12 февраля 2026');
    expect(front.querySelectorAll('.ticker-item').map(text)).toContain('KGS/USD = 0,01144 0%');
    expect(front.querySelectorAll('.ticker-item').map(text)).toContain('TJS/USD = 0,10626 -0,19%');
    expect(text(front.querySelector('.ticker-asof')!)).toBe('Курсы на 11 февраля 2026');
    const nav = front.querySelectorAll('.site-nav a').map((a) => [a.getAttribute('href'), text(a)]);
    expect(nav).toEqual(
      expect.arrayContaining([
        ['/ru/', 'Главная'],
        ['/ru/latest/', 'Последние'],
        ['/ru/sections/politika/', 'Политика'],
        ['/ru/tags/', 'Темы'],
        ['/ru/search/', 'Поиск'],
      ]),
    );
    const switcher = front.querySelector('.editions a');
    expect([switcher?.getAttribute('href'), text(switcher!)]).toEqual(['/', 'English']);
  });

  it('keeps the English edition at the root, exactly as before', async () => {
    const front = await shownPage(out, '/');
    expect(front.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(text(front.querySelector('.today')!)).toBe('12 February 2026');
    expect(front.querySelectorAll('.ticker-item').map(text)).toContain('KGS/USD = 0.01144 0%');
    const switcher = front.querySelector('.editions a');
    expect([switcher?.getAttribute('href'), text(switcher!)]).toEqual(['/ru/', 'Русский']);
  });

  it('shows and slugs each registry name in its own language, with its own counter', async () => {
    const tag = await page(out, '/ru/tags/odkb/');
    expect(text(tag.querySelector('h1')!)).toBe('ОДКБ');
    expect(text(tag.querySelector('.tag-description')!)).toBe('Военный блок.');
    expect(text(tag.querySelector('.counter')!)).toBe(
      `Показаны результаты 1 - 6 из ${RUSSIAN_CSTO}`,
    );
    // An older page names its stories' dates, in Russian.
    expect(text((await page(out, '/ru/tags/odkb/2/')).querySelector('.counter')!)).toMatch(
      /^Материалы (за|с) \d+ [а-я]+ \d{4}/,
    );
    // Only the Russian stories: the English CSTO page has its own two.
    expect(text((await page(out, '/tags/csto/')).querySelector('.counter')!)).toBe(
      'Viewing results 1 - 2 of 2',
    );
    const section = await page(out, '/ru/sections/ekonomika/');
    expect(text(section.querySelector('h1')!)).toBe('Экономика');
    const author = await page(out, '/ru/authors/aygerim-bekova/');
    expect(text(author.querySelector('h1')!)).toBe('Айгерим Бекова');
  });

  it('files an article by folder or by lang:, under its slug in its edition', async () => {
    const titles = (await json('ru/api/articles.json')).articles.map(
      (article: { title: string; lang: string; url: string }) => [article.lang, article.url],
    );
    expect(titles).toEqual(
      expect.arrayContaining([
        ['ru', url('/ru/articles/sammit/')],
        ['ru', url('/ru/articles/same-slug/')],
        ['ru', url('/ru/articles/russian-by-lang/')],
      ]),
    );
    expect(titles).toHaveLength(RUSSIAN_CSTO);
    const english = (await json('api/articles.json')).articles.map(
      (article: { slug: string }) => article.slug,
    );
    expect(english.sort()).toEqual(['budget', 'same-slug', 'summit']);
    expect(text((await page(out, '/articles/same-slug/')).querySelector('h1')!)).toBe(
      'Same slug in English',
    );
    expect(text((await page(out, '/ru/articles/same-slug/')).querySelector('h1')!)).toBe(
      'Тот же адрес по-русски',
    );
  });

  it('links a story to its translation, and names the translation in the head', async () => {
    const russian = await page(out, '/ru/articles/sammit/');
    const link = russian.querySelector('.translations a')!;
    expect([link.getAttribute('href'), text(link)]).toEqual([
      '/articles/summit/',
      'Читать на английском',
    ]);
    const english = await page(out, '/articles/summit/');
    const back = english.querySelector('.translations a')!;
    expect([back.getAttribute('href'), text(back)]).toEqual([
      '/ru/articles/sammit/',
      'Read in Russian',
    ]);
    const expected = [
      ['en', url('/articles/summit/')],
      ['ru', url('/ru/articles/sammit/')],
      ['x-default', url('/articles/summit/')],
    ];
    expect(await alternates('/ru/articles/sammit/')).toEqual(expected);
    expect(await alternates('/articles/summit/')).toEqual(expected);
    // The byline and labels in Russian, names written in English resolved to the Russian ones.
    expect(text(russian.querySelector('.byline')!)).toBe('Автор: Айгерим Бекова');
    expect(russian.querySelector('.byline a')?.getAttribute('href')).toBe(
      '/ru/authors/aygerim-bekova/',
    );
    expect(russian.querySelectorAll('.tag-links a').map(text)).toEqual(['ОДКБ', 'Казахстан']);
  });

  it('gives every page hreflang alternates: its own, and the same page of each edition where there is one', async () => {
    expect(await alternates('/ru/archive/')).toEqual([
      ['en', url('/archive/')],
      ['ru', url('/ru/archive/')],
      ['x-default', url('/archive/')],
    ]);
    expect(await alternates('/ru/articles/same-slug/')).toEqual([
      ['ru', url('/ru/articles/same-slug/')],
      ['x-default', url('/ru/articles/same-slug/')],
    ]);
  });

  it('dates its archive in Russian, and links its own years and months', async () => {
    const archive = await page(out, '/ru/archive/');
    const links = archive.querySelectorAll('main a').map((a) => a.getAttribute('href')!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href.startsWith('/ru/archive/'))).toBe(true);
    expect(
      (await page(out, '/ru/archive/2025/11/'))
        .querySelector('meta[name=description]')
        ?.getAttribute('content'),
    ).toBe('Материалы, опубликованные в ноябре 2025 года.');
    expect(
      (await page(out, '/ru/archive/2025/'))
        .querySelector('meta[name=description]')
        ?.getAttribute('content'),
    ).toBe('Материалы, опубликованные в 2025 году.');
    expect(archive.querySelectorAll('.archive-months a').map(text)).toEqual(
      expect.arrayContaining(['Февраль', 'Январь', 'Ноябрь', 'Декабрь']),
    );
    expect(text((await page(out, '/ru/archive/2025/11/')).querySelector('h1')!)).toBe(
      'Архив: Ноябрь 2025',
    );
    expect(text((await page(out, '/archive/2026/02/')).querySelector('h1')!)).toBe(
      'Archive: February 2026',
    );
  });

  it('has its own feeds, in its language, with its stories only', async () => {
    const channel = await feed('ru/rss.xml');
    expect(channel.language).toBe('ru');
    expect(channel.link).toBe(url('/ru/'));
    expect(channel.item).toHaveLength(RUSSIAN_CSTO);
    expect(
      channel.item.every((item: { link: string }) => item.link.startsWith(url('/ru/articles/'))),
    ).toBe(true);
    expect((await feed('rss.xml')).item).toHaveLength(3);
    expect((await feed('ru/tags/odkb/rss.xml')).item).toHaveLength(RUSSIAN_CSTO);
  });

  it('has its own API: lists, tags, sections, authors and each article with its translations', async () => {
    const article = await json(await articleApiFile(out, 'sammit', 'ru'));
    expect(article).toMatchObject({
      slug: 'sammit',
      lang: 'ru',
      url: url('/ru/articles/sammit/'),
      api: url(`/${await articleApiFile(out, 'sammit', 'ru')}`),
      translations: [
        {
          lang: 'en',
          title: 'Leaders meet at the summit',
          url: url('/articles/summit/'),
          api: url(`/${await articleApiFile(out, 'summit')}`),
        },
      ],
    });
    expect((await json('ru/api/tags/odkb.json')).count).toBe(RUSSIAN_CSTO);
    expect(
      (await json('ru/api/sections.json')).sections.map((s: { name: string }) => s.name),
    ).toEqual(['Политика', 'Экономика']);
    expect((await json('ru/api/authors/aygerim-bekova.json')).role).toBe('Корреспондент');
    expect((await json('api/authors/aigerim-bekova.json')).role).toBe('Correspondent');
  });

  it('lists both editions in the sitemap, translations with their alternates', async () => {
    const sitemap = await readFile(join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${url('/ru/tags/odkb/')}</loc>`);
    expect(sitemap).toMatch(
      new RegExp(
        `<url><loc>${url('/ru/articles/sammit/')}</loc>(<lastmod>[^<]+</lastmod>)?` +
          `<xhtml:link rel="alternate" hreflang="en" href="${url('/articles/summit/')}"/>` +
          `<xhtml:link rel="alternate" hreflang="ru" href="${url('/ru/articles/sammit/')}"/>` +
          `<xhtml:link rel="alternate" hreflang="x-default" href="${url('/articles/summit/')}"/></url>`,
      ),
    );
  });

  it('searches each edition in its own index and language', async () => {
    const manifest = await json('ru/pagefind/shards.json');
    expect(manifest.shards.length).toBeGreaterThan(0);
    for (const shard of manifest.shards) expect(shard).toMatch(/^\/ru\/pagefind\/\d{4}-\d+\/$/);
    const entry = await json(`${manifest.shards[0].slice(1)}pagefind-entry.json`);
    expect(Object.keys(entry.languages)).toEqual(['ru']);
    const search = await page(out, '/ru/search/');
    expect(search.querySelector('form.search-form')?.getAttribute('data-index')).toBe(
      '/ru/pagefind/shards.json',
    );
    expect(search.querySelector('form.search-form')?.getAttribute('action')).toBe('/ru/search/');
  });
});

describe('checking editions', () => {
  it('names a lang the site has no edition for, a folder that disagrees, and a translation key twice in an edition', async () => {
    const dir = await tempDir('editions-check');
    const files = editionsFixture();
    await writeFiles(join(dir, 'content'), {
      ...files,
      'articles/2026/kazakh.md': articleWith({ title: 'Kazakh', lang: 'kk' }),
      'articles/ru/2026/english.md': articleWith({ title: 'English', lang: 'en' }),
      'articles/ru/2026/second-summit.md': articleWith({
        title: 'Второй саммит',
        translationKey: 'summit-2026',
      }),
    });
    const check = await runScript('scripts/check.ts', ['--content', join(dir, 'content')], {
      SOURCE_DATE_EPOCH: EDITIONS_NOW,
    });
    expect(check.code).not.toBe(0);
    const output = check.stdout + check.stderr;
    expect(output).toContain(
      'articles/2026/kazakh.md:5:7 lang: the site has no "kk" edition; expected one of "en", "ru"',
    );
    expect(output).toMatch(
      /articles\/ru\/2026\/english\.md:5:7 lang: "en" disagrees with the folder "ru\/"/,
    );
    expect(output).toMatch(
      /articles\/ru\/2026\/second-summit\.md:5:\d+ translationKey: translationKey "summit-2026" is also used by .*sammit\.md in the same edition \("ru"\)/,
    );
  });
});

function articleWith(fields: Record<string, string>): string {
  return [
    '---',
    `title: ${fields.title}`,
    'date: 2026-01-01',
    `tags: ${fields.tags ?? '[CSTO]'}`,
    ...Object.entries(fields)
      .filter(([key]) => key !== 'title' && key !== 'tags')
      .map(([key, value]) => `${key}: ${value}`),
    'section: Politics',
    '---',
    '',
    'Body.',
    '',
  ].join('\n');
}

describe('checking editions, each in its own language', () => {
  it('names per-language slugs that clash, unknown languages, and a percent-encoded redirect onto a page', async () => {
    const dir = await tempDir('editions-slugs');
    const files = editionsFixture();
    await writeFiles(join(dir, 'content'), {
      ...files,
      'sections.yaml': `${files['sections.yaml']}- name: { en: Culture, de: Kultur }\n`,
      'articles/ru/2026/moved.md': articleWith({
        title: 'Переехавший',
        redirectFrom: '["/ru/articles/%73ammit/"]',
      }),
      'tags.yaml': `${files['tags.yaml']}  Kazakh:\n    name: { en: Kazakh, ru: Казахстан! }\n`,
      'articles/ru/2026/clash.md': articleWith({ title: 'Казахский', tags: '[Kazakh]' }),
      'articles/2026/no-clash.md': articleWith({ title: 'Kazakh', tags: '[Kazakh, Kazakhstan]' }),
    });
    const check = await runScript('scripts/check.ts', ['--content', join(dir, 'content')], {
      SOURCE_DATE_EPOCH: EDITIONS_NOW,
    });
    const output = check.stdout + check.stderr;
    expect(check.code, output).not.toBe(0);
    expect(output).toContain(
      'tags "Казахстан" and "Казахстан!" would share the URL /ru/tags/kazakhstan/; use one spelling',
    );
    // The English names (Kazakh, Kazakhstan) have URLs of their own.
    expect(output).not.toContain('URL /tags/');
    expect(output).toContain(
      'sections.yaml:4:9 [2].name: "de" is not an edition of the site; per-language values take "en", "ru"',
    );
    // Compared where the page would be written: `%73ammit` is the live `sammit`.
    expect(output).toMatch(
      /moved\.md:\d+:\d+ redirectFrom\[0\]: redirect from \/ru\/articles\/%73ammit\/ collides with a live page/,
    );
    expect(output).not.toMatch(/no-clash\.md/);
  });
});
