import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../src/lib/content-types.ts';
import {
  CACHE_IMMUTABLE,
  CACHE_SEARCH_INDEX,
  CACHE_SHORT,
  cacheControlOf,
  md5OfEtag,
  normalizePrefix,
  objectKey,
  phaseOf,
  planDeploy,
  type LocalFile,
} from '../../src/lib/deploy/plan.ts';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const OTHER = '0cc175b9c0f1b6a831c399e269772661';
const file = (path: string, md5 = MD5): LocalFile => ({ path, size: 10, md5 });

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['articles/x/index.HTML', 'text/html; charset=utf-8'],
    ['_astro/Base.Du3pWz2V.css', 'text/css; charset=utf-8'],
    ['_astro/page.Dfdq_IfP.js', 'text/javascript; charset=utf-8'],
    ['api/articles.json', 'application/json; charset=utf-8'],
    ['rss.xml', 'application/xml; charset=utf-8'],
    ['feed.rss', 'application/rss+xml; charset=utf-8'],
    ['site.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['admin/config.yml', 'text/yaml; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['images/photo.JPG', 'image/jpeg'],
    ['_astro/photo.abc_123.webp', 'image/webp'],
    ['images/a.avif', 'image/avif'],
    ['fonts/inter.woff2', 'font/woff2'],
    ['files/report.pdf', 'application/pdf'],
    ['video/clip.mp4', 'video/mp4'],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream'],
    ['pagefind/pagefind.en_25473e1e56.pf_meta', 'application/octet-stream'],
    ['C:\\site\\index.html', 'text/html; charset=utf-8'],
    ['_headers', 'application/octet-stream'],
    ['.htaccess', 'application/octet-stream'],
    ['archive.tar.unknown', 'application/octet-stream'],
    ['folder.with.dots/README', 'application/octet-stream'],
  ])('%s → %s', (path, type) => expect(contentTypeOf(path)).toBe(type));
});

describe('cacheControlOf', () => {
  it.each([
    ['_astro/Base.Du3pWz2V.css', CACHE_IMMUTABLE],
    ['/_astro/photo.abc.webp', CACHE_IMMUTABLE],
    ['pagefind/pagefind.js', CACHE_SEARCH_INDEX],
    ['pagefind/fragment/en_f1d5e3e.pf_fragment', CACHE_SEARCH_INDEX],
    ['ru/pagefind/pagefind-entry.json', CACHE_SEARCH_INDEX],
    ['pt-br/pagefind/shards.json', CACHE_SEARCH_INDEX],
    ['pagefind/shard-2/pagefind-entry.json', CACHE_SEARCH_INDEX],
    ['index.html', CACHE_SHORT],
    ['ru/index.html', CACHE_SHORT],
    ['api/articles.json', CACHE_SHORT],
    ['rss.xml', CACHE_SHORT],
    ['images/photo.jpg', CACHE_SHORT],
    ['articles/pagefind-tips/index.html', CACHE_SHORT],
    ['articles/x/pagefind/index.html', CACHE_SHORT],
    ['not_astro/x.js', CACHE_SHORT],
  ])('%s → %s', (path, cache) => expect(cacheControlOf(path)).toBe(cache));
});

describe('phaseOf', () => {
  it.each([
    ['_astro/x.hash.js', 'assets'],
    ['images/photo.jpg', 'assets'],
    ['api/articles.json', 'assets'],
    ['pagefind/fragment/en_1.pf_fragment', 'assets'],
    ['pagefind/pagefind-entry.json', 'indexes'],
    ['ru/pagefind/shards.json', 'indexes'],
    ['api/shards.json', 'assets'],
    ['index.html', 'pages'],
    ['404.html', 'pages'],
    ['rss.xml', 'feeds'],
    ['sitemap-index.xml', 'feeds'],
  ])('%s → %s', (path, phase) => expect(phaseOf(path)).toBe(phase));
});

describe('md5OfEtag', () => {
  it.each([
    [`"${MD5}"`, MD5],
    [MD5, MD5],
    [`"${MD5.toUpperCase()}"`, MD5],
    [`W/"${MD5}"`, MD5],
    [`"${MD5}-3"`, undefined],
    ['"abc"', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (etag, md5) => expect(md5OfEtag(etag)).toBe(md5));
});

describe('normalizePrefix and objectKey', () => {
  it.each([
    [undefined, '', 'index.html'],
    ['', '', 'index.html'],
    ['/', '', 'index.html'],
    ['site', 'site', 'site/index.html'],
    ['/site/', 'site', 'site/index.html'],
    ['a//b/', 'a/b', 'a/b/index.html'],
  ])('prefix %s → %s', (prefix, normal, key) => {
    expect(normalizePrefix(prefix)).toBe(normal);
    expect(objectKey(normalizePrefix(prefix), 'index.html')).toBe(key);
    expect(objectKey(normalizePrefix(prefix), '/index.html')).toBe(key);
  });

  it.each(['../x', 'a/./b', 'a/..'])('refuses %s', (prefix) =>
    expect(() => normalizePrefix(prefix)).toThrow(/may not be/),
  );
});

describe('planDeploy', () => {
  const local = [
    file('index.html'),
    file('articles/a/index.html', OTHER),
    file('_astro/x.hash.js'),
    file('api/articles.json'),
    file('images/photo.jpg'),
    file('pagefind/pagefind-entry.json'),
    file('rss.xml'),
    file('_headers'),
    file('_redirects'),
  ];

  it('uploads everything to an empty bucket, assets before index entries, pages and feeds', () => {
    const plan = planDeploy(local, []);
    expect(plan.upload.map((upload) => upload.path)).toEqual([
      '_astro/x.hash.js',
      'api/articles.json',
      'images/photo.jpg',
      'pagefind/pagefind-entry.json',
      'articles/a/index.html',
      'index.html',
      'rss.xml',
    ]);
    expect(plan.upload.every((upload) => upload.reason === 'new')).toBe(true);
    expect(plan.skipped).toEqual(['_headers', '_redirects']);
    expect(plan.unchanged).toEqual([]);
    expect(plan.remove).toEqual([]);
    expect(plan.upload[0]).toMatchObject({
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: CACHE_IMMUTABLE,
      phase: 'assets',
      size: 10,
      md5: MD5,
    });
  });

  it.each([
    { case: 'same MD5', etag: `"${MD5}"`, result: 'unchanged' },
    { case: 'same MD5, upper case', etag: `"${MD5.toUpperCase()}"`, result: 'unchanged' },
    { case: 'other MD5', etag: `"${OTHER}"`, result: 'changed' },
    { case: 'multipart ETag', etag: `"${MD5}-2"`, result: 'changed' },
    { case: 'no ETag', etag: undefined, result: 'changed' },
  ])('an object with $case is $result', ({ etag, result }) => {
    const plan = planDeploy([file('index.html')], [{ path: 'index.html', etag }]);
    if (result === 'unchanged') {
      expect(plan.unchanged).toEqual(['index.html']);
      expect(plan.upload).toEqual([]);
    } else {
      expect(plan.unchanged).toEqual([]);
      expect(plan.upload.map(({ path, reason }) => [path, reason])).toEqual([
        ['index.html', 'changed'],
      ]);
    }
  });

  it('deletes what the site no longer has, host files included, and ignores folder markers', () => {
    const plan = planDeploy(
      [file('index.html'), file('_headers')],
      [
        { path: 'index.html', etag: `"${MD5}"` },
        { path: 'old/index.html', etag: `"${MD5}"` },
        { path: 'b-gone.json', etag: `"${MD5}"` },
        { path: '_headers', etag: `"${MD5}"` },
        { path: 'folder/', etag: `"${MD5}"` },
      ],
    );
    expect(plan.remove).toEqual(['_headers', 'b-gone.json', 'old/index.html']);
    expect(plan.unchanged).toEqual(['index.html']);
    expect(plan.upload).toEqual([]);
  });

  it('uploads unchanged files too with force', () => {
    const plan = planDeploy([file('index.html')], [{ path: 'index.html', etag: MD5 }], {
      force: true,
    });
    expect(plan.upload.map(({ path, reason }) => [path, reason])).toEqual([
      ['index.html', 'changed'],
    ]);
    expect(plan.unchanged).toEqual([]);
  });
});
