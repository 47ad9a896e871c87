import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkRequest,
  pathsOf,
  Refusal,
  resolveInArea,
  segmentsOf,
} from '../../scripts/lib/cms-paths.ts';
import { EDITABLE_AREAS } from '../../scripts/lib/cms.ts';
import { tempDir, writeFiles } from '../helpers/site.ts';

const AREAS = ['content', 'public/images'];

describe('the editing backend’s path policy', () => {
  it('edits content/ and the media folder the editing UI is configured with', () => {
    expect(EDITABLE_AREAS).toEqual(['content', 'public/images']);
  });

  it('finds every path decap-server would read or write in each action it serves', () => {
    expect(pathsOf({ action: 'info' })).toEqual({ action: 'info', reads: [], writes: [] });
    expect(
      pathsOf({ action: 'entriesByFolder', params: { folder: 'content/articles' } }).reads,
    ).toEqual(['content/articles']);
    expect(
      pathsOf({
        action: 'entriesByFiles',
        params: { files: [{ path: 'content/a.md' }, { path: 'content/b.md' }] },
      }).reads,
    ).toEqual(['content/a.md', 'content/b.md']);
    expect(pathsOf({ action: 'getMedia', params: { mediaFolder: 'public/images' } }).reads).toEqual(
      ['public/images'],
    );
    expect(
      pathsOf({
        action: 'persistEntry',
        params: {
          entry: { path: 'content/e.md' },
          dataFiles: [{ path: 'content/a.md', newPath: 'content/b.md' }],
          assets: [{ path: 'public/images/p.png' }],
        },
      }).writes,
    ).toEqual(['content/e.md', 'content/a.md', 'content/b.md', 'public/images/p.png']);
    expect(
      pathsOf({ action: 'persistMedia', params: { asset: { path: 'public/images/p.png' } } })
        .writes,
    ).toEqual(['public/images/p.png']);
    expect(pathsOf({ action: 'deleteFile', params: { path: 'content/a.md' } }).writes).toEqual([
      'content/a.md',
    ]);
    expect(
      pathsOf({ action: 'deleteFiles', params: { paths: ['content/a.md', 'content/b.md'] } })
        .writes,
    ).toEqual(['content/a.md', 'content/b.md']);
  });

  it.each([
    ['not an object', []],
    ['no action', { params: {} }],
    ['an editorial-workflow action', { action: 'deleteUnpublishedEntry', params: {} }],
    ['a path that is not a string', { action: 'deleteFile', params: { path: ['content/a.md'] } }],
    ['paths that are not a list', { action: 'deleteFiles', params: { paths: 'content/a.md' } }],
    [
      'data files that are not a list',
      { action: 'persistEntry', params: { dataFiles: null, assets: [] } },
    ],
    ['a missing asset', { action: 'persistMedia', params: {} }],
  ])('refuses a request with %s', (_name, body) => {
    expect(() => pathsOf(body)).toThrow(Refusal);
  });

  it.each([
    '',
    '/etc/passwd',
    '../outside',
    'content/../scripts/x.ts',
    'content/./a.md',
    'content//a.md',
    'content/a.md/',
    'content\\a.md',
    'C:/content/a.md',
    'content/a.md:stream',
    'content/%2e%2e/x',
    'content/%2E%2e/x',
    'content/.hidden',
    '.git/hooks/pre-commit',
    'content/a\u0000.md',
    'content/a\n.md',
  ])('refuses the path %j before looking at the disk', (path) => {
    expect(() => segmentsOf(path)).toThrow(Refusal);
  });

  it('accepts plain relative paths, including non-Latin names', () => {
    expect(segmentsOf('content/articles/2026/02/бишкек-форум.md')).toEqual([
      'content',
      'articles',
      '2026',
      '02',
      'бишкек-форум.md',
    ]);
  });

  describe('on disk', () => {
    let repo: string;
    beforeAll(async () => {
      const work = await tempDir('cms-paths');
      repo = join(work, 'repo');
      await writeFiles(repo, {
        'content/a.md': 'a',
        'scripts/x.ts': 'x',
        'public/images/p.png': 'p',
        'public/other.txt': 'o',
      });
      await mkdir(join(work, 'outside'));
      await symlink('../scripts', join(repo, 'content/to-scripts'));
      await symlink('../../outside/new.md', join(repo, 'content/dangling.md'));
      await symlink('a.md', join(repo, 'content/alias.md'));
      await symlink('../../content/a.md', join(repo, 'public/images/from-content.md'));
      await symlink('../scripts/x.ts', join(repo, 'content/linked.ts'));
    });

    it('resolves paths inside an area, new or existing, and links that stay inside it', async () => {
      await expect(resolveInArea(repo, AREAS, 'content/a.md', 'write')).resolves.toMatch(
        /content\/a\.md$/,
      );
      await expect(resolveInArea(repo, AREAS, 'content/new/deep/b.md', 'write')).resolves.toMatch(
        /content\/new\/deep\/b\.md$/,
      );
      await expect(resolveInArea(repo, AREAS, 'content/alias.md', 'write')).resolves.toMatch(
        /content\/a\.md$/,
      );
      await expect(resolveInArea(repo, AREAS, 'public/images', 'read')).resolves.toMatch(
        /public\/images$/,
      );
    });

    it.each([
      ['outside every area', 'scripts/x.ts', 'write'],
      ['beside the media folder', 'public/other.txt', 'write'],
      ['the area itself, as a write', 'content', 'write'],
      ['a folder linked outside', 'content/to-scripts/y.ts', 'write'],
      ['a file linked outside', 'content/linked.ts', 'write'],
      ['a dangling link', 'content/dangling.md', 'write'],
      ['a link from one area into another', 'public/images/from-content.md', 'write'],
      ['a read outside every area', 'scripts/x.ts', 'read'],
    ] as const)('refuses %s (%s)', async (_name, path, access) => {
      await expect(resolveInArea(repo, AREAS, path, access)).rejects.toThrow(Refusal);
    });

    it('checks every path of a request, refusing the whole request for one bad path', async () => {
      await expect(
        checkRequest(repo, AREAS, { action: 'deleteFiles', params: { paths: ['content/a.md'] } }),
      ).resolves.toMatchObject({ writes: ['content/a.md'] });
      await expect(
        checkRequest(repo, AREAS, {
          action: 'deleteFiles',
          params: { paths: ['content/a.md', 'scripts/x.ts'] },
        }),
      ).rejects.toThrow(/scripts\/x\.ts/);
    });
  });
});
