import { describe, expect, it } from 'vitest';
import {
  cacheFolderProblem,
  isBuildOwned,
  outputFileOf,
  outputFolderProblem,
  unsafePathReason,
} from '../../src/lib/safe-path.ts';

describe.each([
  { path: '/2019/05/old-name.html', reason: undefined },
  { path: '/old/', reason: undefined },
  { path: '/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/', reason: undefined },
  { path: '/../../../x.html', reason: /`\.` or `\.\.`/ },
  { path: '/x/../api/y.json', reason: /`\.` or `\.\.`/ },
  { path: '/x/./y/', reason: /`\.` or `\.\.`/ },
  { path: '/%2e%2e/%2e%2e/x.html', reason: /`\.` or `\.\.`/ },
  { path: '/x/%2E%2E/y', reason: /`\.` or `\.\.`/ },
  { path: '/x\\..\\y', reason: /backslash/ },
  { path: '/x%5c..%5cy', reason: /backslash/ },
  { path: '/x%00.html', reason: /control/ },
  { path: '/x\u0007y/', reason: /control/ },
  { path: '//evil.example/x', reason: /empty segment/ },
  { path: '/x%zz', reason: /percent-encoding/ },
  { path: 'relative/x', reason: /start with/ },
  { path: '/.htaccess', reason: /starting with `\.`/ },
  { path: '/.well-known/security.txt', reason: /starting with `\.`/ },
  { path: '/old/:splat', reason: /`:` or `\*`/ },
  { path: '/old/*', reason: /`:` or `\*`/ },
  // White space would split a `_redirects` line into fields of its own: `301!` forces a rule.
  { path: '/%20/articles/x/%20301!%20x.html', reason: /white space/ },
  { path: '/a%20b/', reason: /white space/ },
  { path: '/x%C2%A0y/', reason: /white space/ },
  { path: '/x\u3000y/', reason: /white space/ },
  { path: '/x%09y/', reason: /white space|control/ },
  { path: `/${'a'.repeat(201)}/`, reason: /longer than 200 bytes/ },
])('unsafePathReason($path)', ({ path, reason }) => {
  it(reason ? `refuses it (${reason.source})` : 'accepts it', () => {
    const found = unsafePathReason(path);
    if (reason) expect(found).toMatch(reason);
    else expect(found).toBeUndefined();
  });
});

describe.each([
  { path: '/api/articles.json', owned: true },
  { path: '/API/x/', owned: true },
  { path: '/_astro/x.js', owned: true },
  { path: '/pagefind/pagefind.js', owned: true },
  { path: '/_redirects', owned: true },
  { path: '/_headers', owned: true },
  { path: '/%5fheaders', owned: true },
  { path: '/_worker.js', owned: true },
  { path: '/_routes.json', owned: true },
  { path: '/sitemap-1.xml', owned: true },
  { path: '/sitemap-news.xml', owned: true },
  { path: '/apiary/', owned: false },
  { path: '/old/', owned: false },
])('isBuildOwned($path)', ({ path, owned }) => {
  it(`is ${owned}`, () => expect(isBuildOwned(path)).toBe(owned));
});

describe('outputFileOf', () => {
  it('places pages and files inside the output folder', () => {
    expect(outputFileOf('/srv/out', '/old/')).toBe('/srv/out/old/index.html');
    expect(outputFileOf('/srv/out', '/2019/x.html')).toBe('/srv/out/2019/x.html');
    // Servers look for the decoded name.
    expect(outputFileOf('/srv/out', '/2019/%D0%BD%D0%BE.html')).toBe('/srv/out/2019/но.html');
  });
  it.each(['/../x.html', '/a/%2e%2e/%2e%2e/x', '/api/y.json', '/_headers'])(
    'refuses %j',
    (path) => {
      expect(() => outputFileOf('/srv/out', path)).toThrow(/refusing to write/);
    },
  );
});

describe.each([
  { out: '/p/dist', problem: undefined },
  { out: '/elsewhere/site', problem: undefined },
  { out: '/p/content', problem: /is the content folder/ },
  { out: '/p/content/articles', problem: /inside the content folder/ },
  { out: '/p', problem: /is the project folder/ },
  { out: '/', problem: /contains the project folder/ },
  { out: '/p/.git', problem: /is the project's \.git/ },
  { out: '/p/.git/hooks', problem: /inside the project's \.git/ },
])('outputFolderProblem($out)', ({ out, problem }) => {
  it(problem ? `refuses it` : 'accepts it', () => {
    const found = outputFolderProblem(out, { root: '/p', contentDir: '/p/content' });
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

describe.each([
  { cache: '/p/node_modules/.astro', problem: undefined },
  { cache: '/tmp/cache', problem: undefined },
  { cache: '/p', problem: /is the project folder/ },
  { cache: '/', problem: /contains the project folder/ },
  { cache: '/p/content/x', problem: /inside the content folder/ },
  { cache: '/p/public', problem: /is the project's public folder/ },
  { cache: '/p/dist', problem: /is the output folder/ },
  { cache: '/p/dist.versions/a', problem: /inside the output's versions/ },
  { cache: '/p/.git/cache', problem: /inside the project's \.git/ },
])('cacheFolderProblem($cache)', ({ cache, problem }) => {
  it(problem ? 'refuses it' : 'accepts it', () => {
    const found = cacheFolderProblem(cache, {
      root: '/p',
      contentDir: '/p/content',
      outDir: '/p/dist',
    });
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});
