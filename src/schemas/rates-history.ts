import { z } from 'astro/zod';
import { currencyCodeSchema, isoDaySchema } from './rates.ts';

/** One publication of official rates, as fetched, before any rounding. */
export const observationSchema = z.strictObject({
  /** The day the rates were published for. */
  date: isoDaySchema,
  /** Units of the base currency one unit of each currency buys, unrounded. */
  values: z.record(
    currencyCodeSchema,
    z.number().positive({ error: 'expected a positive number' }),
  ),
  /** The provider each value came from, e.g. `cbr`. */
  sources: z.record(currencyCodeSchema, z.string()),
});

/** `content/rates/history.json`: every publication the ticker has shown, oldest first. */
export const ratesHistorySchema = z
  .strictObject({
    /** The currency every value is expressed in. */
    base: currencyCodeSchema,
    /** Publications, oldest first, one per date. */
    observations: z.array(observationSchema),
  })
  .refine(
    (history) => history.observations.every((o, i, all) => i === 0 || all[i - 1]!.date < o.date),
    {
      error: 'observations must be in date order, one per date',
      path: ['observations'],
    },
  );

export type Observation = z.infer<typeof observationSchema>;
export type RatesHistory = z.infer<typeof ratesHistorySchema>;
export type RatesHistoryInput = z.input<typeof ratesHistorySchema>;
