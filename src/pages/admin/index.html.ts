import { DEFAULT_EDITION } from '../../i18n/index.ts';
import type { APIRoute } from 'astro';
import { ADMIN_BUNDLE_PATH } from '../../integrations/decap-admin.ts';
import { SITE } from '../../site.config.ts';

// A plain page, not an Astro one: Decap CMS injects its own styles and needs none of the site's
// layout or its hashed Content-Security-Policy.
export const GET: APIRoute = () =>
  new Response(
    [
      '<!DOCTYPE html>',
      `<html lang="${DEFAULT_EDITION.lang}">`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="robots" content="noindex">',
      `<title>Editor | ${SITE.title}</title>`,
      '</head>',
      '<body>',
      `<noscript>The editor needs JavaScript. Articles can also be edited as Markdown files in content/articles/.</noscript>`,
      `<script src="${ADMIN_BUNDLE_PATH}"></script>`,
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
