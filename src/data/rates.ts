import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLongDate, zonedTime } from '../lib/dates.ts';
import { formatProblem } from '../lib/problems.ts';
import { tickerItems, type TickerItem } from '../lib/ticker.ts';
import { checkRates } from '../validation/rates.ts';
import type { Rates } from '../schemas/rates.ts';
import {
  DEFAULT_RATES_CONFIG,
  ratesConfigSchema,
  type RatesConfig,
} from '../schemas/rates-config.ts';
import { PROVIDERS } from '../lib/rates/providers/index.ts';
import type { Edition } from '../lib/editions.ts';
import { CONTENT_DIR } from './build-context.ts';

/** The ticker as every page shows it. */
export interface Ticker {
  /** The rates' day, `YYYY-MM-DD`. */
  asOf: string;
  /** The same day for readers, such as `12 February 2026`. */
  asOfLabel: string;
  base: string;
  items: TickerItem[];
}

let cached: Rates | undefined;

function load(): Rates {
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
  cached = rates;
  return cached;
}

/** The validated rates file, read once per build. */
export function getRates(): Rates {
  return load();
}

const tickers = new Map<string, Ticker>();

/** The ticker as `edition` shows it (its date and numbers in its language), made once per build. */
export function getTicker(edition: Edition): Ticker {
  let ticker = tickers.get(edition.lang);
  if (!ticker) {
    const rates = load();
    const [year, month, day] = rates.asOf.split('-').map(Number) as [number, number, number];
    const asOfLabel = formatLongDate(
      zonedTime({ year, month, day, hour: 12 }, edition.timeZone),
      edition.locale,
      edition.timeZone,
    );
    ticker = {
      asOf: rates.asOf,
      asOfLabel,
      base: rates.base,
      items: tickerItems(rates, edition.locale),
    };
    tickers.set(edition.lang, ticker);
  }
  return ticker;
}

let sources: string[] | undefined;

/**
 * The institutions the ticker's rates come from, as the footer credits them: the providers of
 * `content/rates/config.json` (or of the default configuration), in the order first named.
 */
export function getRateSources(): string[] {
  if (sources) return sources;
  let config: RatesConfig;
  try {
    config = ratesConfigSchema.parse(
      JSON.parse(readFileSync(join(CONTENT_DIR, 'rates', 'config.json'), 'utf8')),
    );
  } catch {
    // No file, or one `npm run rates:update` refuses: the default providers are the ones credited.
    config = ratesConfigSchema.parse(DEFAULT_RATES_CONFIG);
  }
  const ids = [...new Set(config.currencies.flatMap((currency) => currency.providers))];
  sources = ids.map((id) => PROVIDERS[id].name);
  return sources;
}
