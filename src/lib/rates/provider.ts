import type { ProviderId } from '../../schemas/rates-config.ts';
import { isCalendarDay } from '../dates.ts';

/** A response body as received, before decoding. */
export interface Payload {
  bytes: Uint8Array;
  /** The `Content-Type` header, when there was one. */
  contentType?: string;
}

/** One provider's publication: every currency it quotes, in the requested base. */
export interface Publication {
  provider: ProviderId;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Units of the base currency one unit of each currency buys, unrounded. */
  values: Record<string, number>;
}

/** A source of official daily rates. */
export interface RatesProvider {
  id: ProviderId;
  /** Who publishes the data. */
  name: string;
  /** Where the latest publication is fetched from. */
  defaultUrl: string;
  /** `url` with the query that asks for the publication of `date` (`YYYY-MM-DD`). */
  urlFor(url: string, date?: string): string;
  /** Decodes and parses a payload into values in `base`. @throws RatesError on anything malformed. */
  parse(payload: Payload, base: string): Publication;
}

/** A failure `rates:update` reports and exits on; the files stay as they were. */
export class RatesError extends Error {
  override name = 'RatesError';
}

/** `dd.mm.yyyy` or `dd/mm/yyyy` → `YYYY-MM-DD`. */
export function dayFromDotted(text: string | undefined, what: string): string {
  const match = /^(\d{2})[./](\d{2})[./](\d{4})$/.exec(text?.trim() ?? '');
  if (!match) throw new RatesError(`${what}: expected a date as dd.mm.yyyy, got "${text ?? ''}"`);
  const day = `${match[3]}-${match[2]}-${match[1]}`;
  if (!isCalendarDay(day)) {
    throw new RatesError(`${what}: "${text}" is not a calendar date`);
  }
  return day;
}

/** `YYYY-MM-DD` → `[dd, mm, yyyy]`. */
export function dayParts(day: string): [string, string, string] {
  const [y, m, d] = day.split('-') as [string, string, string];
  return [d, m, y];
}

/** Appends a query parameter to a URL that may already have a query. */
export function withQuery(url: string, key: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(key, value);
  return parsed.href;
}

/** A positive, finite decimal written with `.` or `,`. @throws RatesError otherwise. */
export function parseDecimal(text: string | undefined, what: string): number {
  const cleaned = (text ?? '').trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned))
    throw new RatesError(`${what}: expected a positive decimal number, got "${text ?? ''}"`);
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value <= 0)
    throw new RatesError(`${what}: expected a positive number, got "${text}"`);
  return value;
}
