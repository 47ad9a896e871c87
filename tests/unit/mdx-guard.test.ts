import { pathToFileURL } from 'node:url';
import { mdxToJs, type MdxToJsResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_FEATURES } from '../../src/lib/body-rules.ts';
import { isTrustedMdx, mdxGuard } from '../../src/markdown/mdx-guard.ts';

const options = {
  articlesDir: '/site/content/articles',
  embedHosts: [],
  trustedMdxFolders: ['desk/graphics'],
};
// The guard's visitors are synchronous, so the compile is too.
const compile = (body: string, file = '/site/content/articles/2026/story.mdx') =>
  mdxToJs(body, {
    features: MARKDOWN_FEATURES,
    mdastPlugins: [mdxGuard(options)],
    fileURL: pathToFileURL(file),
  }) as MdxToJsResult;

describe.each([
  { name: 'an import', body: "import fs from 'node:fs'\n\nText" },
  { name: 'an expression', body: 'Text {process.env.HOME}' },
  { name: 'a spread', body: '<Callout {...x}>a</Callout>' },
  { name: 'an unregistered component', body: '<Evil />' },
  { name: 'a script image', body: '![x](./run.js)' },
  { name: 'a javascript: definition', body: '[a][r]\n\n[r]: javascript:alert(1)' },
])('the compiler, given MDX with $name', ({ body }) => {
  it('refuses to compile it, naming file, line and rule', () => {
    expect(() => compile(body)).toThrow(/^\/site\/content\/articles\/2026\/story\.mdx:\d+:\d+ /);
  });
});

describe('mdxGuard', () => {
  it('compiles Markdown and registered components with literal props', () => {
    expect(compile('# Head\n\n<Callout title="Note">Body</Callout>\n').code).toContain('Callout');
  });
  it('lets a trusted folder use code', () => {
    expect(
      compile(
        'export const n = 3;\n\nThere are {n}.',
        '/site/content/articles/desk/graphics/chart.mdx',
      ).code,
    ).toContain('n = 3');
  });
  it.each([
    ['/site/content/articles/desk/graphics/a.mdx', true],
    ['/site/content/articles/desk/graphics-extra/a.mdx', false],
    ['/site/content/articles/desk/a.mdx', false],
    ['/site/content/other/desk/graphics/a.mdx', false],
  ])('isTrustedMdx(%s) is %s', (file, trusted) =>
    expect(isTrustedMdx(file, options)).toBe(trusted),
  );
});
