import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW_EPOCH, newsroomFixture } from '../fixtures/newsroom.ts';
import { outsideVitest, ROOT, runBuild, tempDir, treeDigest, writeFiles } from '../helpers/site.ts';

// Builds are stopped as an operator or a CI runner would stop them, at each stage, and the live
// site must stay exactly as it was; at the end, a build must equal a clean build file for file.
let work: string;
let content: string;
let dist: string;
let cache: string;
let live: Record<string, string>;

/** Files whose content differs between two built trees, and files only one of them has. */
function differing(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((file) => a[file] !== b[file])
    .sort();
}

/** Resolves once `ready()` holds, checking every 10 ms; rejects after `ms`. */
async function waitFor(
  ready: () => Promise<boolean> | boolean,
  ms: number,
  what: string,
): Promise<void> {
  for (
    const started = Date.now();
    !(await ready());
    await new Promise((resolve) => setTimeout(resolve, 10))
  ) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
  }
}

/**
 * The folder a build started at `since` writes into (`newVersion`), once it has made it anew: a
 * stopped build's folder of the same name is there until the next build clears it.
 */
async function buildingVersion(since: number): Promise<string | undefined> {
  const building = join(`${dist}.versions`, 'building');
  const made = await stat(building).catch(() => undefined);
  return made !== undefined && made.ctimeMs >= since ? building : undefined;
}

function startBuild(): ChildProcess {
  return spawn(
    process.execPath,
    [join(ROOT, 'scripts/build.ts'), '--content', content, '--out', dist, '--cache-dir', cache],
    {
      cwd: ROOT,
      env: { ...outsideVitest(), SOURCE_DATE_EPOCH: NOW_EPOCH },
      stdio: 'ignore',
      // A group of its own, so a signal can go to the whole group, as Ctrl-C sends it.
      detached: true,
    },
  );
}

const ended = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve()),
  );

async function edit(slug: string, from: string, to: string): Promise<void> {
  const file = join(content, 'articles/alpha', `${slug}.md`);
  await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
}

beforeAll(async () => {
  work = await tempDir('interrupted');
  content = join(work, 'content');
  dist = join(work, 'dist');
  cache = join(work, 'cache');
  await writeFiles(content, newsroomFixture());
  const first = await runBuild(content, dist, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });
  if (first.code !== 0) throw new Error(first.stderr);
  live = await treeDigest(dist);
});

describe('a build stopped part-way', () => {
  it.each([
    {
      stage: 'validation and content sync',
      signal: 'SIGINT',
      group: true,
      reached: async (version: string) => existsSync(version),
    },
    {
      stage: 'rendering',
      signal: 'SIGTERM',
      group: true,
      reached: async (version: string) => existsSync(join(version, 'articles')),
    },
    {
      stage: 'rendering',
      signal: 'SIGKILL',
      group: false,
      reached: async (version: string) => existsSync(join(version, 'articles')),
    },
  ] as const)(
    'during $stage by $signal leaves the live site exactly as it was',
    async ({ signal, group, reached }) => {
      await edit('alpha-02', 'Alpha story number 2', `Alpha story number 2 (${signal})`);
      const since = Date.now();
      const child = startBuild();
      let version: string | undefined;
      await waitFor(
        async () =>
          (version ??= await buildingVersion(since)) !== undefined && (await reached(version)),
        60_000,
        'the stage',
      );
      process.kill(group ? -child.pid! : child.pid!, signal);
      await ended(child);
      expect(differing(await treeDigest(dist), live)).toEqual([]);
    },
  );

  it('failing in the search index (its folder taken by a file) leaves the live site exactly as it was', async () => {
    await edit('alpha-02', 'Alpha story number 2', 'Alpha story number 2 (search)');
    const since = Date.now();
    const child = startBuild();
    let version: string | undefined;
    await waitFor(
      async () =>
        (version ??= await buildingVersion(since)) !== undefined &&
        existsSync(join(version, 'articles')),
      60_000,
      'rendering',
    );
    await writeFile(join(version!, 'pagefind'), 'in the way');
    await ended(child);
    expect(child.exitCode).not.toBe(0);
    expect(differing(await treeDigest(dist), live)).toEqual([]);
  });

  it('two builds of the project at once: the second waits for the first, and both publish whole sites', async () => {
    const [first, second] = await Promise.all([
      runBuild(content, dist, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH }),
      runBuild(content, dist, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH }),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stderr + second.stderr).toMatch(/Waiting for another build/);
    live = await treeDigest(dist);
  });

  it('then builds exactly what a clean build does, even of content the interrupted build had rendered', async () => {
    // Back to the content the first build had: a stale page from the stopped builds would show.
    const file = join(content, 'articles/alpha/alpha-02.md');
    await writeFile(file, newsroomFixture()['articles/alpha/alpha-02.md']!);
    const result = await runBuild(content, dist, cache, { SOURCE_DATE_EPOCH: NOW_EPOCH });
    expect(result.code, result.stderr).toBe(0);
    const clean = await runBuild(content, join(work, 'clean'), join(work, 'clean-cache'), {
      SOURCE_DATE_EPOCH: NOW_EPOCH,
    });
    expect(clean.code, clean.stderr).toBe(0);
    expect(differing(await treeDigest(dist), await treeDigest(join(work, 'clean')))).toEqual([]);
    // What the stopped builds left is removed in the background.
    await waitFor(
      async () => (await readdir(`${dist}.versions`)).length === 1,
      30_000,
      'leftover versions to go',
    );
  });
});
