import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  formatLongDate,
  isoDay,
  parseContentDate,
  resolveNow,
  zonedParts,
} from '../../src/lib/dates.ts';

describe.each([
  { input: '2026-02-12', tz: 'Asia/Almaty', iso: '2026-02-11T19:00:00.000Z' },
  { input: '2026-02-12', tz: 'UTC', iso: '2026-02-12T00:00:00.000Z' },
  { input: '2026-07-01', tz: 'Europe/London', iso: '2026-06-30T23:00:00.000Z' },
  { input: '2026-02-12T10:30', tz: 'Asia/Almaty', iso: '2026-02-12T05:30:00.000Z' },
  { input: '2026-02-12T10:30:00+03:00', tz: 'Asia/Almaty', iso: '2026-02-12T07:30:00.000Z' },
  { input: '2026-02-12T10:30:00Z', tz: 'Asia/Almaty', iso: '2026-02-12T10:30:00.000Z' },
  { input: new Date('2026-02-12T00:00:00Z'), tz: 'Asia/Almaty', iso: '2026-02-11T19:00:00.000Z' },
  { input: new Date('2026-02-12T08:00:00Z'), tz: 'Asia/Almaty', iso: '2026-02-12T08:00:00.000Z' },
])('parseContentDate($input, $tz)', ({ input, tz, iso }) => {
  it(`is ${iso}`, () => expect(parseContentDate(input, tz)?.toISOString()).toBe(iso));
});

describe.each([
  { input: '2026-13-01' },
  { input: '2026-02-30' },
  { input: '12 February 2026' },
  { input: '2026-02-12T25:00' },
  { input: '' },
  { input: 20260212 },
  { input: new Date('nonsense') },
])('parseContentDate rejects $input', ({ input }) => {
  it('returns undefined', () => expect(parseContentDate(input, 'Asia/Almaty')).toBeUndefined());
});

describe.each([
  { env: { SOURCE_DATE_EPOCH: '1770854400' }, iso: '2026-02-12T00:00:00.000Z' },
  { env: { SOURCE_DATE_EPOCH: ' 0 ' }, iso: '1970-01-01T00:00:00.000Z' },
  { env: {}, iso: '2030-01-01T00:00:00.000Z' },
  { env: { SOURCE_DATE_EPOCH: '' }, iso: '2030-01-01T00:00:00.000Z' },
])('resolveNow($env)', ({ env, iso }) => {
  it(`is ${iso}`, () =>
    expect(resolveNow(env, () => new Date('2030-01-01T00:00:00Z')).toISOString()).toBe(iso));
});

describe.each(['yesterday', '1.5', '-5', '1e9'])(
  'resolveNow with SOURCE_DATE_EPOCH=%s',
  (value) => {
    it('throws a message naming the variable', () =>
      expect(() => resolveNow({ SOURCE_DATE_EPOCH: value })).toThrow(/SOURCE_DATE_EPOCH/));
  },
);

describe.each([
  { iso: '2026-02-12T12:00:00Z', tz: 'Asia/Almaty', text: '12 February 2026' },
  { iso: '2026-02-11T20:00:00Z', tz: 'Asia/Almaty', text: '12 February 2026' },
  { iso: '2026-02-11T20:00:00Z', tz: 'UTC', text: '11 February 2026' },
  { iso: '2025-04-17T06:00:00Z', tz: 'Asia/Almaty', text: '17 April 2025' },
])('formatLongDate($iso, $tz)', ({ iso, tz, text }) => {
  it(`reads ${text}`, () => expect(formatLongDate(new Date(iso), 'en-GB', tz)).toBe(text));
});

describe('zoned calendar helpers', () => {
  it('reads the wall clock of a time zone', () => {
    expect(zonedParts(new Date('2026-12-31T20:00:00Z'), 'Asia/Almaty')).toMatchObject({
      year: 2027,
      month: 1,
      day: 1,
      hour: 1,
    });
  });
  it('gives the day in the time zone', () =>
    expect(isoDay(new Date('2026-12-31T20:00:00Z'), 'Asia/Almaty')).toBe('2027-01-01'));
  it.each([
    ['2026-02-12', '2026-02-12', 0],
    ['2026-02-09', '2026-02-12', 3],
    ['2026-12-30', '2027-01-02', 3],
  ])('counts days from %s to %s as %i', (a, b, n) => expect(daysBetween(a, b)).toBe(n));
});
