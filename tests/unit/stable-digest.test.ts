import { describe, expect, it } from 'vitest';
import { stableDigest } from '../../src/lib/stable-digest.ts';

describe.each([
  { name: 'a different value', a: ['page', 1, ['d1', 'd2']], b: ['page', 2, ['d1', 'd2']] },
  { name: 'the same values in another order', a: [['d1', 'd2']], b: [['d2', 'd1']] },
  { name: 'a value moved between parts', a: ['ab', 'c'], b: ['a', 'bc'] },
  {
    name: 'a nested field',
    a: [{ total: 14, url: '/tags/alpha/' }],
    b: [{ total: 15, url: '/tags/alpha/' }],
  },
  { name: 'a missing digest', a: [['slug', 'd1']], b: [['slug', undefined]] },
])('stableDigest tells apart $name', ({ a, b }) => {
  it('gives different keys', () => expect(stableDigest(...a)).not.toBe(stableDigest(...b)));
});

describe('stableDigest', () => {
  it('is stable: equal values give equal keys, across calls and copies', () => {
    expect(stableDigest('site', { number: 2, pages: 3 }, [['a', 'd']])).toBe(
      stableDigest('site', { number: 2, pages: 3 }, [['a', 'd']]),
    );
  });
  it('is short enough for a manifest of 100,000 pages', () =>
    expect(stableDigest('x')).toMatch(/^[\w-]{24}$/));
});
