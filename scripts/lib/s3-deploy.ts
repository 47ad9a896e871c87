/**
 * The I/O of `npm run deploy:s3` (scripts/deploy-s3.ts): reading the built site, listing the
 * bucket, uploading and deleting with the AWS SDK. What to upload and delete is decided by
 * src/lib/deploy/plan.ts.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import {
  DeleteObjectsCommand,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
  type DeleteObjectsCommandInput,
  type DeleteObjectsCommandOutput,
} from '@aws-sdk/client-s3';
// The SDK's own middleware types (types only).
import type { BuildMiddleware } from '@smithy/types';
import {
  objectKey,
  PHASES,
  type LocalFile,
  type RemoteObject,
  type Upload,
} from '../../src/lib/deploy/plan.ts';

/** How to reach the bucket. */
export interface Target {
  bucket: string;
  /** A prefix from `normalizePrefix`, `''` for the bucket's root. */
  prefix: string;
  /** An S3-compatible endpoint (R2, MinIO); AWS S3 when absent. */
  endpoint?: string;
  region?: string;
  pathStyle: boolean;
}

/** A file of the site and where it is on disk. */
export interface SiteFile extends LocalFile {
  file: string;
}

/**
 * The S3 client for `target`, credentials from the SDK's default chain. The region is `--region`,
 * else what the SDK finds (`AWS_REGION`, the profile), else `AWS_DEFAULT_REGION`, else `us-east-1`
 * (which Cloudflare R2 takes as its `auto`).
 */
export async function createClient(target: Target): Promise<S3Client> {
  let region = target.region;
  if (region === undefined) {
    const probe = new S3Client({});
    region = await probe.config.region().catch(() => undefined);
    probe.destroy();
  }
  return new S3Client({
    region: region ?? (process.env.AWS_DEFAULT_REGION || 'us-east-1'),
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    forcePathStyle: target.pathStyle,
    // A bucket in another region than the one guessed answers with a redirect; follow it.
    followRegionRedirects: target.endpoint === undefined,
    // Every upload carries Content-MD5, which every S3-compatible store checks; the newer
    // checksum headers are refused by some, so they are sent only where S3 requires one.
    ...(process.env.AWS_REQUEST_CHECKSUM_CALCULATION
      ? {}
      : { requestChecksumCalculation: 'WHEN_REQUIRED' as const }),
  });
}

/**
 * Every file under `dir` (a link to the site, as `dist` is, is followed; so are links inside it),
 * with its site path, size and MD5, sorted by path.
 * @throws when `dir` is not a folder, or a file cannot be read.
 */
export async function readSite(dir: string): Promise<SiteFile[]> {
  const root = await realpath(dir);
  if (!(await stat(root)).isDirectory()) throw new Error(`${dir} is not a folder`);
  const files: SiteFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const file = join(folder, entry.name);
      const info = entry.isSymbolicLink() ? await stat(file) : entry;
      if (info.isDirectory()) await walk(file);
      else if (info.isFile()) {
        const content = await readFile(file);
        const md5 = createHash('md5').update(content).digest('hex');
        const path = relative(root, file).split(sep).join('/');
        files.push({ path, file, size: content.length, md5 });
      }
    }
  };
  await walk(root);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every object under the target's prefix (all pages of ListObjectsV2), keys as site paths. */
export async function listRemote(client: S3Client, target: Target): Promise<RemoteObject[]> {
  const objects: RemoteObject[] = [];
  const start = target.prefix === '' ? '' : `${target.prefix}/`;
  const pages = paginateListObjectsV2(
    { client, pageSize: 1000 },
    { Bucket: target.bucket, ...(start === '' ? {} : { Prefix: start }) },
  );
  for await (const page of pages)
    for (const object of page.Contents ?? [])
      if (object.Key?.startsWith(start))
        objects.push({ path: object.Key.slice(start.length), etag: object.ETag });
  return objects;
}

/** An upload or deletion that failed, and why. */
export interface Failure {
  key: string;
  error: unknown;
}

/**
 * Uploads `uploads` (a plan's, in order) phase by phase, `concurrency` at a time, each with its
 * Content-Type, Cache-Control and Content-MD5; calls `done` after each success. A phase starts
 * only when the one before it has wholly succeeded; after a failure no further upload starts.
 * @returns the failures, empty when everything was uploaded.
 */
export async function uploadAll(
  client: S3Client,
  target: Target,
  uploads: readonly (Upload & { file: string })[],
  concurrency: number,
  done: (upload: Upload, key: string) => void,
): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const phase of PHASES) {
    const queue = uploads.filter((upload) => upload.phase === phase);
    const worker = async () => {
      for (let next = queue.shift(); next && failures.length === 0; next = queue.shift()) {
        const key = objectKey(target.prefix, next.path);
        try {
          const body = await readFile(next.file);
          await client.send(
            new PutObjectCommand({
              Bucket: target.bucket,
              Key: key,
              Body: body,
              ContentType: next.contentType,
              CacheControl: next.cacheControl,
              // The digest of the plan: a file rewritten since it was read fails, not half-deploys.
              ContentMD5: Buffer.from(next.md5, 'hex').toString('base64'),
            }),
          );
          done(next, key);
        } catch (error) {
          failures.push({ key, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    if (failures.length > 0) break;
  }
  return failures;
}

// DeleteObjects must carry a checksum; the SDK sends CRC32, which some S3-compatible stores
// refuse, so it gets Content-MD5 instead, as the SDK's MD5_FALLBACK guide does. The checksum
// middleware is added per command, so this one is too.
const deleteWithMd5: BuildMiddleware<DeleteObjectsCommandInput, DeleteObjectsCommandOutput> =
  (next) => async (args) => {
    const request = args.request as { headers?: Record<string, string>; body?: unknown };
    if (request.headers) {
      for (const name of Object.keys(request.headers))
        if (/^x-amz-(sdk-)?checksum-/i.test(name)) delete request.headers[name];
      if (typeof request.body === 'string' || request.body instanceof Uint8Array)
        request.headers['content-md5'] = createHash('md5').update(request.body).digest('base64');
    }
    return next(args);
  };

/**
 * Deletes the objects of `paths` (site paths) in DeleteObjects batches of 1000.
 * @returns the keys that could not be deleted, with the store's reason.
 */
export async function deleteAll(
  client: S3Client,
  target: Target,
  paths: readonly string[],
): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (let at = 0; at < paths.length; at += 1000) {
    const keys = paths.slice(at, at + 1000).map((path) => objectKey(target.prefix, path));
    const command = new DeleteObjectsCommand({
      Bucket: target.bucket,
      Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
    });
    command.middlewareStack.addRelativeTo(deleteWithMd5, {
      relation: 'after',
      toMiddleware: 'flexibleChecksumsMiddleware',
      name: 'khabarDeleteObjectsMd5',
    });
    const result = await client.send(command);
    for (const error of result.Errors ?? [])
      failures.push({ key: error.Key ?? '?', error: `${error.Code}: ${error.Message}` });
  }
  return failures;
}

/** One line about an SDK, network or file error: its S3 code or system code and message. */
export function describeError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  let message = error.message;
  // A refused connection to a host with several addresses is an AggregateError with no message.
  if (message === '' && error instanceof AggregateError)
    message = error.errors.map((inner: unknown) => describeError(inner)).join('; ');
  const name = typeof code === 'string' ? code : error.name;
  if (message === '' || message === 'UnknownError') return name;
  return name === 'Error' || message.includes(name) ? message : `${name}: ${message}`;
}
