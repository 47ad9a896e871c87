import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { ru } from '../../src/i18n/ru.ts';
import { EDITIONS, uiStrings } from '../../src/i18n/index.ts';
import {
  alternatesOf,
  articleEdition,
  articleKey,
  editionAt,
  missingKeys,
  placeArticle,
  resolveEditions,
  splitArticleKey,
} from '../../src/lib/editions.ts';
import { formatLongDate, formatMonthName, formatMonthYear } from '../../src/lib/dates.ts';
import { formatChange, formatRate } from '../../src/lib/ticker.ts';

const site = {
  editions: [
    { lang: 'en', locale: 'en-GB', strings: en },
    { lang: 'ru', locale: 'ru-RU', strings: ru, title: 'Хабар' },
  ],
  defaultEdition: 'en',
  timeZone: 'Asia/Almaty',
  title: 'Khabar',
  description: 'd',
  about: 'a',
};
const editions = resolveEditions(site);
const [english, russian] = editions as [(typeof editions)[0], (typeof editions)[0]];

describe('interface strings', () => {
  it('the site language has its strings, the English of the seeds', () => {
    expect(uiStrings('en').pager).toMatchObject({
      label: 'Pages',
      previous: 'Previous',
      next: 'Next',
      older: 'Older stories',
    });
    expect(uiStrings('en').counter.between('5 May 2025', '25 May 2025')).toBe(
      'Stories from 5 May 2025 to 25 May 2025',
    );
    expect(uiStrings('ru').counter.between('5 мая 2025', '25 мая 2025')).toBe(
      'Материалы с 5 мая 2025 по 25 мая 2025',
    );
    expect(uiStrings('en').readingTime(3)).toBe('3 min read');
    expect(uiStrings('en').counter.range(1, 6, 14)).toBe('Viewing results 1 - 6 of 14');
  });

  it('Russian gives every key, and reads as a Russian newsroom writes it', () => {
    expect(missingKeys(en, uiStrings('ru'))).toEqual([]);
    expect(uiStrings('ru').counter.range(1, 6, 14)).toBe('Показаны результаты 1 - 6 из 14');
    expect(uiStrings('ru').ticker.asOf).toBe('Курсы на');
    expect(uiStrings('ru').translations.readIn('en')).toBe('Читать на английском');
    expect(uiStrings('en').translations.readIn('ru')).toBe('Read in Russian');
  });

  it('a language the site has no edition for is an error naming it', () => {
    expect(() => uiStrings('kk')).toThrow(/no interface strings for the language "kk"/);
  });

  it.each([
    [{}, ['nav', 'skipLink']],
    [{ nav: { front: 'x' }, skipLink: 'y' }, ['nav.label', 'nav.latest']],
    [{ nav: en.nav, skipLink: 'y' }, []],
  ])('missingKeys names every key a file lacks, by its path: %j', (strings, expected) => {
    const reference = { nav: { label: '', front: '', latest: '' }, skipLink: '' };
    expect(missingKeys(reference, strings)).toEqual(expected);
  });
});

describe('resolveEditions', () => {
  it('puts the default first, at the root, and fills in the site defaults', () => {
    expect(editions.map(({ lang, prefix, isDefault }) => [lang, prefix, isDefault])).toEqual([
      ['en', '', true],
      ['ru', '/ru', false],
    ]);
    expect([english.title, russian.title, russian.timeZone]).toEqual([
      'Khabar',
      'Хабар',
      'Asia/Almaty',
    ]);
  });

  it('the project config resolves, English first', () => {
    expect(EDITIONS.map(({ lang }) => lang)).toEqual(['en', 'ru']);
  });

  it('names every missing string by key and language, and every other problem, at once', () => {
    const { nav: _nav, ...partial } = ru;
    const broken = {
      ...site,
      editions: [
        ...site.editions,
        { lang: 'kk', locale: 'kk-KZ', strings: { ...partial, skipLink: undefined } as never },
        { lang: 'ru', locale: 'ru-RU', strings: ru },
        { lang: 'x y', locale: 'x', strings: en },
      ],
      defaultEdition: 'de',
    };
    const error = (() => {
      try {
        resolveEditions(broken);
      } catch (caught) {
        return (caught as Error).message;
      }
      return '';
    })();
    expect(error).toContain('edition "kk": its interface strings lack "nav", "skipLink"');
    expect(error).toContain('src/i18n/kk.ts');
    expect(error).toContain('edition "ru" is listed twice');
    expect(error).toContain('edition "x y": expected a language tag');
    expect(error).toContain('defaultEdition "de" is not one of the editions');
  });
});

describe('where pages and articles belong', () => {
  it.each([
    ['/', 'en'],
    ['/ru/', 'ru'],
    ['/ru/tags/odkb/', 'ru'],
    ['/russia/', 'en'],
    ['/tags/ru/', 'en'],
  ])('the page %s is in the %s edition', (path, lang) => {
    expect(editionAt(path, editions).lang).toBe(lang);
  });

  it.each([
    ['2026/a.md', undefined, 'en', undefined],
    ['ru/a.md', undefined, 'ru', undefined],
    ['RU/2026/a.md', undefined, 'ru', undefined],
    ['2026/a.md', 'ru', 'ru', undefined],
    ['ru/a.md', 'ru', 'ru', undefined],
    ['ru.md', undefined, 'en', undefined],
    ['ru/a.md', 'en', 'ru', 'disagrees with the folder "ru/"'],
    ['2026/a.md', 'kk', 'en', 'the site has no "kk" edition; expected one of "en", "ru"'],
  ])('%s with lang %s is in the %s edition', (path, lang, expected, problem) => {
    const placed = articleEdition(path, lang, editions);
    expect(placed.edition.lang).toBe(expected);
    if (problem) expect(placed.problem).toContain(problem);
    else expect(placed.problem).toBeUndefined();
  });

  it('a story and its translation may share a slug: their ids differ', () => {
    const en1 = placeArticle('2026/glacier.md', {}, editions);
    const ru1 = placeArticle('ru/glacier.md', {}, editions);
    expect([en1.key, ru1.key]).toEqual(['glacier', 'ru/glacier']);
    expect(splitArticleKey(ru1.key, editions)).toEqual({ edition: russian, slug: 'glacier' });
    expect(splitArticleKey(articleKey(english, 'x'), editions)).toEqual({
      edition: english,
      slug: 'x',
    });
  });

  it.each([
    [
      [
        { lang: 'en', path: '/a/' },
        { lang: 'ru', path: '/ru/b/' },
      ],
      '/a/',
    ],
    [[{ lang: 'ru', path: '/ru/b/' }], '/ru/b/'],
  ])('alternates list each version and an x-default: %j', (versions, fallback) => {
    const alternates = alternatesOf(versions, 'en');
    expect(alternates.at(-1)).toEqual({ hreflang: 'x-default', path: fallback });
    expect(alternates.slice(0, -1).map(({ hreflang }) => hreflang)).toEqual(
      versions.map(({ lang }) => lang),
    );
  });
});

describe('dates and numbers in the edition language', () => {
  const day = new Date('2026-02-12T06:00:00Z');
  it.each([
    ['en-GB', '12 February 2026', 'February 2026', 'February', '0.01144', '-0.19%'],
    ['ru-RU', '12 февраля 2026', 'Февраль 2026', 'Февраль', '0,01144', '-0,19%'],
  ])('%s', (locale, long, monthYear, month, rate, change) => {
    expect(formatLongDate(day, locale, 'Asia/Almaty')).toBe(long);
    expect(formatMonthYear(2026, 2, locale)).toBe(monthYear);
    expect(formatMonthName(2, locale)).toBe(month);
    expect(formatRate(0.01144, locale)).toBe(rate);
    expect(formatChange(-0.19, locale)).toBe(change);
    expect(formatChange(0, locale)).toBe('0%');
  });
});
