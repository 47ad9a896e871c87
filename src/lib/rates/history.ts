import type { RatesConfig } from '../../schemas/rates-config.ts';
import type { Observation, RatesHistory } from '../../schemas/rates-history.ts';
import type { Rates } from '../../schemas/rates.ts';
import { RatesError, type Publication } from './provider.ts';

/** `error`'s message, led by the provider's id unless it already is. */
function failureLine(id: string, error: Error): string {
  return error.message.startsWith(`${id}: `) ? error.message : `${id}: ${error.message}`;
}

/**
 * Picks each configured currency from the first of its providers that published it.
 * `publications` maps a provider to its publication or to the error that stopped it.
 * The observation's date is the newest among the publications used.
 * @throws RatesError when a currency is left unsupplied: each failed provider's error once, one
 * line each, after the missing currencies (left out when every provider failed, since the
 * failures then say it all).
 */
export function combinePublications(
  config: RatesConfig,
  publications: ReadonlyMap<string, Publication | Error>,
): Observation {
  const values: Record<string, number> = {};
  const sources: Record<string, string> = {};
  const dates = new Set<string>();
  const missing: string[] = [];
  for (const { code, providers } of config.currencies) {
    const found = providers
      .map((id) => publications.get(id))
      .find((p): p is Publication => !!p && !(p instanceof Error) && code in p.values);
    if (!found) {
      const why = providers.map((id) => {
        const p = publications.get(id);
        return `${id}: ${p instanceof Error ? 'failed' : p ? `no ${code} in its publication` : 'not fetched'}`;
      });
      missing.push(`${code} (${why.join('; ')})`);
      continue;
    }
    values[code] = found.values[code]!;
    sources[code] = found.provider;
    dates.add(found.date);
  }
  if (missing.length > 0) {
    const failures = [...publications].filter(
      (entry): entry is [string, Error] => entry[1] instanceof Error,
    );
    const lines = failures.map(([id, error]) => failureLine(id, error));
    const anyPublished = failures.length < publications.size;
    throw new RatesError(
      anyPublished
        ? [`missing currency: ${missing.join(', ')}`, ...lines].join('\n')
        : `every provider failed:\n${lines.join('\n')}`,
    );
  }
  return { date: [...dates].sort().at(-1)!, values, sources };
}

/** Percent change from `before` to `after`. */
export function percentChange(before: number, after: number): number {
  return (after / before - 1) * 100;
}

/** Rounds to `digits` significant digits, keeping the published file free of float noise. */
function significant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/**
 * Adds an observation to the history and derives the ticker file from it.
 * `change` is against the latest earlier publication in the history (weekends and holidays have
 * none, so they are skipped, not zero-filled), computed from unrounded values. Recording a date
 * already in the history replaces that entry, so a second run on one day changes nothing.
 * @throws RatesError for a non-positive or non-finite value, a date older than the newest one
 * stored (`storedAsOf` too), or a move beyond `config.maxDailyChangePercent`.
 */
export function recordObservation(
  history: RatesHistory,
  observation: Observation,
  config: RatesConfig,
  storedAsOf?: string,
): { history: RatesHistory; rates: Rates } {
  const bad = Object.entries(observation.values).filter(
    ([, value]) => !Number.isFinite(value) || value <= 0,
  );
  if (bad.length > 0)
    throw new RatesError(
      `invalid value: ${bad.map(([code, value]) => `${code} = ${value}`).join(', ')}`,
    );
  const newest = [history.observations.at(-1)?.date, storedAsOf]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  if (newest && observation.date < newest) {
    throw new RatesError(
      `publication date ${observation.date} is older than ${newest}, which is already stored`,
    );
  }
  const earlier = history.observations.filter((o) => o.date < observation.date);
  const previous = earlier.at(-1);
  const jumps = config.currencies
    .map(({ code }) => ({ code, before: previous?.values[code], after: observation.values[code]! }))
    .filter(
      ({ before, after }) =>
        before !== undefined &&
        Math.abs(percentChange(before, after)) > config.maxDailyChangePercent,
    );
  if (jumps.length > 0) {
    const list = jumps.map(
      ({ code, before, after }) =>
        `${code} ${before} → ${after} (${percentChange(before!, after).toFixed(1)}%)`,
    );
    throw new RatesError(
      `implausible day-on-day change beyond ${config.maxDailyChangePercent}%: ${list.join(', ')}`,
    );
  }
  const later = history.observations.filter((o) => o.date > observation.date);
  const rates: Rates = {
    asOf: observation.date,
    base: config.base,
    rates: config.currencies.map(({ code }) => {
      const value = observation.values[code]!;
      const before = previous?.values[code];
      const change =
        before === undefined ? 0 : Math.round(percentChange(before, value) * 100) / 100;
      return { code, value: significant(value, 6), change: Object.is(change, -0) ? 0 : change };
    }),
  };
  return {
    history: { base: history.base, observations: [...earlier, observation, ...later] },
    rates,
  };
}
