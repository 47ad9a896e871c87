/**
 * `npm run lighthouse`: Lighthouse (mobile emulation, every category) on each page type of a built
 * site, served from 127.0.0.1 as a static host serves it (`_headers`, gzip), with Debian's
 * Chromium. Prints the scores and exits 1 when one is below the bar.
 *
 * Options: --dir DIR (the built site; default dist), --min N (the bar; default 95).
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from './lib/chromium.ts';
import { serveStatic } from './lib/static-host.ts';

const { values: args } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, min: { type: 'string', default: '95' } },
});
const dir = resolve(args.dir);
const min = Number(args.min);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** The first page under `folder` of the built site (a tag, a section…), or undefined. */
async function firstUnder(folder: string): Promise<string | undefined> {
  const names = await readdir(join(dir, folder), { withFileTypes: true }).catch(() => []);
  const first = names
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0];
  return first === undefined ? undefined : `/${folder}/${first}/`;
}

const pages: Array<[string, string | undefined]> = [
  ['front', '/'],
  ['latest', '/latest/'],
  ['tag', await firstUnder('tags')],
  ['section', await firstUnder('sections')],
  ['author', await firstUnder('authors')],
  ['article', await firstUnder('articles')],
  ['archive', '/archive/'],
  ['search', '/search/'],
];

const host = await serveStatic(dir);
const chrome = await launch({
  chromePath: CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
const rows: string[] = [];
const misses: string[] = [];
let failed = false;
try {
  for (const [name, path] of pages) {
    if (path === undefined) continue;
    const result = await lighthouse(`${host.origin}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const scores = CATEGORIES.map((category) =>
      Math.round((result?.lhr.categories[category]?.score ?? 0) * 100),
    );
    if (scores.some((score) => score < min)) failed = true;
    rows.push(`| ${name} | \`${path}\` | ${scores.join(' | ')} |`);
    // What holds a category below the bar: its weighted audits that did not pass.
    for (const [i, category] of CATEGORIES.entries()) {
      if (scores[i]! >= min || !result) continue;
      for (const ref of result.lhr.categories[category]?.auditRefs ?? []) {
        const audit = result.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9)
          misses.push(
            `${name} ${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
          );
      }
    }
  }
} finally {
  chrome.kill();
  await host.close();
}
process.stdout.write(
  [
    `Lighthouse ${min}+ in every category (mobile emulation), ${dir}`,
    '',
    '| page | path | performance | accessibility | best practices | SEO |',
    '| --- | --- | --: | --: | --: | --: |',
    ...rows,
    '',
    ...misses,
    '',
  ].join('\n'),
);
process.exit(failed ? 1 : 0);
