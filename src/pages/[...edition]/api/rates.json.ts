import { perEdition, type Edition } from '../../../i18n/index.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRates } from '../../../data/rates.ts';
import { jsonResponse } from '../../../lib/api.ts';

export const getStaticPaths = (() => perEdition(() => [{}])) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = ({ props: { edition } }) =>
  jsonResponse(getRates());
