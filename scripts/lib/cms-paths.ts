import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';

/** A request the editing backend refuses; its message is sent to the editing UI as the JSON `error`. */
export class Refusal extends Error {
  override readonly name = 'Refusal';
}

/** The repository paths one decap-server request names: those it reads, and those it writes, moves or deletes. */
export interface RequestPaths {
  action: string;
  reads: string[];
  writes: string[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, what: string): Json {
  if (!isRecord(value)) throw new Refusal(`${what} must be an object`);
  return value;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Refusal(`${what} must be a list`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Refusal(`${what} must be a string`);
  return value;
}

/** The `path` (and `newPath`, where decap-server moves the file) of each data file or asset. */
function filePaths(files: unknown[], what: string): string[] {
  return files.flatMap((file) => {
    const { path, newPath } = record(file, what);
    return [
      text(path, `${what}.path`),
      ...(newPath === undefined ? [] : [text(newPath, `${what}.newPath`)]),
    ];
  });
}

/**
 * Every repository path a decap-server request (`{ action, params }`, as its `fs` mode reads it in
 * node_modules/decap-server/src/middlewares/localFs) names, sorted into reads and writes.
 * @throws {Refusal} for an action the local `fs` mode does not serve, or a malformed request.
 */
export function pathsOf(body: unknown): RequestPaths {
  const { action, params: rawParams } = record(body, 'the request');
  if (typeof action !== 'string') throw new Refusal('the request has no action');
  const params = rawParams === undefined ? {} : record(rawParams, 'params');
  const reads = (...paths: string[]): RequestPaths => ({ action, reads: paths, writes: [] });
  switch (action) {
    case 'info':
    case 'getDeployPreview':
      return reads();
    case 'entriesByFolder':
      return reads(text(params.folder, 'params.folder'));
    case 'entriesByFiles':
      return reads(
        ...list(params.files, 'params.files').map((file) =>
          text(record(file, 'a file').path, 'a file path'),
        ),
      );
    case 'getEntry':
    case 'getMediaFile':
      return reads(text(params.path, 'params.path'));
    case 'getMedia':
      return reads(text(params.mediaFolder, 'params.mediaFolder'));
    case 'persistEntry': {
      // decap-server writes `dataFiles`, or `entry` when there are none; both are checked whichever it picks.
      const dataFiles = [
        ...(params.entry === undefined ? [] : [params.entry]),
        ...(params.dataFiles === undefined ? [] : list(params.dataFiles, 'params.dataFiles')),
      ];
      const assets = list(params.assets ?? [], 'params.assets');
      return {
        action,
        reads: [],
        writes: [...filePaths(dataFiles, 'a data file'), ...filePaths(assets, 'an asset')],
      };
    }
    case 'persistMedia':
      return { action, reads: [], writes: filePaths([params.asset], 'params.asset') };
    case 'deleteFile':
      return { action, reads: [], writes: [text(params.path, 'params.path')] };
    case 'deleteFiles':
      return {
        action,
        reads: [],
        writes: list(params.paths, 'params.paths').map((path) => text(path, 'a path')),
      };
    default:
      // Editorial-workflow and other actions that decap-server's `fs` mode does not serve.
      throw new Refusal(`the local backend does not serve the action ${JSON.stringify(action)}`);
  }
}

/**
 * A request path's segments, when it is a plain relative path: `/`-separated, none empty, none
 * starting with a dot (`.`, `..`, `.git`), no backslash, colon, control character or `%xx` escape.
 * @throws {Refusal} otherwise.
 */
export function segmentsOf(path: string): string[] {
  const refuse = (why: string) => new Refusal(`refused path ${JSON.stringify(path)}: ${why}`);
  if (path.length === 0 || path.length > 1024) throw refuse('empty or too long');
  if (path.startsWith('/')) throw refuse('absolute paths are not accepted');
  // Backslashes are separators on Windows; a colon is a drive or a stream there.
  if (/[\\:\u0000-\u001f\u007f]/.test(path))
    throw refuse('backslashes, colons and control characters are not accepted');
  // Nothing decodes these, but a file named `%2e%2e` is never what an author meant.
  if (/%[0-9a-f]{2}/i.test(path)) throw refuse('percent-encoded characters are not accepted');
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.')))
    throw refuse('empty segments and segments starting with "." are not accepted');
  return segments;
}

function startsWith(segments: string[], prefix: string[]): boolean {
  return prefix.every((segment, index) => segments[index] === segment);
}

function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder + sep);
}

/**
 * Resolves `path` (relative to the repository `repo`) and checks that it lies in one of `areas`
 * (repository-relative folders such as `content`): lexically, and again after following every
 * symbolic link along the part of it that exists, so a link cannot lead out of the area. A write
 * must name something inside an area, not the area itself. A symlinked area folder is refused.
 * @returns the real absolute path.
 * @throws {Refusal} when the path is malformed, outside every area, or leads out through a link.
 */
export async function resolveInArea(
  repo: string,
  areas: readonly string[],
  path: string,
  access: 'read' | 'write',
): Promise<string> {
  const segments = segmentsOf(path);
  const area = areas.find((candidate) => {
    const prefix = segmentsOf(candidate);
    return startsWith(segments, prefix) && (access === 'read' || segments.length > prefix.length);
  });
  if (area === undefined)
    throw new Refusal(
      `refused path ${JSON.stringify(path)}: the editing UI may only ${access} in ${areas.join(' and ')}`,
    );

  const realRepo = await realpath(repo);
  let existing = join(realRepo, ...segments);
  const missing: string[] = [];
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      missing.unshift(basename(existing));
      existing = dirname(existing);
    }
  }
  // A dangling link fails here too: writing through it would create its target, wherever that is.
  const real = await realpath(existing).then(
    (resolved) => join(resolved, ...missing),
    () => undefined,
  );
  if (real === undefined || !isWithin(real, join(realRepo, ...segmentsOf(area)))) {
    throw new Refusal(
      `refused path ${JSON.stringify(path)}: it leads outside ${area} through a symbolic link`,
    );
  }
  return real;
}

/**
 * Checks every path a decap-server request names against `areas` (see `resolveInArea`); reads
 * are held to the same areas as writes, so the UI cannot read `.env` or `.git/` either.
 * @throws {Refusal} naming the first path refused.
 */
export async function checkRequest(
  repo: string,
  areas: readonly string[],
  body: unknown,
): Promise<RequestPaths> {
  const paths = pathsOf(body);
  for (const path of paths.reads) await resolveInArea(repo, areas, path, 'read');
  for (const path of paths.writes) await resolveInArea(repo, areas, path, 'write');
  return paths;
}
