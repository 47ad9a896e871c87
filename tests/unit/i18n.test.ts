import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { missingKeys, uiStrings } from '../../src/i18n/index.ts';

describe('interface strings', () => {
  it('the site language has its strings, the English of the seeds', () => {
    expect(uiStrings('en').pager).toEqual({ label: 'Pages', previous: 'Previous', next: 'Next' });
    expect(uiStrings('en').readingTime(3)).toBe('3 min read');
  });

  it('Russian gives every key, and reads as a Russian newsroom writes it', () => {
    expect(missingKeys(en, uiStrings('ru'))).toEqual([]);
    expect(uiStrings('ru').counter.range(1, 6, 14)).toBe('Показаны результаты 1 - 6 из 14');
    expect(uiStrings('ru').ticker.asOf).toBe('Курсы на');
  });

  it('a language without a strings file is an error naming it', () => {
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
