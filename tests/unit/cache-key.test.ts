import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/lib/cache-key.ts';

describe.each([
  { name: 'a different value', a: ['page', 1, ['d1', 'd2']], b: ['page', 2, ['d1', 'd2']] },
  { name: 'the same values in another order', a: [['d1', 'd2']], b: [['d2', 'd1']] },
  { name: 'a value moved between parts', a: ['ab', 'c'], b: ['a', 'bc'] },
  { name: 'a nested field', a: [{ total: 14, url: '/tags/alpha/' }], b: [{ total: 15, url: '/tags/alpha/' }] },
  { name: 'a missing digest', a: [['slug', 'd1']], b: [['slug', undefined]] },
])('cacheKey tells apart $name', ({ a, b }) => {
  it('gives different keys', () => expect(cacheKey(...a)).not.toBe(cacheKey(...b)));
});

describe('cacheKey', () => {
  it('is stable: equal values give equal keys, across calls and copies', () => {
    expect(cacheKey('site', { number: 2, pages: 3 }, [['a', 'd']])).toBe(cacheKey('site', { number: 2, pages: 3 }, [['a', 'd']]));
  });
  it('is short enough for a manifest of 100,000 pages', () => expect(cacheKey('x')).toMatch(/^[\w-]{24}$/));
});
