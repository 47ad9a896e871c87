import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../lib/problems.ts';
import { tickerItems, type TickerItem } from '../lib/ticker.ts';
import { checkRates } from '../lib/validate.ts';
import type { Rates } from '../schemas/rates.ts';
import { CONTENT_DIR } from './build-context.ts';

/** The ticker as every page shows it. */
export interface Ticker {
  asOf: string;
  base: string;
  items: TickerItem[];
}

let cached: { rates: Rates; ticker: Ticker } | undefined;

function load(): { rates: Rates; ticker: Ticker } {
  if (cached) return cached;
  const file = join(CONTENT_DIR, 'rates.json');
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file}: missing; the ticker needs a rates file (see README, "Rates")`);
  }
  const { rates, problems } = checkRates({ file, source });
  if (!rates) throw new Error(problems.map(formatProblem).join('\n'));
  cached = { rates, ticker: { asOf: rates.asOf, base: rates.base, items: tickerItems(rates) } };
  return cached;
}

/** The validated rates file, read once per build. */
export function getRates(): Rates {
  return load().rates;
}

/** The ticker's items, formatted once per build. */
export function getTicker(): Ticker {
  return load().ticker;
}
