import type { APIRoute, GetStaticPaths } from 'astro';
import { z } from 'astro/zod';
import { absolute, jsonResponse } from '../../../lib/api.ts';
import { API_SCHEMAS } from '../../../schemas/api.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (() =>
  Object.keys(API_SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.name as keyof typeof API_SCHEMAS;
  return jsonResponse({
    $id: absolute(SITE.url, `/api/schema/${name}`),
    ...z.toJSONSchema(API_SCHEMAS[name], { io: 'output' }),
  });
};
