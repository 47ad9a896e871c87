/**
 * The newsroom fixture, built once per test run and shared by the suites that only read it
 * (site, API and feeds, quality gates, the reader's browser). Vitest's global setup starts the
 * build in the background; `newsroomSite()` waits for it, so a run of the unit tests alone never
 * waits for a build it does not need.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { inject } from 'vitest';
import { NOW_EPOCH, newsroomFixture, newsroomPhotos } from './fixtures/newsroom.ts';
import { outsideVitest, ROOT, tempDir, writeFiles, type BuildResult } from './helpers/site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the shared newsroom build writes into (`content/`, `dist`, `result.json`). */
    newsroomWork: string;
  }
}

let child: ChildProcess | undefined;

/** Vitest's global setup: starts the shared build. */
export default async function setup(project: TestProject): Promise<() => void> {
  const work = await tempDir('newsroom');
  await writeFiles(join(work, 'content'), {
    ...newsroomFixture({ model: true }),
    ...(await newsroomPhotos()),
  });
  const args = [
    join(ROOT, 'scripts/build.ts'),
    '--content',
    join(work, 'content'),
    '--out',
    join(work, 'dist'),
    '--cache-dir',
    join(work, 'cache'),
  ];
  child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...outsideVitest(), SOURCE_DATE_EPOCH: NOW_EPOCH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on(
    'close',
    (code) =>
      void writeFile(
        join(work, 'result.json'),
        JSON.stringify({ code, stdout, stderr } satisfies BuildResult),
      ),
  );
  project.provide('newsroomWork', work);
  return () => child?.kill();
}

/** The shared newsroom site: its output folder and the build's result. @throws when the build failed. */
export async function newsroomSite(): Promise<{ out: string; build: BuildResult }> {
  const work = inject('newsroomWork');
  const result = join(work, 'result.json');
  // A build on a loaded 2-core machine can take a minute; five is a generous limit.
  for (
    const started = Date.now();
    !existsSync(result);
    await new Promise((resolve) => setTimeout(resolve, 100))
  ) {
    if (Date.now() - started > 300_000)
      throw new Error('the shared newsroom build did not finish in five minutes');
  }
  const build = JSON.parse(await readFile(result, 'utf8')) as BuildResult;
  if (build.code !== 0) throw new Error(`the shared newsroom build failed:\n${build.stderr}`);
  return { out: join(work, 'dist'), build };
}
