import { z } from 'astro/zod';
import { currencyCodeSchema } from './rates.ts';

/** The providers `npm run rates:update` knows. */
export const PROVIDER_IDS = ['cbr', 'nbk'] as const;

/** A rates provider: `cbr` (Central Bank of Russia) or `nbk` (National Bank of Kazakhstan). */
export const providerIdSchema = z.enum(PROVIDER_IDS, {
  error: `expected one of: ${PROVIDER_IDS.join(', ')}`,
});

/** `content/rates/config.json`: which currencies the ticker shows and where each comes from. */
export const ratesConfigSchema = z.strictObject({
  /** The currency values are expressed in. */
  base: currencyCodeSchema.default('USD'),
  /** The ticker's currencies in display order, each with its providers, first choice first. */
  currencies: z
    .array(
      z.strictObject({
        /** The currency, e.g. `KGS`. */
        code: currencyCodeSchema,
        /** Providers to try in order; the next is used when one fails or lacks the currency. */
        providers: z.array(providerIdSchema).min(1, { error: 'expected at least one provider' }),
      }),
    )
    .min(1, { error: 'expected at least one currency' }),
  /** A day-on-day move larger than this many percent is refused as implausible. */
  maxDailyChangePercent: z.number().positive().default(20),
  /** Time limit of one HTTP request, in milliseconds. */
  timeoutMs: z.number().int().positive().default(15_000),
  /** Further attempts after a failed request. */
  retries: z.number().int().nonnegative().default(3),
  /**
   * Time limit of the whole fetch, retries included, in milliseconds. Each provider gets an equal
   * share of what is left when its turn comes, so a hung first choice leaves time for the next.
   */
  deadlineMs: z.number().int().positive().default(60_000),
  /** Largest response accepted from a provider, in bytes; reading stops as soon as it is passed. */
  maxResponseBytes: z.number().int().positive().default(5_000_000),
});

export type ProviderId = z.infer<typeof providerIdSchema>;
export type RatesConfig = z.infer<typeof ratesConfigSchema>;
export type RatesConfigInput = z.input<typeof ratesConfigSchema>;

/** The configuration used when `content/rates/config.json` is absent. */
export const DEFAULT_RATES_CONFIG: RatesConfigInput = {
  base: 'USD',
  currencies: ['KGS', 'KZT', 'TJS', 'UZS', 'TMT'].map((code) => ({
    code,
    providers: ['cbr', 'nbk'] as ProviderId[],
  })),
};
