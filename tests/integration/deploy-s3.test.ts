/**
 * `npm run deploy:s3` against a real S3-compatible server (s3rver) on 127.0.0.1, through a small
 * recording proxy that logs every request in arrival order and can refuse chosen uploads.
 */
import { rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, tempDir, writeFiles, type BuildResult } from '../helpers/site.ts';

/** The part of s3rver's API the test uses (the package ships no types). */
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as new (
  options: Record<string, unknown>,
) => S3rverServer;

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const SHORT = 'public, max-age=300, must-revalidate';
const page = (title: string) =>
  `<!doctype html><title>${title}</title><script src="/_astro/x.hash.js"></script>\n`;

let work: string;
let site: string;
let s3: S3rverServer;
let proxy: Server;
let endpoint: string;
/** An address where nothing listens. */
let closed: string;
let client: S3Client;
/** Every request the proxy passed or refused, as `METHOD /path?query`, in arrival order. */
const requests: string[] = [];
/** The headers of each DeleteObjects request. */
const deletes: IncomingHttpHeaders[] = [];
/** Paths (`/bucket/key`) whose PUT the proxy refuses with 403 AccessDenied. */
const refused = new Set<string>();

/** Runs scripts/deploy-s3.ts with `args`, test credentials, and no AWS settings of the machine. */
function deploy(args: string[], env: Record<string, string> = {}): Promise<BuildResult> {
  const machine = Object.keys(process.env).filter((name) => /^(AWS_|KHABAR_S3_)/.test(name));
  return runScript(
    'scripts/deploy-s3.ts',
    args,
    {
      ...Object.fromEntries(machine.map((name) => [name, undefined])),
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(work, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...env,
    },
    work,
  );
}

const toNews = ['--dir', 'dist', '--prefix', '/news//', '--path-style'];
const withEndpoint = () => [...toNews, '--bucket', 'site', '--endpoint', endpoint];

/** Every key in the bucket with its ETag. */
async function objects(bucket = 'site'): Promise<Map<string, string>> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return new Map((listed.Contents ?? []).map(({ Key, ETag }) => [Key!, ETag!]));
}

const puts = () => requests.filter((line) => line.startsWith('PUT '));
const writes = () => requests.filter((line) => /^(PUT|POST|DELETE) /.test(line));
const putPath = (line: string) => decodeURIComponent(line.slice(4).split('?')[0]!);

/** `server`, listening on a free port of 127.0.0.1. */
async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  work = await tempDir('deploy-s3');
  site = join(work, 'dist.versions', 'v1');
  await writeFiles(site, {
    'index.html': page('Home'),
    'articles/a/index.html': page('A'),
    'articles/b/index.html': page('B'),
    'ru/index.html': page('Главная'),
    '_astro/x.hash.js': 'console.log(1);\n',
    'api/articles.json': '{"articles":[]}\n',
    'images/photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    'ru/pagefind/pagefind.js': 'export {};\n',
    'rss.xml': '<?xml version="1.0"?><rss version="2.0"></rss>\n',
    _headers: '/*\n  X-Frame-Options: DENY\n',
    _redirects: '/old/ /articles/a/ 301\n',
  });
  // As the build leaves it: dist is a link to a version folder.
  await symlink(join('dist.versions', 'v1'), join(work, 'dist'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(work, 's3'),
    configureBuckets: [{ name: 'site' }],
    // s3rver signs bucket-level requests (listing, DeleteObjects) as `/bucket` where the SDK
    // signs `/bucket/`, and would refuse them; it still checks the access key.
    allowMismatchedSignatures: true,
  });
  const { port } = await s3.run();
  proxy = createServer((incoming, outgoing) => {
    requests.push(`${incoming.method} ${incoming.url}`);
    if (incoming.method === 'POST' && /[?&]delete\b/.test(incoming.url ?? ''))
      deletes.push(incoming.headers);
    const path = decodeURIComponent(new URL(incoming.url ?? '/', 'http://x').pathname);
    if (incoming.method === 'PUT' && refused.has(path)) {
      incoming.resume();
      outgoing.writeHead(403, { 'content-type': 'application/xml' });
      outgoing.end('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
      return;
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => outgoing.destroy(error));
    incoming.pipe(upstream);
  });
  await listen(proxy);
  endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const unused = await listen(createServer());
  closed = `http://127.0.0.1:${(unused.address() as AddressInfo).port}`;
  await new Promise((resolve) => unused.close(resolve));
  client = new S3Client({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: CREDENTIALS,
  });
});

afterAll(async () => {
  client?.destroy();
  await new Promise((resolve) => proxy?.close(resolve));
  await s3?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm run deploy:s3', () => {
  it('uploads the whole site first, with types and cache headers, assets before pages', async () => {
    const run = await deploy(withEndpoint());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Deployed dist\/ to s3:\/\/site\/news: 9 uploaded \(0\.0 MiB\), 0 unchanged, 0 deleted in \d+\.\d s\.$/m,
    );
    expect(run.stdout).toContain(
      'not uploaded (host files that object storage ignores): _headers, _redirects',
    );
    const expected: [string, string, string][] = [
      ['_astro/x.hash.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['api/articles.json', 'application/json; charset=utf-8', SHORT],
      ['articles/a/index.html', 'text/html; charset=utf-8', SHORT],
      ['articles/b/index.html', 'text/html; charset=utf-8', SHORT],
      ['images/photo.png', 'image/png', SHORT],
      ['index.html', 'text/html; charset=utf-8', SHORT],
      ['rss.xml', 'application/xml; charset=utf-8', SHORT],
      ['ru/index.html', 'text/html; charset=utf-8', SHORT],
      ['ru/pagefind/pagefind.js', 'text/javascript; charset=utf-8', 'public, max-age=3600'],
    ];
    expect([...(await objects()).keys()].sort()).toEqual(expected.map(([path]) => `news/${path}`));
    for (const [path, type, cache] of expected) {
      const key = `news/${path}`;
      const head = await client.send(new HeadObjectCommand({ Bucket: 'site', Key: key }));
      expect([path, head.ContentType, head.CacheControl]).toEqual([path, type, cache]);
    }
    // The server got every asset before any page, and every page before the feed.
    const kinds = puts()
      .map(putPath)
      .map((path) => (path.endsWith('.html') ? 'page' : path.endsWith('.xml') ? 'feed' : 'asset'));
    expect(kinds).toEqual([...Array(4).fill('asset'), ...Array(4).fill('page'), 'feed']);
  });

  it('uploads nothing when nothing changed, configured by environment variables', async () => {
    requests.length = 0;
    const run = await deploy(['--path-style'], {
      KHABAR_S3_BUCKET: 'site',
      KHABAR_S3_PREFIX: 'news',
      KHABAR_S3_ENDPOINT: endpoint,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: 0 uploaded \(0\.0 MiB\), 9 unchanged, 0 deleted in /);
    expect(writes()).toEqual([]);
  });

  it('changes nothing with --dry-run, and prints the plan', async () => {
    await writeFile(join(site, 'index.html'), page('Home, edited'));
    await writeFiles(site, { 'articles/c/index.html': page('C') });
    await rm(join(site, 'articles/b'), { recursive: true });
    const before = await objects();
    requests.length = 0;
    const run = await deploy([...withEndpoint(), '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('would upload news/articles/c/index.html (new)\n');
    expect(run.stdout).toContain('would upload news/index.html (changed)\n');
    expect(run.stdout).toContain('would delete news/articles/b/index.html\n');
    expect(run.stdout).toMatch(
      /would upload 2 \(0\.0 MiB\), 7 unchanged, would delete 1; nothing changed\.$/m,
    );
    expect(writes()).toEqual([]);
    expect(await objects()).toEqual(before);
  });

  it('stops at a refused upload: exit 1, the key named, no page uploaded, nothing deleted', async () => {
    await writeFiles(site, { '_astro/y.hash.js': 'console.log(2);\n' });
    refused.add('/site/news/_astro/y.hash.js');
    const before = await objects();
    requests.length = 0;
    const run = await deploy(withEndpoint());
    refused.clear();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'could not upload news/_astro/y.hash.js: AccessDenied: Access Denied',
    );
    expect(run.stderr).toContain('nothing was deleted');
    expect(run.stdout).not.toMatch(/^Deployed/m);
    expect(writes()).toEqual(['PUT /site/news/_astro/y.hash.js?x-id=PutObject']);
    expect(await objects()).toEqual(before);
  });

  it('then uploads exactly what was added or edited and deletes what was removed', async () => {
    const before = await objects();
    requests.length = 0;
    const run = await deploy(withEndpoint());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: 3 uploaded \(0\.0 MiB\), 7 unchanged, 1 deleted in /);
    const [asset, ...pages] = puts().map(putPath);
    expect(asset).toBe('/site/news/_astro/y.hash.js');
    expect(pages.sort()).toEqual(['/site/news/articles/c/index.html', '/site/news/index.html']);
    expect(run.stdout).toContain('deleted news/articles/b/index.html\n');
    // One DeleteObjects, with the Content-MD5 every S3-compatible store accepts.
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!['content-md5']).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Object.keys(deletes[0]!).filter((name) => name.includes('checksum'))).toEqual([]);
    const after = await objects();
    expect(after.has('news/articles/b/index.html')).toBe(false);
    expect(after.has('news/_headers') || after.has('news/_redirects')).toBe(false);
    for (const [key, etag] of after)
      if (!['news/_astro/y.hash.js', 'news/articles/c/index.html', 'news/index.html'].includes(key))
        expect([key, etag]).toEqual([key, before.get(key)]);
    expect(after.get('news/index.html')).not.toEqual(before.get('news/index.html'));
  });

  it.each<{ case: string; args: () => string[]; env?: Record<string, string>; error: RegExp }>([
    {
      case: 'no bucket',
      args: () => ['--dir', 'dist'],
      error: /no bucket: pass --bucket NAME or set KHABAR_S3_BUCKET/,
    },
    {
      case: 'a bucket that does not exist',
      args: () => [...toNews, '--bucket', 'nope', '--endpoint', endpoint],
      error: /cannot list s3:\/\/nope\/news at http:\/\/127\.0\.0\.1:\d+: NoSuchBucket/,
    },
    {
      case: 'an unknown access key',
      args: () => withEndpoint(),
      env: { AWS_ACCESS_KEY_ID: 'WRONG' },
      error: /cannot list s3:\/\/site\/news .*InvalidAccessKeyId/,
    },
    {
      case: 'no credentials',
      args: () => withEndpoint(),
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
      error: /no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
    },
    {
      case: 'an unreachable endpoint',
      args: () => [...toNews, '--bucket', 'site', '--endpoint', closed],
      error: /cannot list s3:\/\/site\/news at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    },
    {
      case: 'a missing site',
      args: () => ['--dir', 'nowhere', '--bucket', 'site'],
      error: /no site at nowhere\/ \(run npm run build first\)/,
    },
  ])('fails in one line with $case, changing nothing', async ({ args, env, error }) => {
    const before = await objects();
    requests.length = 0;
    const run = await deploy(args(), env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(error);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(writes()).toEqual([]);
    expect(await objects()).toEqual(before);
  });
});
