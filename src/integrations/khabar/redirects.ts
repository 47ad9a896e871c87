import { editionOfPath } from '../../i18n/index.ts';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { redirectPage, redirectsFile } from '../../lib/redirects.ts';
import { outputFileOf } from '../../lib/safe-path.ts';
import type { Redirect } from '../../schemas/redirects.ts';
import { SITE } from '../../site.config.ts';

/**
 * Writes a static page for each redirect and appends them to `_redirects`.
 * @throws naming the redirect when its page would replace a file the build wrote; content checks
 * rule that out for pages they know of, and this keeps any other file from being overwritten.
 */
export async function writeRedirects(
  outDir: string,
  redirects: readonly Redirect[],
): Promise<void> {
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
  for (const redirect of redirects) {
    const file = outputFileOf(outDir, redirect.from);
    await mkdir(dirname(file), { recursive: true });
    const edition = editionOfPath(redirect.to);
    await writeFile(
      file,
      redirectPage(redirect, { url: SITE.url, ...edition, moved: edition.strings.moved }),
    );
  }
  if (redirects.length > 0) await appendFile(join(outDir, '_redirects'), redirectsFile(redirects));
}
