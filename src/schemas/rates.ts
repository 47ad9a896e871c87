import { z } from 'astro/zod';
import { isCalendarDay } from '../lib/dates.ts';

const CURRENCY_CODE = /^[A-Z]{3}$/;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A currency code as ISO 4217 writes it: three capital letters. */
export const currencyCodeSchema = z
  .string({ error: 'expected a three-letter currency code such as `KGS`' })
  .regex(CURRENCY_CODE, { error: 'expected a three-letter currency code such as `KGS`' });

/** A calendar day written `YYYY-MM-DD`. */
export const isoDaySchema = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .regex(PLAIN_DATE, { error: 'expected a date as YYYY-MM-DD' })
  .refine(isCalendarDay, { error: 'expected a real calendar date as YYYY-MM-DD' });

/** One currency on the ticker. */
export const rateSchema = z.strictObject({
  /** The currency, e.g. `KGS`. */
  code: currencyCodeSchema,
  /** How many units of the base currency one unit of `code` buys. */
  value: z.number({ error: 'expected a number' }).positive({ error: 'expected a positive number' }),
  /** Percent change against the previous publication; `-0.19` means down 0.19 %. */
  change: z.number({ error: 'expected a number (percent change)' }),
});

/** `content/rates.json`: the ticker's data, one publication. */
export const ratesSchema = z
  .strictObject({
    /** The publication date of these rates. */
    asOf: isoDaySchema,
    /** The currency every value is expressed in, e.g. `USD`. */
    base: currencyCodeSchema,
    /** The ticker's currencies, in the order they are shown. */
    rates: z
      .array(rateSchema, { error: 'expected a list of rates' })
      .min(1, { error: 'expected at least one rate' }),
  })
  .superRefine((rates, ctx) => {
    const seen = new Set<string>();
    rates.rates.forEach((rate, index) => {
      if (seen.has(rate.code))
        ctx.addIssue({
          code: 'custom',
          path: ['rates', index, 'code'],
          message: `duplicate currency ${rate.code}`,
        });
      seen.add(rate.code);
    });
  });

export type Rate = z.infer<typeof rateSchema>;
export type Rates = z.infer<typeof ratesSchema>;
export type RatesInput = z.input<typeof ratesSchema>;
