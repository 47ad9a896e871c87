import type { ProviderId } from '../../../schemas/rates-config.ts';
import type { RatesProvider } from '../provider.ts';
import { cbr } from './cbr.ts';
import { nbk } from './nbk.ts';

/** Every provider by id. */
export const PROVIDERS: Readonly<Record<ProviderId, RatesProvider>> = { cbr, nbk };
