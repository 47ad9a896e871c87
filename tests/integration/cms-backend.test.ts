import { request } from 'node:http';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditingBackend, type EditingBackend } from '../../scripts/lib/cms.ts';
import { tempDir, writeFiles } from '../helpers/site.ts';

const UI = 'http://127.0.0.1:4321';
const MAX_BODY = 256 * 1024;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** One HTTP request to 127.0.0.1:`port` with exactly these headers (fetch would not let us set Host). */
function call(
  port: number,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    path?: string;
    chunked?: boolean;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? '';
    const length = options.chunked
      ? { 'transfer-encoding': 'chunked' }
      : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/api/v1',
        headers: {
          host: `127.0.0.1:${port}`,
          'content-type': 'application/json; charset=utf-8',
          ...length,
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: text ? (JSON.parse(text) as unknown) : undefined,
          });
        });
      },
    );
    req.on('error', reject);
    if (options.chunked)
      for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.slice(at, at + 16 * 1024));
    req.end(options.chunked ? undefined : body);
  });
}

const post = (port: number, body: unknown, headers: Record<string, string> = { origin: UI }) =>
  call(port, { body: JSON.stringify(body), headers });

const OPTIONS = { commitMessage: 'Edit', useWorkflow: false, status: 'published' };
const persistEntry = (path: string, more: Record<string, unknown> = {}) => ({
  action: 'persistEntry',
  params: {
    branch: 'main',
    dataFiles: [{ slug: 'x', path, raw: '---\ntitle: X\n---\n', ...more }],
    assets: [],
    options: OPTIONS,
  },
});
const persistMedia = (path: string) => ({
  action: 'persistMedia',
  params: {
    branch: 'main',
    asset: { path, content: Buffer.from('payload').toString('base64'), encoding: 'base64' },
    options: { commitMessage: 'Upload' },
  },
});

/** Every file and link under `dir` with its content or target, to show that a refused request changed nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) found[path] = `-> ${await readlink(path)}`;
    else if (stats.isDirectory()) Object.assign(found, await snapshot(path));
    else found[path] = await readFile(path, 'utf8');
  }
  return found;
}

let work: string;
let repo: string;
let backend: EditingBackend;

describe('local editing backend (guard in front of decap-server)', () => {
  beforeAll(async () => {
    work = await tempDir('cms-backend');
    repo = join(work, 'repo');
    await writeFiles(repo, {
      'content/articles/2026/01/existing.md': '---\ntitle: Existing\n---\n',
      'public/images/photo.png': 'png',
      'scripts/keep.ts': 'export {};\n',
      '.git/hooks/README': 'hooks',
      '.env': 'SECRET=1\n',
    });
    await mkdir(join(work, 'outside'));
    await symlink('../scripts', join(repo, 'content/escape'));
    await symlink('../../../outside/created.md', join(repo, 'content/articles/dangling.md'));
    backend = await startEditingBackend({
      repo,
      port: 0,
      uiOrigins: [UI],
      stdio: 'ignore',
      maxBodyBytes: MAX_BODY,
    });
  });

  afterAll(async () => {
    await backend?.close();
  });

  it('saves an article under content/ for the editing UI, and reads it back', async () => {
    const saved = await post(backend.port, persistEntry('content/articles/2026/02/new-piece.md'));
    expect(saved.status).toBe(200);
    expect(saved.headers['access-control-allow-origin']).toBe(UI);
    expect(await readFile(join(repo, 'content/articles/2026/02/new-piece.md'), 'utf8')).toBe(
      '---\ntitle: X\n---\n',
    );
    const read = await post(backend.port, {
      action: 'getEntry',
      params: { branch: 'main', path: 'content/articles/2026/02/new-piece.md' },
    });
    expect(read.json).toMatchObject({ data: '---\ntitle: X\n---\n' });
  });

  it('saves an upload in the media folder, and a request without Origin (not from a browser) is served too', async () => {
    const saved = await post(backend.port, persistMedia('public/images/upload.png'), {});
    expect(saved.status).toBe(200);
    expect(await readFile(join(repo, 'public/images/upload.png'), 'utf8')).toBe('payload');
  });

  const outside = (): Array<[string, () => unknown]> => [
    ['a write to scripts/x.ts', () => persistEntry('scripts/x.ts')],
    ['a write to ../outside', () => persistEntry('../outside/x.md')],
    ['a write to .git/hooks/pre-commit', () => persistMedia('.git/hooks/pre-commit')],
    ['a write through content/../', () => persistEntry('content/../scripts/x.ts')],
    ['a write to an absolute path', () => persistEntry(join(work, 'outside/abs.md'))],
    ['a write with backslashes', () => persistEntry('content\\..\\scripts\\x.ts')],
    ['a write with encoded dots', () => persistEntry('content/%2e%2e/scripts/x.ts')],
    ['a write through a symlinked folder', () => persistEntry('content/escape/x.ts')],
    ['a write through a dangling symlink', () => persistEntry('content/articles/dangling.md')],
    [
      'a move out of content/',
      () => persistEntry('content/articles/2026/01/existing.md', { newPath: 'scripts/moved.ts' }),
    ],
    [
      'an asset saved with an entry outside',
      () => ({
        ...persistEntry('content/articles/a.md'),
        params: {
          ...persistEntry('content/articles/a.md').params,
          assets: [{ path: 'scripts/a.ts', content: 'eA==', encoding: 'base64' }],
        },
      }),
    ],
    [
      'a delete of scripts/keep.ts',
      () => ({
        action: 'deleteFile',
        params: { branch: 'main', path: 'scripts/keep.ts', options: { commitMessage: 'x' } },
      }),
    ],
    [
      'a delete of many, one outside',
      () => ({
        action: 'deleteFiles',
        params: {
          branch: 'main',
          paths: ['content/articles/2026/01/existing.md', 'scripts/keep.ts'],
          options: { commitMessage: 'x' },
        },
      }),
    ],
    ['a read of .env', () => ({ action: 'getEntry', params: { branch: 'main', path: '.env' } })],
    [
      'a listing of .git',
      () => ({
        action: 'entriesByFolder',
        params: { branch: 'main', folder: '.git/hooks', extension: '', depth: 1 },
      }),
    ],
    [
      'an action the local backend does not serve',
      () => ({
        action: 'publishUnpublishedEntry',
        params: { branch: 'main', collection: 'a', slug: 'b' },
      }),
    ],
  ];

  it.each(outside())(
    'refuses %s with 403 and a JSON error, and nothing changes',
    async (_name, body) => {
      const before = await snapshot(work);
      const reply = await post(backend.port, body());
      expect(reply.status).toBe(403);
      expect(reply.json).toMatchObject({ error: expect.stringMatching(/^refused|does not serve/) });
      expect(await snapshot(work)).toEqual(before);
    },
  );

  it.each<[string, Record<string, string>]>([
    ['Host: evil.example (DNS rebinding)', { host: 'evil.example', origin: UI }],
    ['Host: evil.example at the right port', { host: 'evil.example:PORT', origin: UI }],
    ['Origin: http://evil.example', { origin: 'http://evil.example' }],
    ['Origin: null (a sandboxed frame or file:)', { origin: 'null' }],
    ['Origin of another local server', { origin: 'http://127.0.0.1:3000' }],
  ])('refuses a legitimate-looking write sent with %s', async (_name, headers) => {
    const before = await snapshot(work);
    const withPort = Object.fromEntries(
      Object.entries(headers).map(([key, value]) => [
        key,
        value.replace('PORT', String(backend.port)),
      ]),
    );
    const reply = await post(
      backend.port,
      persistEntry('content/articles/2026/02/rebound.md'),
      withPort,
    );
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(await snapshot(work)).toEqual(before);
  });

  it('answers the editing UI’s preflight and refuses a foreign one', async () => {
    const ok = await call(backend.port, {
      method: 'OPTIONS',
      headers: { origin: UI, 'access-control-request-method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(UI);
    const foreign = await call(backend.port, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over the size cap with 413, declared or chunked, and writes nothing', async () => {
    const before = await snapshot(work);
    const big = JSON.stringify(persistMedia('public/images/big.png')).replace(
      '"cGF5bG9hZA=="',
      `"${'A'.repeat(MAX_BODY)}"`,
    );
    expect((await call(backend.port, { body: big, headers: { origin: UI } })).status).toBe(413);
    expect(
      (await call(backend.port, { body: big, headers: { origin: UI }, chunked: true })).status,
    ).toBe(413);
    expect(await snapshot(work)).toEqual(before);
  });

  it('refuses bodies that are not plain JSON', async () => {
    const body = JSON.stringify(persistEntry('content/articles/2026/02/plain.md'));
    expect(
      (await call(backend.port, { body, headers: { origin: UI, 'content-type': 'text/plain' } }))
        .status,
    ).toBe(415);
    expect(
      (await call(backend.port, { body, headers: { origin: UI, 'content-encoding': 'gzip' } }))
        .status,
    ).toBe(415);
    expect((await call(backend.port, { body: '{"action":', headers: { origin: UI } })).status).toBe(
      400,
    );
    expect(
      (await call(backend.port, { body, headers: { origin: UI }, path: '/api/v1/../v1' })).status,
    ).toBe(404);
  });

  it('decap-server itself refuses anyone but the guard, though it listens on 127.0.0.1', async () => {
    const before = await snapshot(work);
    const reply = await post(backend.upstreamPort, persistEntry('scripts/direct.ts'), {
      host: `127.0.0.1:${backend.upstreamPort}`,
    });
    expect(reply.status).toBe(403);
    expect(await snapshot(work)).toEqual(before);
  });

  it('still lets a later legitimate write through', async () => {
    await writeFile(join(repo, 'content/articles/2026/01/existing.md'), '---\ntitle: Old\n---\n');
    const reply = await post(backend.port, persistEntry('content/articles/2026/01/existing.md'));
    expect(reply.status).toBe(200);
    expect(await readFile(join(repo, 'content/articles/2026/01/existing.md'), 'utf8')).toBe(
      '---\ntitle: X\n---\n',
    );
  });
});
