import type { ProviderId, RatesConfig } from '../../schemas/rates-config.ts';
import { daysBetween } from '../dates.ts';
import { fetchPayload } from './fetch.ts';
import { RatesError, type Publication } from './provider.ts';
import { PROVIDERS } from './providers/index.ts';

/** How many days after the update's own day a publication may be dated (banks publish tomorrow's rate today). */
export const FUTURE_TOLERANCE_DAYS = 1;

/** Where and when `gatherPublications` fetches. */
export interface GatherOptions {
  /** Each provider's address (its `defaultUrl` or an override). */
  urls: ReadonlyMap<ProviderId, string>;
  /** `YYYY-MM-DD` of the publication to ask for; the latest when absent. */
  date?: string;
  /** The update's own day, `YYYY-MM-DD` in the site's time zone. */
  today: string;
  /** The site's time zone, named in messages. */
  timeZone: string;
}

/**
 * @throws RatesError when `publication` is dated more than {@link FUTURE_TOLERANCE_DAYS} after
 * `today`: a clock or server that is wrong, or data that is not what it claims to be.
 */
export function checkNotAhead(publication: Publication, today: string, timeZone: string): void {
  if (daysBetween(today, publication.date) > FUTURE_TOLERANCE_DAYS) {
    throw new RatesError(
      `${publication.provider}: publication dated ${publication.date} is more than ${FUTURE_TOLERANCE_DAYS} day after today (${today} in ${timeZone})`,
    );
  }
}

/**
 * Fetches and parses the providers the configured currencies need, first choices first, each
 * provider at most once and only when an earlier one left a currency unsupplied. Every provider
 * not yet tried gets an equal share of the time left before `config.deadlineMs` runs out.
 * Returns each tried provider's publication, or the error that stopped it.
 */
export async function gatherPublications(
  config: RatesConfig,
  options: GatherOptions,
): Promise<Map<ProviderId, Publication | Error>> {
  const order = [...new Set(config.currencies.flatMap((currency) => currency.providers))];
  const deadline = Date.now() + config.deadlineMs;
  const publications = new Map<ProviderId, Publication | Error>();
  async function publicationOf(id: ProviderId): Promise<Publication | Error> {
    const known = publications.get(id);
    if (known) return known;
    const provider = PROVIDERS[id];
    const share = (deadline - Date.now()) / (order.length - publications.size);
    let result: Publication | Error;
    try {
      const url = provider.urlFor(options.urls.get(id) ?? provider.defaultUrl, options.date);
      const payload = await fetchPayload(url, {
        timeoutMs: config.timeoutMs,
        retries: config.retries,
        deadline: Date.now() + share,
        maxBytes: config.maxResponseBytes,
      });
      result = provider.parse(payload, config.base);
      checkNotAhead(result, options.today, options.timeZone);
    } catch (error) {
      result = error instanceof Error ? error : new Error(String(error));
    }
    publications.set(id, result);
    return result;
  }
  for (const { code, providers } of config.currencies) {
    for (const id of providers) {
      const result = await publicationOf(id);
      if (!(result instanceof Error) && code in result.values) break;
    }
  }
  return publications;
}
