import { describe, expect, it } from 'vitest';
import {
  changeDirection,
  formatChange,
  formatRate,
  ratesAreStale,
  tickerItems,
} from '../../src/lib/ticker.ts';

describe.each([
  { value: 0.01144, shown: '0.01144' },
  { value: 0.00191, shown: '0.00191' },
  { value: 0.28575, shown: '0.28575' },
  { value: 0.001, shown: '0.00100' },
  { value: 1.5, shown: '1.50000' },
  { value: 0.0000787, shown: '0.0000787' },
  { value: 0.00007874, shown: '0.0000787' },
  { value: 0.00007875, shown: '0.0000788' },
  { value: 0.000000123, shown: '0.000000123' },
])('formatRate($value)', ({ value, shown }) => {
  it(`shows ${shown}`, () => expect(formatRate(value)).toBe(shown));
});

describe('formatRate on tiny values', () => {
  it('never rounds a sum-sized rate down to 0.00008', () =>
    expect(formatRate(0.0000787)).not.toBe('0.00008'));
});

describe.each([
  { change: 0, shown: '0%', direction: 'flat' },
  { change: -0, shown: '0%', direction: 'flat' },
  { change: -0.19, shown: '-0.19%', direction: 'down' },
  { change: 0.25, shown: '+0.25%', direction: 'up' },
  { change: 0.2, shown: '+0.2%', direction: 'up' },
  { change: 1.5, shown: '+1.5%', direction: 'up' },
  { change: 10, shown: '+10%', direction: 'up' },
  { change: -0.14, shown: '-0.14%', direction: 'down' },
  { change: 0.123, shown: '+0.12%', direction: 'up' },
  { change: 0.004, shown: '0%', direction: 'flat' },
  { change: -0.004, shown: '0%', direction: 'flat' },
])('formatChange($change)', ({ change, shown, direction }) => {
  it(`shows ${shown}, ${direction}`, () => {
    expect(formatChange(change)).toBe(shown);
    expect(changeDirection(change)).toBe(direction);
  });
});

describe('tickerItems', () => {
  it('keeps file order and formats each line like the original site', () => {
    const items = tickerItems({
      asOf: '2026-02-12',
      base: 'USD',
      rates: [
        { code: 'KGS', value: 0.01144, change: 0 },
        { code: 'TJS', value: 0.10626, change: -0.19 },
        { code: 'UZS', value: 0.0000787, change: 0.3 },
      ],
    });
    expect(items.map((item) => item.text)).toEqual([
      'KGS/USD = 0.01144 0%',
      'TJS/USD = 0.10626 -0.19%',
      'UZS/USD = 0.0000787 +0.3%',
    ]);
    expect(items.map((item) => item.direction)).toEqual(['flat', 'down', 'up']);
  });
});

describe.each([
  { asOf: '2026-02-12', today: '2026-02-12', stale: false },
  { asOf: '2026-02-09', today: '2026-02-12', stale: false },
  { asOf: '2026-02-08', today: '2026-02-12', stale: true },
  { asOf: '2025-12-30', today: '2026-01-03', stale: true },
])('ratesAreStale($asOf, $today)', ({ asOf, today, stale }) => {
  it(`is ${stale} with a 3-day limit`, () => expect(ratesAreStale(asOf, today, 3)).toBe(stale));
});
