import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  articleSource,
  outsideVitest,
  page,
  ROOT,
  tempDir,
  text,
  writeFiles,
} from '../helpers/site.ts';
import { EDITIONS_NOW, editionsFixture } from '../fixtures/editions.ts';

// Adding an edition is a strings file and one entry in the site config: this suite does exactly
// that to a copy of the project, and builds it, with no other change to the code.

/** A Kazakh strings file, as a newsroom would add it: every key, the Russian file's shape. */
const KAZAKH_STRINGS = `import type { UiStrings } from './en.ts';
import { ru } from './ru.ts';

export const kk: UiStrings = {
  ...ru,
  nav: { ...ru.nav, front: 'Басты бет', latest: 'Соңғы жаңалықтар', search: 'Іздеу' },
  skipLink: 'Мазмұнға өту',
  editionName: 'Қазақша',
  counter: {
    ...ru.counter,
    none: 'Ештеңе табылмады',
    range: (first, last, total) => \`\${total} нәтиженің \${first} - \${last} көрсетілген\`,
  },
};
`;

/** The project's files a build needs, copied to `dir`, with its installed packages linked. */
async function copyProject(dir: string): Promise<void> {
  for (const entry of [
    'src',
    'scripts',
    'public',
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
  ])
    await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  // Package by package, so the copy's build lock and caches (node_modules/.cache, .astro) are its own.
  await mkdir(join(dir, 'node_modules'));
  for (const entry of await readdir(join(ROOT, 'node_modules')))
    if (entry !== '.cache' && entry !== '.astro')
      await symlink(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
}

/** The copy's site config with one more edition. */
async function addEdition(dir: string, strings: string): Promise<void> {
  await writeFile(join(dir, 'src/i18n/kk.ts'), strings);
  const configPath = join(dir, 'src/site.config.ts');
  const config = await readFile(configPath, 'utf8');
  const withEntry = config
    .replace("import { ru } from './i18n/ru.ts';", "$&\nimport { kk } from './i18n/kk.ts';")
    .replace('  ],\n  defaultEdition:', "    { lang: 'kk', locale: 'kk-KZ', strings: kk },\n$&");
  expect(withEntry).not.toBe(config);
  await writeFile(configPath, withEntry);
}

function build(dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(dir, 'scripts/build.ts'),
        ...['--content', join(dir, 'content'), '--out', join(dir, 'dist')],
        ...['--cache-dir', join(dir, 'cache')],
      ],
      { cwd: dir, env: { ...outsideVitest(), SOURCE_DATE_EPOCH: EDITIONS_NOW } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const content = {
  ...editionsFixture(),
  'articles/kk/2026/sammit.md': articleSource(
    {
      title: 'Саммитте көшбасшылар кездесті',
      date: '2026-02-10',
      tags: ['CSTO'],
      section: 'Politics',
      translationKey: 'summit-2026',
    },
    'Көшбасшылар Астанада кездесті.',
  ),
};

describe('a third edition, Kazakh, added with a strings file and one config entry', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('third-edition');
    await copyProject(dir);
    await writeFiles(join(dir, 'content'), content);
  });

  it('a string missing from its file stops the build, naming the key and the language', async () => {
    await addEdition(
      dir,
      KAZAKH_STRINGS.replace("  skipLink: 'Мазмұнға өту',\n", '  skipLink: undefined as never,\n'),
    );
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('edition "kk": its interface strings lack "skipLink"');
    await cp(join(ROOT, 'src/site.config.ts'), join(dir, 'src/site.config.ts'));
  });

  it('builds its pages under /kk/, in its language, linked to the other editions', async () => {
    await addEdition(dir, KAZAKH_STRINGS);
    const { code, output } = await build(dir);
    expect(code, output).toBe(0);
    const out = join(dir, 'dist');
    const front = await page(out, '/kk/');
    expect(front.querySelector('html')?.getAttribute('lang')).toBe('kk');
    expect(text(front.querySelector('.site-nav a')!)).toBe('Басты бет');
    expect(
      front.querySelectorAll('.editions a').map((a) => [a.getAttribute('href'), text(a)]),
    ).toEqual([
      ['/', 'English'],
      ['/ru/', 'Русский'],
    ]);
    const article = await page(out, '/kk/articles/sammit/');
    expect(
      article
        .querySelectorAll('link[rel=alternate][hreflang]')
        .map((l) => l.getAttribute('hreflang')),
    ).toEqual(['en', 'ru', 'kk', 'x-default']);
    const tag = await page(out, '/kk/tags/csto/');
    expect(text(tag.querySelector('.counter')!)).toBe('1 нәтиженің 1 - 1 көрсетілген');
    // The Russian edition links the new version too.
    const russian = await page(out, '/ru/articles/sammit/');
    expect(russian.querySelectorAll('.translations a').map((a) => a.getAttribute('href'))).toEqual([
      '/articles/summit/',
      '/kk/articles/sammit/',
    ]);
    expect(
      JSON.parse(await readFile(join(out, 'kk/pagefind/2026-1/pagefind-entry.json'), 'utf8'))
        .languages,
    ).toHaveProperty('kk');
    expect(JSON.parse(await readFile(join(out, 'kk/api/articles.json'), 'utf8')).total).toBe(1);
  });
});
