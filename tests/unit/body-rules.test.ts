import { describe, expect, it } from 'vitest';
import { findUnsafeMarkdown, MAX_NESTING, nestingDepth } from '../../src/lib/body-rules.ts';
import { findUnsafeMdx, MdxSyntaxError } from '../../src/lib/mdx-rules.ts';
import { sanitizeBodyHtml } from '../../src/lib/safe-html.ts';
import { markdownToHtml } from 'satteri';

const policy = { embedHosts: ['www.youtube-nocookie.com'], imageHosts: ['upload.wikimedia.org'] };
const render = (body: string) =>
  sanitizeBodyHtml(
    markdownToHtml(body, { features: { gfm: true, smartPunctuation: false } }).html,
    policy,
  );

// Each body holds something the sanitizer removes; the check must name it at its line, and the
// rendered, sanitized page must hold none of it.
describe.each([
  {
    name: 'a script element',
    body: 'Text\n\n<script>alert(1)</script>',
    line: 3,
    message: /<script> is not allowed/,
    gone: /<script/i,
  },
  {
    name: 'an event handler in inline HTML',
    body: 'Hello <b onclick="x()">there</b>',
    line: 1,
    message: /`onclick`/,
    gone: /onclick/i,
  },
  {
    name: 'an indented first line of raw HTML after a paragraph',
    body: 'Para\n    <img src=x onerror=alert(1)>',
    line: 2,
    message: /`onerror`/,
    gone: /onerror/i,
  },
  {
    name: 'an image whose handler hides in <noscript>',
    body: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    line: 1,
    message: /<noscript>/,
    gone: /<noscript/i,
  },
  {
    name: 'an <xmp> raw-text element',
    body: '<xmp><img src=x onerror=1></xmp>',
    line: 1,
    message: /<xmp>/,
    gone: /<xmp/i,
  },
  {
    name: 'a <style> element',
    body: 'a\n\n<style>body{display:none}</style>',
    line: 3,
    message: /<style>/,
    gone: /<style/i,
  },
  {
    name: 'a meta refresh',
    body: '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    line: 1,
    message: /<meta>/,
    gone: /<meta/i,
  },
  {
    name: 'a base element',
    body: '<base href="https://evil.example/">',
    line: 1,
    message: /<base>/,
    gone: /<base/i,
  },
  {
    name: 'an iframe with srcdoc',
    body: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    line: 1,
    message: /iframe/,
    gone: /srcdoc|<iframe/i,
  },
  {
    name: 'an iframe from an unlisted host',
    body: '<iframe src="https://evil.example/x"></iframe>',
    line: 1,
    message: /evil\.example is not allowed/,
    gone: /<iframe/i,
  },
  {
    name: 'a form',
    body: '<form action="https://evil.example"><input name="p"></form>',
    line: 1,
    message: /<form>/,
    gone: /<form/i,
  },
  {
    name: 'an object with a data: URL',
    body: '<object data="data:text/html,<script>1</script>"></object>',
    line: 1,
    message: /<object>/,
    gone: /<object/i,
  },
  {
    name: 'an embed',
    body: '<embed src="https://evil.example/x.swf">',
    line: 1,
    message: /<embed>/,
    gone: /<embed/i,
  },
  {
    name: 'a linked stylesheet',
    body: '<link rel="stylesheet" href="https://evil.example/x.css">',
    line: 1,
    message: /<link>/,
    gone: /<link/i,
  },
  {
    name: 'a javascript: Markdown link',
    body: 'See [this](javascript:alert(1)).',
    line: 1,
    message: /href="javascript:/,
    gone: /javascript:/i,
  },
  {
    name: 'an entity-encoded javascript: URL in HTML',
    body: '<a href="jav&#x61;script:alert(1)">x</a>',
    line: 1,
    message: /href="javascript:/,
    gone: /javascript:/i,
  },
  {
    name: 'a control character inside the scheme',
    body: '<a href="java&#x09;script:alert(1)">x</a>',
    line: 1,
    message: /not allowed/,
    gone: /script:/i,
  },
  {
    name: 'a vbscript: URL',
    body: '[x](vbscript:msgbox)',
    line: 1,
    message: /vbscript/,
    gone: /vbscript/i,
  },
  {
    name: 'a data: image',
    body: '![x](data:image/svg+xml;base64,PHN2Zz4=)',
    line: 1,
    message: /src="data:/,
    gone: /data:/i,
  },
  {
    name: 'a style attribute',
    body: '<p style="position:fixed;inset:0">x</p>',
    line: 1,
    message: /`style`/,
    gone: /style=/i,
  },
  {
    name: 'an SVG with a script inline',
    body: '<svg><script>alert(1)</script></svg>',
    line: 1,
    message: /<svg>|<script>/,
    gone: /<script|<svg/i,
  },
  {
    name: 'a template hiding markup',
    body: '<template><img src=x onerror=alert(1)></template>',
    line: 1,
    message: /<template>/,
    gone: /onerror/i,
  },
  {
    name: 'a script in a leading --- block',
    body: '---\n<script>alert(1)</script>\n---\nText',
    line: 2,
    message: /<script>/,
    gone: /<script/i,
  },
])('a Markdown body with $name', ({ body, line, message, gone }) => {
  it('is reported at its line', () => {
    const found = findUnsafeMarkdown(body, policy);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ line, message: expect.stringMatching(message) });
  });
  it('is removed from the rendered page', () => expect(render(body)).not.toMatch(gone));
});

describe.each([
  {
    name: 'text, emphasis and links',
    body: 'Some *text* with [a link](https://example.org) and [a page](/articles/x/) and [mail](mailto:desk@example.org).',
  },
  { name: 'an indented code block showing markup', body: 'Para\n\n    <script>alert(1)</script>' },
  { name: 'a code span showing a handler', body: 'Write `<img onerror=x>` to break things.' },
  { name: 'an aligned table', body: '| a | b |\n|:-|-:|\n| 1 | 2 |' },
  { name: 'a task list and a footnote', body: '- [x] done\n\nText[^1]\n\n[^1]: Note.' },
  {
    name: 'an allowed embed',
    body: '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>',
  },
  {
    name: 'a figure with a caption',
    body: '<figure><img src="/images/a.jpg" alt="A"><figcaption>Caption</figcaption></figure>',
  },
  { name: 'an HTML comment', body: 'Text\n\n<!-- an editor note -->' },
])('a Markdown body with $name', ({ body }) => {
  it('passes the check', () => expect(findUnsafeMarkdown(body, policy)).toEqual([]));
});

describe('sanitizeBodyHtml', () => {
  it('turns the renderer’s alignment styles into align attributes', () => {
    expect(render('| a |\n|-:|\n| 1 |')).toContain('<td align="right">1</td>');
  });
  it('sandboxes an allowed embed', () => {
    expect(
      render('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>'),
    ).toMatch(
      /<iframe[^>]+sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"/,
    );
  });
});

describe.each([
  {
    name: 'an import',
    body: "import fs from 'node:fs'\n\nText",
    line: 1,
    message: /`import` and `export`/,
  },
  {
    name: 'an export',
    body: 'export const x = process.env\n\nText',
    line: 1,
    message: /`import` and `export`/,
  },
  {
    name: 'an expression in text',
    body: 'Secret: {process.env.TOKEN}',
    line: 1,
    message: /expressions are not allowed/,
  },
  {
    name: 'a flow expression',
    body: '{(() => { throw 1 })()}',
    line: 1,
    message: /expressions are not allowed/,
  },
  {
    name: 'a spread attribute',
    body: '<Callout {...props}>x</Callout>',
    line: 1,
    message: /spread/,
  },
  {
    name: 'a computed prop',
    body: '<Callout title={String(1)}>x</Callout>',
    line: 1,
    message: /literal text/,
  },
  {
    name: 'set:html',
    body: '<div set:html="<img src=x onerror=alert(1)>" />',
    line: 1,
    message: /directive/,
  },
  {
    name: 'an unregistered component',
    body: '<Evil />',
    line: 1,
    message: /not a registered component/,
  },
  {
    name: 'a member component',
    body: '<Astro.self />',
    line: 1,
    message: /not a registered component/,
  },
  {
    name: 'an unknown prop',
    body: '<Callout onClick="x">x</Callout>',
    line: 1,
    message: /takes no `onClick`/,
  },
  {
    name: 'an HTML handler as JSX',
    body: '<img src="x.jpg" alt="" onError="alert(1)" />',
    line: 1,
    message: /`onerror`/,
  },
  {
    name: 'a javascript: href as JSX',
    body: '<a href="javascript:alert(1)">x</a>',
    line: 1,
    message: /javascript:/,
  },
  {
    name: 'a script element as JSX',
    body: 'a\n\n<script>{"alert(1)"}</script>',
    line: 3,
    message: /<script>/,
  },
  {
    name: 'a javascript: Markdown link',
    body: '[x](javascript:alert(1))',
    line: 1,
    message: /javascript:/,
  },
  {
    name: 'a javascript: link definition',
    body: 'Read [this][r].\n\n[r]: javascript:alert(1)',
    line: 3,
    message: /javascript:/,
  },
  {
    name: 'a definition hidden in a leading --- block',
    body: '---\n[r]: javascript:alert(1)\n---\nRead [this][r].',
    line: 2,
    message: /javascript:/,
  },
  {
    name: 'an image that is a script',
    body: '![chart](./helper.js)',
    line: 1,
    message: /not an image file/,
  },
  {
    name: 'an image read as source text',
    body: '![x](./photo.png?raw)',
    line: 1,
    message: /not an image file/,
  },
  {
    name: 'an img element that is a script',
    body: '<img src="../../scripts/x.ts" alt="x" />',
    line: 1,
    message: /not an image file/,
  },
  {
    name: 'an attribute written twice',
    body: '<a HREF="javascript:alert(1)" href="https://example.org">x</a>',
    line: 1,
    message: /written twice/,
  },
  {
    name: 'an expression in a footnote nothing refers to',
    body: 'Text.\n\n[^unused]: Note {process.exit(7)} here.',
    line: 3,
    message: /expressions are not allowed/,
  },
])('an MDX body with $name', ({ body, line, message }) => {
  it('is reported at its line', () => {
    const found = findUnsafeMdx(body, policy);
    expect(found[0]).toMatchObject({ line, message: expect.stringMatching(message) });
  });
});

describe('findUnsafeMdx', () => {
  it('passes Markdown, a registered component with literal props and a comment', () => {
    expect(
      findUnsafeMdx(
        '# Head\n\n<Callout title="Note">Inside **bold**</Callout>\n\n{/* editor note */}\n',
        policy,
      ),
    ).toEqual([]);
  });
  it('throws a located syntax error for MDX that does not parse', () => {
    expect(() => findUnsafeMdx('Fine\n\n<Broken', policy)).toThrow(MdxSyntaxError);
  });
});

describe.each([
  { name: '3,000 nested quotes', body: `${'>'.repeat(3000)} deep`, deep: true },
  {
    name: '3,000 nested list items',
    body: Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    deep: true,
  },
  { name: 'list markers nested on one line', body: `${'- '.repeat(3000)}x`, deep: true },
  {
    name: '3,000 nested divs',
    body: `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}`,
    deep: true,
  },
  {
    name: 'an ordinary story',
    body: '> A quote\n\n- a\n  - b\n\n<figure><img src="/a.jpg" alt="a"></figure>',
    deep: false,
  },
])('nestingDepth of $name', ({ body, deep }) => {
  it(deep ? `passes ${MAX_NESTING} without overflowing` : 'stays low', () => {
    const depth = nestingDepth(body);
    if (deep) expect(depth).toBeGreaterThan(MAX_NESTING);
    else expect(depth).toBeLessThanOrEqual(MAX_NESTING);
  });
});

describe('findUnsafeMarkdown on images and embeds', () => {
  it.each([
    ['a photo beside the article', '![A map](./map.png "The region")'],
    ['a photo under public/', '![A map](/images/map.png)'],
    ['a photo from an allowed host', '![A map](https://upload.wikimedia.org/map.png)'],
  ])('accepts %s', (_, body) => {
    expect(findUnsafeMarkdown(body, policy)).toEqual([]);
  });
  it.each([
    ['another host', '![A map](https://tracker.example.com/map.png)', /not an allowed image host/],
    ['plain http', '![A map](http://upload.wikimedia.org/map.png)', /not loaded over https/],
    [
      'raw HTML from another host',
      '<img src="https://tracker.example.com/p.gif" alt="">',
      /not an allowed image host/,
    ],
    ['a file that is no image', '![A map](./notes.txt)', /not an image file/],
  ])('refuses an image from %s', (_, body, message) => {
    expect(findUnsafeMarkdown(body, policy)[0]?.message).toMatch(message);
  });
  it('refuses an embed asking for permissions', () => {
    expect(
      findUnsafeMarkdown(
        '<iframe src="https://www.youtube-nocookie.com/embed/a" allow="camera *"></iframe>',
        policy,
      )[0]?.message,
    ).toMatch(/`allow`/);
  });
});
