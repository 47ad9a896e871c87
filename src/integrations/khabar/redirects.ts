import { editionOfPath } from '../../i18n/index.ts';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Host } from '../../lib/hosts.ts';
import { redirectRules, redirectsFileOf } from '../../lib/redirect-rules.ts';
import { redirectPage, WORDPRESS_SHORTLINK } from '../../lib/redirects.ts';
import { outputFileOf } from '../../lib/safe-path.ts';
import type { Redirect } from '../../schemas/redirects.ts';
import { SITE } from '../../site.config.ts';

/**
 * Writes the redirects: `_redirects` (plain lines and pattern rules, `redirect-rules.ts`), and a
 * static page at each old path a `host` that ignores `_redirects` would otherwise lose (every one
 * on GitHub Pages and S3; on Netlify and Cloudflare Pages only those no rule carries). `live` is
 * every path the site serves: no pattern may match one. Returns how many rules of each kind
 * `_redirects` has.
 * @throws naming the redirect when its page would replace a file the build wrote; content checks
 * rule that out for pages they know of, and this keeps any other file from being overwritten.
 */
export async function writeRedirects(
  outDir: string,
  redirects: readonly Redirect[],
  live: readonly string[],
  host: Host,
): Promise<{ staticRedirects: number; dynamicRedirects: number }> {
  // Every path is placed before anything is written, so a refused one leaves the output untouched.
  for (const { from } of redirects) outputFileOf(outDir, from);
  const clashes = redirects.filter(({ from }) => existsSync(outputFileOf(outDir, from)));
  if (clashes.length > 0) {
    throw new Error(
      clashes
        .map(({ from }) => `redirect from ${from} would replace a file the build wrote`)
        .join('\n'),
    );
  }
  const shortlinks =
    !host.refusesQueryRules && redirects.some(({ from }) => WORDPRESS_SHORTLINK.test(from));
  const rules = redirectRules(
    redirects,
    live,
    host.readsRedirectsFile
      ? {
          maxLines: host.maxStaticRedirects,
          maxPatterns:
            host.maxDynamicRedirects === undefined
              ? undefined
              : host.maxDynamicRedirects - (shortlinks ? 1 : 0),
        }
      : {},
  );
  for (const redirect of host.readsRedirectsFile ? rules.pages : redirects) {
    const file = outputFileOf(outDir, redirect.from);
    await mkdir(dirname(file), { recursive: true });
    const edition = editionOfPath(redirect.to);
    await writeFile(
      file,
      redirectPage(redirect, { url: SITE.url, ...edition, moved: edition.strings.moved }),
    );
  }
  if (redirects.length > 0)
    await appendFile(join(outDir, '_redirects'), redirectsFileOf(rules, shortlinks));
  return {
    staticRedirects: rules.listed.length,
    dynamicRedirects: rules.patterns.length + (shortlinks ? 1 : 0),
  };
}
