import type { APIRoute } from 'astro';
import { getRates } from '../../data/rates.ts';
import { jsonResponse } from '../../lib/api.ts';

export const GET: APIRoute = () => jsonResponse(getRates());
