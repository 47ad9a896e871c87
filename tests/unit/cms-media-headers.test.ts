import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../scripts/lib/static-host.ts';
import { ROOT } from '../helpers/site.ts';

type Rules = ReturnType<typeof parseHeadersFile>;

/** The headers a path gets as Cloudflare Pages documents it: every matching block, repeated headers joined with ", ". */
function joined(rules: Rules, path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

/** The headers a path gets from a host that keeps only the last block's value of a header. */
function lastWins(rules: Rules, path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules)
    if (rule.pattern.test(path))
      for (const [name, value] of rule.headers) headers.set(name.toLowerCase(), value);
  return headers;
}

/** Each policy of a Content-Security-Policy value (policies are comma-separated), as directive → value. */
function policies(value: string | undefined): Map<string, string>[] {
  return (value ?? '').split(',').map(
    (policy) =>
      new Map(
        policy
          .split(';')
          .map((directive) => directive.trim())
          .filter(Boolean)
          .map((directive): [string, string] => {
            const [name = '', ...rest] = directive.split(/\s+/);
            return [name, rest.join(' ')];
          }),
      ),
  );
}

let rules: Rules;

describe('public/_headers for media the editing UI uploads, and every other file', () => {
  beforeAll(async () => {
    rules = parseHeadersFile(await readFile(join(ROOT, 'public/_headers'), 'utf8'));
  });

  // Pages may be framed by the site's own pages (each shows /today/ in a frame), never by others;
  // uploads and SVG by nothing at all.
  it.each([
    ['/', "'self'"],
    ['/today/', "'self'"],
    ['/articles/a/', "'self'"],
    ['/images/photo.jpg', "'none'"],
    ['/images/logo.svg', "'none'"],
    ['/favicon.svg', "'none'"],
    ['/_astro/app.css', "'self'"],
    ['/pagefind/pagefind.js', "'self'"],
    ['/api/articles.json', "'self'"],
  ])('for %s sends nosniff, and frame-ancestors %s', (path, ancestors) => {
    for (const headers of [joined(rules, path), lastWins(rules, path)]) {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      const framing = policies(headers.get('content-security-policy')).map((policy) =>
        policy.get('frame-ancestors'),
      );
      // Every policy is enforced: the strictest one decides.
      expect(framing).toContain(ancestors);
      expect(framing.every((value) => value === "'self'" || value === "'none'")).toBe(true);
    }
  });

  it.each([
    '/favicon.svg',
    '/images/logo.svg',
    '/images/2026/chart.svg',
    '/images/page.html',
    '/images/photo.jpg',
  ])('sandboxes %s with a policy that allows no script, object or connection', (path) => {
    for (const headers of [joined(rules, path), lastWins(rules, path)]) {
      const strict = policies(headers.get('content-security-policy')).find((policy) =>
        policy.has('sandbox'),
      );
      expect(strict?.get('sandbox')).toBe('');
      expect(strict?.get('default-src')).toBe("'none'");
      expect(
        [...(strict?.keys() ?? [])].filter((name) =>
          /^(script|object|connect|frame|child|worker)-src/.test(name),
        ),
      ).toEqual([]);
    }
  });

  it('leaves pages to their own <meta> policy: no sandbox on them', () => {
    for (const path of ['/', '/articles/a/', '/admin/']) {
      expect(
        policies(joined(rules, path).get('content-security-policy')).some((policy) =>
          policy.has('sandbox'),
        ),
      ).toBe(false);
    }
  });
});
