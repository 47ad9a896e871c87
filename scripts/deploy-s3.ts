/**
 * `npm run deploy:s3`: uploads the built site to S3-compatible object storage (AWS S3, Cloudflare
 * R2, MinIO), changing only what changed: a file is uploaded when its MD5 differs from its
 * object's ETag (or the ETag is not a plain MD5), objects of files the site no longer has are
 * deleted. Uploads go assets first, then the search index's entry files, then pages, then feeds
 * and sitemaps, so nothing is live before what it references; deletions come only after every
 * upload succeeded. Each object gets its Content-Type and a Cache-Control by path
 * (src/lib/deploy/plan.ts). `_headers` and `_redirects` are not uploaded: object storage does not
 * read them (docs/deploy.md says what to set up instead). Credentials come from the AWS SDK's
 * default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, …).
 *
 * Options:
 *   --bucket NAME        the bucket (required; or KHABAR_S3_BUCKET)
 *   --prefix PREFIX      a key prefix to deploy under (or KHABAR_S3_PREFIX; default: the root)
 *   --dir DIR            the built site (default dist; a link, as dist is, is followed)
 *   --endpoint URL       an S3-compatible endpoint: R2, MinIO (or KHABAR_S3_ENDPOINT)
 *   --region REGION      default: AWS_REGION, the profile's, AWS_DEFAULT_REGION, else us-east-1
 *   --path-style         path-style addressing (http://host/bucket/key), as MinIO needs
 *   --concurrency N      uploads at a time (default 16)
 *   --force              upload every file, e.g. after the cache rules changed
 *   --dry-run            print what would be uploaded and deleted; change nothing
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  normalizePrefix,
  objectKey,
  planDeploy,
  type RemoteObject,
} from '../src/lib/deploy/plan.ts';
import {
  createClient,
  deleteAll,
  describeError,
  listRemote,
  readSite,
  uploadAll,
  type Failure,
  type SiteFile,
  type Target,
} from './lib/s3-deploy.ts';

const started = performance.now();
const env = (name: string) => process.env[name] || undefined;

/** Stops the command with `message` on stderr and exit code 1. */
function fail(message: string): never {
  process.stderr.write(`deploy-s3: ${message}\n`);
  process.exit(1);
}

const { values: args } = (() => {
  try {
    return parseArgs({
      options: {
        bucket: { type: 'string' },
        prefix: { type: 'string' },
        dir: { type: 'string', default: 'dist' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        'path-style': { type: 'boolean', default: false },
        concurrency: { type: 'string', default: '16' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();

const bucket = args.bucket || env('KHABAR_S3_BUCKET');
if (bucket === undefined) fail('no bucket: pass --bucket NAME or set KHABAR_S3_BUCKET');
if (bucket.includes('/')) fail(`bucket "${bucket}": a bucket name has no "/" (use --prefix)`);
const endpoint = args.endpoint || env('KHABAR_S3_ENDPOINT');
if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint))
  fail(`endpoint "${endpoint}": expected an http:// or https:// URL`);
const concurrency = Number(args.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
  fail(`--concurrency ${args.concurrency}: expected a whole number from 1 to 256`);
let prefix: string;
try {
  prefix = normalizePrefix(args.prefix ?? env('KHABAR_S3_PREFIX'));
} catch (error) {
  fail((error as Error).message);
}
const target: Target = {
  bucket,
  prefix,
  endpoint,
  region: args.region || undefined,
  pathStyle: args['path-style'],
};
const where = `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}`;
const site = `${args.dir.replace(/\/+$/, '')}/`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

let files: SiteFile[];
try {
  files = await readSite(resolve(args.dir));
} catch (error) {
  const missing = (error as { code?: string }).code === 'ENOENT';
  fail(missing ? `no site at ${site} (run npm run build first)` : describeError(error));
}
// An empty folder would make the plan delete the whole site.
if (files.length === 0) fail(`${site} holds no files; nothing deployed`);

const client = await createClient(target);
try {
  await client.config.credentials();
} catch {
  fail(
    'no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) ' +
      'to a key that may list, put and delete objects in the bucket',
  );
}

let remote: RemoteObject[];
try {
  remote = await listRemote(client, target);
} catch (error) {
  fail(`cannot list ${where}${endpoint ? ` at ${endpoint}` : ''}: ${describeError(error)}`);
}

const plan = planDeploy(files, remote, { force: args.force });
const byPath = new Map(files.map((file) => [file.path, file.file]));
const uploads = plan.upload.map((upload) => ({ ...upload, file: byPath.get(upload.path)! }));
const bytes = plan.upload.reduce((sum, upload) => sum + upload.size, 0);
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
if (plan.skipped.length > 0)
  process.stdout.write(
    `not uploaded (host files that object storage ignores): ${plan.skipped.join(', ')}\n`,
  );

if (args['dry-run']) {
  for (const upload of plan.upload)
    process.stdout.write(`would upload ${objectKey(prefix, upload.path)} (${upload.reason})\n`);
  for (const path of plan.remove) process.stdout.write(`would delete ${objectKey(prefix, path)}\n`);
  process.stdout.write(
    `Dry run of ${site} to ${where}: would upload ${plan.upload.length} (${mib(bytes)}), ` +
      `${plan.unchanged.length} unchanged, would delete ${plan.remove.length}; nothing changed.\n`,
  );
  client.destroy();
  process.exit(0);
}

/** Reports each failure on stderr, then stops with `after`. */
function failed(what: string, failures: readonly Failure[], after: string): never {
  for (const { key, error } of failures)
    process.stderr.write(`deploy-s3: could not ${what} ${key}: ${describeError(error)}\n`);
  fail(after);
}

const uploadFailures = await uploadAll(client, target, uploads, concurrency, (upload, key) =>
  process.stdout.write(`uploaded ${key} (${upload.reason})\n`),
);
if (uploadFailures.length > 0)
  failed(
    'upload',
    uploadFailures,
    `upload to ${where} failed; nothing was deleted. Fix the cause and deploy again: ` +
      'files already uploaded count as unchanged.',
  );

let deleteFailures: Failure[];
try {
  deleteFailures = await deleteAll(client, target, plan.remove);
} catch (error) {
  fail(`every file was uploaded, but deleting old objects failed: ${describeError(error)}`);
}
if (deleteFailures.length > 0)
  failed('delete', deleteFailures, 'every file was uploaded, but some old objects remain');
for (const path of plan.remove) process.stdout.write(`deleted ${objectKey(prefix, path)}\n`);

process.stdout.write(
  `Deployed ${site} to ${where}: ${plan.upload.length} uploaded (${mib(bytes)}), ` +
    `${plan.unchanged.length} unchanged, ${plan.remove.length} deleted in ${seconds()} s.\n`,
);
client.destroy();
