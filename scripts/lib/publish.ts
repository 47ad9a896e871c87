import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { removeInBackground } from './retired-output.ts';

/**
 * The published site's layout: `<out>` is a symbolic link to one folder of `<out>.versions/`, and
 * every build writes a new folder there. Publishing replaces the link in one `rename`, so a web
 * server or static host reading `<out>` sees either the whole previous site or the whole new one,
 * never a mix and never nothing (docs/architecture.md, "Publishing").
 */
export function versionsDir(out: string): string {
  return `${out}.versions`;
}

/**
 * The empty folder this build writes into: always the same path, `<out>.versions/building`.
 * Astro writes the output folder's path into the code of every page that uses its image
 * pipeline, and a page whose code changed is rendered again: a new path each build would make
 * every rebuild a clean one. Builds of a project run one at a time (the lock), so what is there
 * is a killed build's, and goes.
 */
export function newVersion(out: string): string {
  const dir = join(versionsDir(out), 'building');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The finished build's folder, renamed `<time>-<pid>` so a later build knows whose it was. */
export function sealVersion(building: string): string {
  const dir = join(dirname(building), `${Date.now().toString(36)}-${process.pid}`);
  renameSync(building, dir);
  return dir;
}

/** The folder `<out>` points at, or undefined when it is not a link. */
export function liveVersion(out: string): string | undefined {
  try {
    return resolve(dirname(out), readlinkSync(out));
  } catch {
    return undefined;
  }
}

/**
 * Why a build may not replace what is at `out`, or undefined when it may: nothing there, a link
 * (the published layout), an empty folder, or a folder Khabar built (it has the search index's
 * `pagefind/shards.json`). Any other folder (`public`, `src`, someone's files) is never moved aside.
 */
export function existingOutputProblem(out: string): string | undefined {
  const current = lstatSync(out, { throwIfNoEntry: false });
  if (!current || current.isSymbolicLink()) return undefined;
  if (!current.isDirectory()) return 'it is a file';
  if (readdirSync(out).length === 0 || existsSync(join(out, 'pagefind', 'shards.json'))) {
    return undefined;
  }
  return 'it is a folder Khabar did not build (it has no pagefind/shards.json)';
}

/** Why publishing failed, in one sentence. */
export class PublishError extends Error {}

/**
 * Makes `version` the site at `out`, atomically: a link is made beside `out` and renamed over it.
 * An `out` that is still a folder of its own (the layout before versions) is first moved into the
 * versions folder; only that first switch leaves `out` absent, for the moment between two renames.
 * @throws {PublishError} when `out` cannot be replaced (a mount point, say).
 */
export function publish(out: string, version: string): void {
  const link = `${out}.link-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(out), version), link, 'dir');
  const previous = join(versionsDir(out), `previous-${process.pid}`);
  let movedAside = false;
  try {
    const current = lstatSync(out, { throwIfNoEntry: false });
    if (current && !current.isSymbolicLink()) {
      renameSync(out, previous);
      movedAside = true;
    }
    renameSync(link, out);
  } catch (error) {
    rmSync(link, { force: true });
    // The site goes back where it was: a failed publish leaves `out` as it found it.
    if (movedAside) renameSync(previous, out);
    const code = (error as NodeJS.ErrnoException).code;
    throw new PublishError(
      code === 'EBUSY' || code === 'EXDEV'
        ? `${out} is a mount point, which a build cannot replace: point --out at a folder inside it (say ${join(out, 'site')}) and serve that`
        : `could not publish to ${out}: ${(error as Error).message}`,
    );
  }
}

/**
 * Removes, in the background, every version folder but the live one: earlier sites, and what
 * builds that were killed or failed left behind.
 */
export function removeOldVersions(out: string): void {
  const dir = versionsDir(out);
  const live = liveVersion(out);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  // Builds of a project run one at a time (the lock), so no other version is being written. A
  // failed build's folder is renamed first: the next build writes to `building` again at once.
  const old = names
    .filter((name) => live === undefined || name !== basename(live))
    .map((name) => {
      if (name !== 'building') return join(dir, name);
      const failed = join(dir, `failed-${Date.now().toString(36)}-${process.pid}`);
      renameSync(join(dir, name), failed);
      return failed;
    });
  removeInBackground(old);
}
