import { describe, expect, it } from 'vitest';
import { clip, documentTitle, sourceLength } from '../../src/lib/head.ts';

describe.each([
  {
    name: 'a short headline gets the site name',
    title: 'Tenge rallies',
    expected: 'Tenge rallies | Khabar',
  },
  { name: 'the home page is the site name alone', title: 'Khabar', expected: 'Khabar' },
  {
    name: 'a headline that fits only alone drops the site name',
    title: 'x'.repeat(25),
    expected: 'x'.repeat(25),
  },
  {
    name: 'a headline too long even alone is clipped at a word',
    title: 'Ministers of the collective security bloc meet',
    expected: 'Ministers of the…',
  },
  {
    name: 'escaped characters count as written in the source',
    title: '"A" & <B>',
    expected: '"A" &…',
  },
])('documentTitle: $name', ({ title, expected }) => {
  it(`is ${JSON.stringify(expected)}`, () => {
    const result = documentTitle(title, 'Khabar', 25);
    expect(result).toBe(expected);
    expect(sourceLength(result)).toBeLessThanOrEqual(25);
  });
});

describe.each([
  ['fits', 'short text', 20, 'short text'],
  ['cut at the last space past half', 'one two three four five', 14, 'one two three…'],
  ['cut mid-word when no space is near', 'Supercalifragilistic', 10, 'Supercali…'],
])('clip: %s', (_name, text, max, expected) => {
  it(`gives ${JSON.stringify(expected)}`, () => expect(clip(text, max)).toBe(expected));
});

describe.each([
  ['plain text', 'Tenge', 5],
  ['entities', `a & b < c > "d" 'e'`, 19 + 4 + 3 + 3 + 5 + 5 + 4 + 4],
  ['Cyrillic', 'ОДКБ', 4],
])('sourceLength: %s', (_name, text, expected) => {
  it(`is ${expected}`, () => expect(sourceLength(text)).toBe(expected));
});
