import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse } from 'node-html-parser';
import { SITE } from '../../src/site.config.ts';
import { listFiles } from './site.ts';

/** A reference from one built file to a URL of the site that no file answers. */
export interface BrokenReference {
  /** The built file holding the reference, relative to the output folder. */
  from: string;
  /** The URL as written. */
  url: string;
}

// Elements and attributes whose values are URLs the browser follows or loads.
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['source[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
];

/** The site path a URL points to, or undefined when it leads off the site. */
function sitePath(url: string, base: string): string | undefined {
  const resolved = new URL(url, new URL(base, SITE.url));
  return resolved.origin === new URL(SITE.url).origin
    ? decodeURIComponent(resolved.pathname)
    : undefined;
}

/** The file a static host serves for a site path, if there is one. */
async function servedFile(outDir: string, path: string): Promise<string | undefined> {
  const candidates = path.endsWith('/')
    ? [join(path, 'index.html')]
    : [path, join(path, 'index.html')];
  for (const candidate of candidates) {
    if ((await stat(join(outDir, candidate)).catch(() => undefined))?.isFile()) return candidate;
  }
  return undefined;
}

/**
 * Every internal reference in a built site that resolves to no file: links, stylesheets, images,
 * scripts and Open Graph URLs in HTML pages, `url()` in CSS, `<loc>` and `<link>` in XML, and
 * `#fragment` links to an id the target page lacks.
 */
export async function brokenReferences(outDir: string): Promise<BrokenReference[]> {
  const broken: BrokenReference[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!ids.has(file)) {
      const doc = parse(await readFile(join(outDir, file), 'utf8'));
      ids.set(file, new Set(doc.querySelectorAll('[id]').map((element) => element.id)));
    }
    return ids.get(file)!;
  };
  const check = async (from: string, url: string) => {
    if (url === '' || /^(mailto|tel|data):/i.test(url)) return;
    const base = `/${from.replace(/index\.html$/, '')}`;
    const path = sitePath(url, base);
    if (path === undefined) return;
    const file = await servedFile(outDir, path);
    if (!file) return broken.push({ from, url });
    const fragment = new URL(url, new URL(base, SITE.url)).hash.slice(1);
    if (
      fragment &&
      file.endsWith('.html') &&
      !(await idsOf(file)).has(decodeURIComponent(fragment))
    )
      broken.push({ from, url });
  };

  for (const file of await listFiles(outDir)) {
    const text = () => readFile(join(outDir, file), 'utf8');
    if (file.endsWith('.html')) {
      const doc = parse(await text());
      for (const [selector, attribute] of URL_ATTRIBUTES) {
        for (const element of doc.querySelectorAll(selector))
          await check(file, element.getAttribute(attribute) ?? '');
      }
      for (const element of doc.querySelectorAll('img[srcset], source[srcset]')) {
        for (const candidate of (element.getAttribute('srcset') ?? '').split(','))
          await check(file, candidate.trim().split(/\s+/)[0] ?? '');
      }
    } else if (file.endsWith('.css')) {
      for (const [, url] of (await text()).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g))
        await check(file, url!);
    } else if (file.endsWith('.xml')) {
      for (const [, url] of (await text()).matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g))
        await check(file, url!.trim());
    }
  }
  return broken;
}

/** What a page costs a reader: its HTML and the CSS and JavaScript files it loads. */
export interface PageWeight {
  htmlBytes: number;
  cssBytes: number;
  scripts: string[];
}

/** Weighs a built page by its site path. */
export async function pageWeight(outDir: string, urlPath: string): Promise<PageWeight> {
  const html = await readFile(join(outDir, urlPath, 'index.html'));
  const doc = parse(html.toString('utf8'));
  let cssBytes = 0;
  for (const link of doc.querySelectorAll('link[rel="stylesheet"]')) {
    cssBytes += (await stat(join(outDir, posix.normalize(link.getAttribute('href') ?? '')))).size;
  }
  const scripts = [
    ...doc.querySelectorAll('script[src]').map((script) => script.getAttribute('src') ?? ''),
    ...doc
      .querySelectorAll('link[rel="modulepreload"]')
      .map((link) => link.getAttribute('href') ?? ''),
    ...doc
      .querySelectorAll('script')
      .filter(
        (script) =>
          !script.hasAttribute('src') && script.getAttribute('type') !== 'application/ld+json',
      )
      .map(() => 'inline script'),
  ];
  return { htmlBytes: html.length, cssBytes, scripts };
}
