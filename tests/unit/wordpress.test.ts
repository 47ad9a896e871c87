import { describe, expect, it } from 'vitest';
import {
  bodyToMarkdown,
  expandShortcodes,
  shortcodeAttributes,
  wpautop,
  type Attachment,
} from '../../src/lib/wordpress/body.ts';
import {
  permalinkPath,
  postFate,
  postSlug,
  titleFromBody,
  titleText,
  wordpressTime,
} from '../../src/lib/wordpress/posts.ts';

const photo = (url: string, parent = ''): Attachment => ({
  url,
  alt: `alt of ${url}`,
  title: '',
  caption: '',
  parent,
});
const attachments = new Map([
  ['1', photo('https://old.example/a.jpg', '7')],
  ['2', photo('https://old.example/b.jpg', '7')],
  ['3', photo('https://old.example/c.jpg', '8')],
]);

describe('wpautop', () => {
  it.each([
    ['', ''],
    ['One line', '<p>One line</p>'],
    ['First\n\nSecond', '<p>First</p>\n\n<p>Second</p>'],
    ['Line one\nline two', '<p>Line one<br>\nline two</p>'],
    ['Windows\r\n\r\nbreaks', '<p>Windows</p>\n\n<p>breaks</p>'],
    ['<h2>Heading</h2>\n\nText', '<h2>Heading</h2>\n\n<p>Text</p>'],
    ['<ul>\n<li>a</li>\n</ul>', '<ul>\n<li>a</li>\n</ul>'],
    ['<p>Already</p>', '<p>Already</p>'],
    ['<pre>a\n\n  b</pre>', '<pre>a\n\n  b</pre>'],
  ])('%j → %j', (html, expected) => {
    expect(wpautop(html)).toBe(expected);
  });
});

describe('shortcodes', () => {
  it.each([
    ['ids="1,2" size=large', { ids: '1,2', size: 'large' }],
    ['caption=\'A "quoted" one\'', { caption: 'A "quoted" one' }],
    ['', {}],
  ])('attributes of %j', (text, expected) => {
    expect(shortcodeAttributes(text)).toEqual(expected);
  });

  it.each([
    [
      '[caption id="x" width="300"]<img src="/a.jpg" alt="A"> The caption[/caption]',
      '<figure><img src="/a.jpg" alt="A"><figcaption>The caption</figcaption></figure>',
      [],
    ],
    [
      '[caption caption="From the attribute"]<img src="/a.jpg">[/caption]',
      '<figcaption>From the attribute</figcaption>',
      [],
    ],
    ['[gallery ids="2,1"]', 'b.jpg" alt="alt of https://old.example/b.jpg">', []],
    ['[gallery]', 'a.jpg', []],
    ['[gallery ids="99"]', 'gallery ids="99"]', ['[gallery ids="99"]']],
    ['[embed]https://vimeo.com/1[/embed]', '<a href="https://vimeo.com/1">', []],
    ['https://youtu.be/x', '<p><a href="https://youtu.be/x">https://youtu.be/x</a></p>', []],
    ['see https://youtu.be/x inline', 'see https://youtu.be/x inline', []],
    ['[contact-form-7 id="1"]', '[contact-form-7 id="1"]', ['[contact-form-7 id="1"]']],
    ['[su_button]Go[/su_button]', '[su_button]', ['[su_button]']],
    ['A quote [sic] and [laughs].', 'A quote [sic] and [laughs].', []],
    ['<video src="https://old.example/v.mp4"></video>', '<a href="https://old.example/v.mp4">', []],
  ])('%j', (html, contains, unknown) => {
    const expanded = expandShortcodes(html, attachments, '7');
    expect(expanded.html).toContain(contains);
    expect(expanded.unknown).toEqual(unknown);
  });

  it('a gallery without ids shows only the photos uploaded to its post', () => {
    const { html } = expandShortcodes('[gallery]', attachments, '7');
    expect(html).toContain('a.jpg');
    expect(html).toContain('b.jpg');
    expect(html).not.toContain('c.jpg');
  });
});

describe('bodyToMarkdown', () => {
  const context = {
    attachments,
    postId: '7',
    policy: { embedHosts: ['www.youtube.com'] },
    image: (url: string) => url.replace('https://old.example/', './'),
  };

  it.each([
    ['<!-- wp:paragraph --><p>Block</p><!-- /wp:paragraph -->', 'Block', []],
    ['<h3>Three</h3>', '### Three', []],
    ['<blockquote><p>Quoted</p></blockquote>', '> Quoted', []],
    ['<p><del>gone</del> <em>it</em> <strong>bold</strong></p>', '~gone~ *it* **bold**', []],
    ['<pre>x &lt; y\n</pre>', '```\nx < y\n```', []],
    ['<pre><code>z</code></pre>', '```\nz\n```', []],
    [
      '<p><img src="https://old.example/a.jpg" alt="An [odd] alt"></p>',
      '![An \\[odd\\] alt](./a.jpg)',
      [],
    ],
    [
      '<table><tr><td>no</td><td>header</td></tr></table>',
      '<table><tbody><tr><td>no</td><td>header</td></tr></tbody></table>',
      [],
    ],
    [
      '<p onclick="x()">Hi <script>bad()</script></p>',
      'Hi',
      [
        'event handler attribute `onclick` is not allowed in article bodies',
        '<script> is not allowed in article bodies; embed interactive content through a registered MDX component',
      ],
    ],
    ['<a href="jav&#97;script:alert(1)">x</a>', 'x', []],
  ])('%j', (html, contains, removed) => {
    const converted = bodyToMarkdown(html, context);
    expect(converted.markdown).toContain(contains);
    expect(converted.markdown).not.toMatch(/onclick|<script|javascript:/i);
    if (removed.length > 0) expect(converted.removed).toEqual(removed);
  });

  it('keeps an embed from an allowed host, sandboxed, and drops one from any other', () => {
    const converted = bodyToMarkdown(
      '<iframe src="https://www.youtube.com/embed/a" class="x"></iframe><iframe src="https://evil.example/"></iframe>',
      context,
    );
    expect(converted.markdown).toContain('src="https://www.youtube.com/embed/a"');
    expect(converted.markdown).toContain('sandbox=');
    expect(converted.markdown).not.toContain('evil.example');
    expect(converted.markdown).not.toContain('class=');
    expect(converted.removed.join(' ')).toContain('evil.example');
  });
});

describe('posts', () => {
  it.each([
    [{ status: 'publish', password: '' }, 'published'],
    [{ status: 'future', password: '' }, 'scheduled'],
    [{ status: 'draft', password: '' }, 'draft'],
    [{ status: 'pending', password: '' }, 'draft'],
    [{ status: 'auto-draft', password: '' }, 'draft'],
    [{ status: 'private', password: '' }, 'skipped'],
    [{ status: 'trash', password: '' }, 'skipped'],
    [{ status: 'publish', password: 'x' }, 'skipped'],
    [{ status: 'odd', password: '' }, 'skipped'],
  ])('a post %j is %s', (item, kind) => {
    expect(postFate(item).kind).toBe(kind);
  });

  it.each([
    ['2019-05-12 04:00:00', '2019-05-12 10:00:00', '2019-05-12T04:00:00.000Z'],
    ['0000-00-00 00:00:00', '2019-05-12 10:00:00', '2019-05-12T04:00:00.000Z'],
    ['', '2024-07-01 12:00:00', '2024-07-01T07:00:00.000Z'],
    ['0000-00-00 00:00:00', '0000-00-00 00:00:00', undefined],
    ['garbage', 'also garbage', undefined],
  ])('UTC %j, local %j → %s (local read in Asia/Almaty)', (gmt, local, expected) => {
    expect(wordpressTime(gmt, local, 'Asia/Almaty')?.toISOString()).toBe(expected);
  });

  it.each([
    ['Plain', 'Plain'],
    ['Markup <em>inside</em>', 'Markup inside'],
    ['Quotes &#8220;here&#8221; &amp; &hellip;', 'Quotes “here” & …'],
    ['  spaced\n  out  ', 'spaced out'],
  ])('title %j → %j', (title, expected) => {
    expect(titleText(title)).toBe(expected);
  });

  it.each([
    ['', '9', 'Untitled post 9'],
    ['Two words', '9', 'Two words'],
    [
      'one two three four five six seven eight nine',
      '9',
      'one two three four five six seven eight…',
    ],
  ])('a title from %j', (plain, id, expected) => {
    expect(titleFromBody(plain, id)).toBe(expected);
  });

  it.each([
    [{ slug: 'plain-slug', id: '1' }, 'x', 'plain-slug'],
    [{ slug: '%d0%be%d0%b4%d0%ba%d0%b1', id: '1' }, 'x', 'odkb'],
    [{ slug: '', id: '1' }, 'From the Title', 'from-the-title'],
    [{ slug: '', id: '5' }, '★', 'x-d4b1f6b4'],
    [{ slug: 'Bad Slug!', id: '1' }, 'x', 'bad-slug'],
  ])('slug of %j', (item, title, expected) => {
    const slug = postSlug(item, title);
    if (expected.startsWith('x-')) expect(slug).toMatch(/^x-[0-9a-f]+$/);
    else expect(slug).toBe(expected);
  });

  it.each([
    ['https://old.example.com/2019/05/a/', '/2019/05/a/'],
    ['https://old.example.com/%d0%b0/', '/а/'],
    ['https://old.example.com/?p=12', undefined],
    ['https://elsewhere.example/2019/05/a/', undefined],
    ['https://old.example.com/', undefined],
    ['not a url', undefined],
  ])('permalink %s → %s', (link, expected) => {
    expect(permalinkPath(link, ['https://old.example.com'])).toBe(expected);
  });
});

describe('bodyToMarkdown, on what the review found', () => {
  const context = {
    attachments: new Map<string, Attachment>(),
    postId: '1',
    policy: { embedHosts: [] },
    image: (url: string) => (url.startsWith('https://') ? url : undefined),
  };

  it.each([
    // Escaped markup is text, and stays text.
    [
      '<p>Use &lt;a href="https://evil.example/"&gt;this&lt;/a&gt;</p>',
      'Use \\<a href="https://evil.example/">this\\</a>',
    ],
    ['<p>&lt;!-- hides the rest</p><p>Rest</p>', '\\<!-- hides the rest\n\nRest'],
    // A pipe in prose is no table; a cell's line break keeps its cell.
    ['<p>| a | b |</p>', '\\| a \\| b \\|'],
    [
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>one<br>two|three</td></tr></tbody></table>',
      '| one two\\|three |',
    ],
    // What browsers never show is dropped whole.
    ['<style>.a{color:red}</style><p>Shown</p>', 'Shown'],
    // Links in schemes the site refuses are removed and reported.
    ['<p><a href="tg://resolve?domain=x">Telegram</a></p>', 'Telegram'],
    // An image a reader cannot load is left out, in Markdown and in kept markup alike.
    ['<p><img src="data:image/png;base64,AAAA" alt="x"></p><p>After</p>', 'After'],
    ['<table><tr><td><img src="photo.jpg"></td></tr></table>', '<td></td>'],
  ])('%j', (html, contains) => {
    const { markdown } = bodyToMarkdown(html, context);
    expect(markdown).toContain(contains);
    expect(markdown).not.toMatch(/color:red|tg:|data:image|photo\.jpg/);
  });

  it('a body nested thousands deep keeps its words as plain text, reported', () => {
    const converted = bodyToMarkdown(`${'<div>'.repeat(3000)}Deep words`, context);
    expect(converted.markdown).toBe('Deep words');
    expect(converted.removed[0]).toMatch(/nests more than \d+ levels deep/);
  });
});
