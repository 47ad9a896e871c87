import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh temporary folder. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `khabar-${prefix}-`));
}

/** An article file's text from frontmatter fields and a body. */
export function articleSource(frontmatter: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** Writes files (path relative to `dir` → text or bytes) into `dir`. */
export async function writeFiles(
  dir: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/build.ts` as `npm run build` does, on another content folder and output folder, with any further `args`. */
export function runBuild(
  contentDir: string,
  outDir: string,
  cacheDir: string,
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<BuildResult> {
  return runScript(
    'scripts/build.ts',
    ['--content', contentDir, '--out', outDir, '--cache-dir', cacheDir, ...args],
    env,
  );
}

/**
 * Writes `files` into a fresh content folder and builds it as `npm run build` does, at the
 * fixture's "now". @throws with the build's errors when it fails.
 */
export async function buildFixtureSite(
  prefix: string,
  files: Record<string, string>,
  now: string,
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<{ out: string; build: BuildResult }> {
  const work = await tempDir(prefix);
  await writeFiles(join(work, 'content'), files);
  const out = join(work, 'dist');
  const build = await runBuild(
    join(work, 'content'),
    out,
    join(work, 'cache'),
    { ...env, SOURCE_DATE_EPOCH: now },
    args,
  );
  if (build.code !== 0) throw new Error(`fixture build failed:\n${build.stderr}`);
  return { out, build };
}

/**
 * The environment as a terminal has it, without what vitest adds (NODE_ENV=test, DEV, MODE, VITEST…),
 * under which Astro takes a build for development.
 */
export function outsideVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/.test(name),
    ),
  );
}

/**
 * Runs one of the project's TypeScript scripts with the project's Node, which strips the types
 * itself, in this environment (without vitest's) with `env` added; a variable `env` gives as
 * `undefined` is left out.
 */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd = ROOT,
): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, script), ...args], {
      cwd,
      env: Object.fromEntries(
        Object.entries({ ...outsideVitest(), ...env }).filter(([, value]) => value !== undefined),
      ),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export { listFiles, treeDigest } from '../../src/data/files.ts';

/** Reads and parses a built page by its URL path (`/tags/csto/` → `tags/csto/index.html`). */
export async function page(outDir: string, urlPath: string): Promise<HTMLElement> {
  return parse(await pageSource(outDir, urlPath));
}

/**
 * A built page as a reader sees it: each frame that shows one of the site's own documents (the
 * day's date, rates and headlines, `/today/`) replaced by that document's body. Fails when a
 * frame's document is missing.
 */
export async function shownPage(outDir: string, urlPath: string): Promise<HTMLElement> {
  const doc = await page(outDir, urlPath);
  for (const frame of doc.querySelectorAll('iframe[src^="/"]')) {
    const included = await page(outDir, frame.getAttribute('src')!);
    frame.replaceWith(included.querySelector('body')!.innerHTML);
  }
  return doc;
}

/**
 * Where an article's JSON is in a built site, from the site's folder: in its month's folder,
 * `api/articles/<yyyy>/<mm>/<slug>.json` (`ru/api/…` for an edition under `ru`).
 */
export async function articleApiFile(outDir: string, slug: string, edition = ''): Promise<string> {
  const folder = `${edition ? `${edition}/` : ''}api/articles`;
  const found = (await readdir(join(outDir, folder), { recursive: true })).filter(
    (file) => /^\d{4}\/\d{2}\//.test(file) && file.endsWith(`/${slug}.json`),
  );
  if (found.length !== 1) throw new Error(`${found.length} JSON files for ${slug} in ${folder}`);
  return `${folder}/${found[0]}`;
}

/** The raw HTML of a built page. */
export function pageSource(outDir: string, urlPath: string): Promise<string> {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFile(join(outDir, file), 'utf8');
}

/** Text with runs of white space folded, as a reader sees it. */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
