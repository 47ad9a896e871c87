import { perEdition } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRates } from '../../../data/rates.ts';
import { jsonResponse } from '../../../lib/api.ts';

// The same rates in every edition's API: the data has no language.
export const getStaticPaths = (() => perEdition(() => [{}])) satisfies GetStaticPaths;

export const GET: APIRoute = () => jsonResponse(getRates());
