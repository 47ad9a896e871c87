import type { Rates } from '../schemas/rates.ts';
import { daysBetween } from './dates.ts';

/** Which way a rate moved since the previous publication. */
export type Direction = 'up' | 'down' | 'flat';

/** One ticker item, ready to render. */
export interface TickerItem {
  /** Currency code, e.g. `KGS`. */
  code: string;
  /** The pair as shown, e.g. `KGS/USD`. */
  pair: string;
  /** The value as shown, e.g. `0.01144` or `0.0000787`. */
  value: string;
  /** The change as shown, e.g. `0%`, `-0.19%`, `+0.25%`. */
  change: string;
  /** Which way the shown change points. */
  direction: Direction;
  /** The whole item as one line: `KGS/USD = 0.01144 0%`. */
  text: string;
}

interface NumberFormats {
  fixed5: Intl.NumberFormat;
  significant3: Intl.NumberFormat;
  percent: Intl.NumberFormat;
}

const formats = new Map<string, NumberFormats>();

function numberFormats(locale: string): NumberFormats {
  let made = formats.get(locale);
  if (!made) {
    made = {
      fixed5: new Intl.NumberFormat(locale, {
        minimumFractionDigits: 5,
        maximumFractionDigits: 5,
        useGrouping: false,
      }),
      significant3: new Intl.NumberFormat(locale, {
        minimumSignificantDigits: 3,
        maximumSignificantDigits: 3,
        useGrouping: false,
      }),
      percent: new Intl.NumberFormat(locale, {
        maximumFractionDigits: 2,
        signDisplay: 'exceptZero',
        useGrouping: false,
      }),
    };
    formats.set(locale, made);
  }
  return made;
}

/**
 * A rate with 5 decimals (`0.01144`, `0,01144` in `ru-RU`); below 0.001, where 5 decimals would
 * lose the digits that matter, with 3 significant digits (`0.0000787`), never in exponent notation.
 */
export function formatRate(value: number, locale = 'en-US'): string {
  const { significant3, fixed5 } = numberFormats(locale);
  return Math.abs(value) < 0.001 && value !== 0 ? significant3.format(value) : fixed5.format(value);
}

/** A percent change with at most 2 decimals, trailing zeros dropped, signed: `0%`, `-0.19%`, `+0.25%`. */
export function formatChange(change: number, locale = 'en-US'): string {
  return `${numberFormats(locale).percent.format(change)}%`;
}

/** The direction of a change as it is shown, so `0.001` (shown as `0%`) is flat. */
export function changeDirection(change: number): Direction {
  const shown = Math.round(change * 100);
  return shown > 0 ? 'up' : shown < 0 ? 'down' : 'flat';
}

/** The ticker's items, in file order, their numbers as `locale` writes them. */
export function tickerItems(rates: Rates, locale = 'en-US'): TickerItem[] {
  return rates.rates.map(({ code, value, change }) => {
    const pair = `${code}/${rates.base}`;
    const shownValue = formatRate(value, locale);
    const shownChange = formatChange(change, locale);
    return {
      code,
      pair,
      value: shownValue,
      change: shownChange,
      direction: changeDirection(change),
      text: `${pair} = ${shownValue} ${shownChange}`,
    };
  });
}

/** Whether rates published on `asOf` are more than `maxDays` days older than `today` (both `YYYY-MM-DD`). */
export function ratesAreStale(asOf: string, today: string, maxDays: number): boolean {
  return daysBetween(asOf, today) > maxDays;
}
