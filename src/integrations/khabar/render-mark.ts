import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The mark a build leaves in its cache folder while Astro may be writing its page cache: set
 * before `astro build` starts, cleared once Astro has rendered every page and recorded them
 * (`astro:build:generated`) or has stopped before rendering any. A mark found at the start of a
 * build means the last one was interrupted while rendering: Astro's record of rendered pages may
 * no longer match its stored copies, so that build renders everything (`force`).
 */
const MARK_FILE = 'khabar-render-pending.json';

/** Whether a process with this id is running (on this machine). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the last build that used `cacheDir` was interrupted while rendering. Asked by a build
 * holding the project's lock (`lockBuilds`), so a mark it finds was left by a build that is over.
 */
export function renderWasInterrupted(cacheDir: string): boolean {
  return existsSync(join(cacheDir, MARK_FILE));
}

/** Marks `cacheDir` as being rendered into by this process. */
export function markRenderPending(cacheDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, MARK_FILE), JSON.stringify({ pid: process.pid }));
}

/** Clears the mark: Astro's page cache is consistent again. */
export function clearRenderPending(cacheDir: string): void {
  rmSync(join(cacheDir, MARK_FILE), { force: true });
}

// The build lock: a folder, made in one step, so two builds can never both take it.
const LOCK_DIR = 'khabar-build.lock';

/**
 * Takes the lock in `dir` for this process, once: one build at a time per project. Two would
 * prune each other's body files and clear each other's marks, and Astro writes the content
 * modules of a build into the project's own `.astro/` folder, which two builds would overwrite.
 * A lock left by a build that died is taken over. Returns the id of the process that holds it
 * when that is another, live one (-1 when it is being taken at this very moment).
 */
export function lockBuilds(dir: string): number | undefined {
  const lock = join(dir, LOCK_DIR);
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: number;
    try {
      holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // Made a moment ago by a build that has not written its id yet.
      return -1;
    }
    if (holder !== process.pid && isAlive(holder)) return holder;
    // A dead build's lock is moved away under a name of this process's own before it goes: of two
    // builds taking it over at once, only one rename succeeds, and the other finds the lock taken.
    const stale = `${lock}.stale-${process.pid}`;
    try {
      renameSync(lock, stale);
    } catch {
      continue;
    }
    // Another build may have taken the lock over between the read and the rename: give it back.
    let moved: number;
    try {
      moved = Number(readFileSync(join(stale, 'pid'), 'utf8'));
    } catch {
      moved = -1;
    }
    if (moved !== holder) {
      try {
        renameSync(stale, lock);
      } catch {
        // The lock was made again meanwhile; the one moved aside belongs to nobody now.
        rmSync(stale, { recursive: true, force: true });
      }
      return moved;
    }
    rmSync(stale, { recursive: true, force: true });
  }
  return -1;
}

/** Gives the lock in `dir` back. */
export function unlockBuilds(dir: string): void {
  rmSync(join(dir, LOCK_DIR), { recursive: true, force: true });
}
