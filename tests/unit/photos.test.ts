import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyImages, figureHtml, replaceImages } from '../../src/lib/figures.ts';
import { imageHostProblem } from '../../src/lib/image-address.ts';
import { articlePhotoPaths, isBesideArticle, photoPath } from '../../src/lib/photos.ts';
import { MARKDOWN_FEATURES } from '../../src/lib/body-rules.ts';
import { sanitizeBodyHtml } from '../../src/lib/safe-html.ts';
import { bodyFigures } from '../../src/markdown/body-figures.ts';

/** A Markdown body as the loader stores it: rendered with the figures plugin, then sanitized. */
const stored = (markdown: string) =>
  sanitizeBodyHtml(
    (
      markdownToHtml(markdown, {
        features: MARKDOWN_FEATURES,
        mdastPlugins: [bodyFigures()],
      } as Parameters<typeof markdownToHtml>[1]) as { html: string }
    ).html,
    { embedHosts: [] },
  ).trimEnd();

describe('photo addresses', () => {
  it.each([
    ['./photo.jpg', true, './photo.jpg'],
    ['photo.jpg', true, './photo.jpg'],
    ['../shared/a%20b.png?v=2#x', true, '../shared/a b.png'],
    ['./a/../b.jpg', true, './b.jpg'],
    ['/images/a.jpg', false, undefined],
    ['https://upload.wikimedia.org/a.jpg', false, undefined],
    ['data:image/png;base64,AAAA', false, undefined],
  ])('%s: beside the article %s, piped as %s', (address, beside, path) => {
    expect(isBesideArticle(address)).toBe(beside);
    if (beside) expect(photoPath(address)).toBe(path);
  });

  it('hands the image pipeline only the photos allowed', () => {
    const insideOnly = (path: string) => !path.startsWith('../');
    expect(
      articlePhotoPaths(
        '../../secret.jpg',
        '![a](./ok.png) ![b](../../../etc/x.png)',
        'md',
        insideOnly,
      ),
    ).toEqual({ body: [{ src: './ok.png', image: './ok.png' }] });
  });

  it('an invalid escape names no photo', () => {
    expect(photoPath('./bad%zz.jpg')).toBeUndefined();
  });

  it.each([
    [
      './lead.jpg',
      'md',
      '![a](./one.png) ![b](./one.png) ![c](/images/x.png) ![d](two.jpg)',
      { lead: './lead.jpg', body: ['./one.png', './two.jpg'] },
    ],
    ['/images/lead.jpg', 'md', 'No photos.', undefined],
    [undefined, 'mdx', '![a](./one.png)', undefined],
    ['./lead.jpg', 'mdx', '![a](./one.png)', { lead: './lead.jpg', body: [] }],
  ] as const)('the photos of image %s and a %s body', (image, format, body, expected) => {
    const paths = articlePhotoPaths(image, body, format);
    expect(paths && { lead: paths.lead, body: paths.body.map(({ src }) => src) }).toEqual(expected);
  });
});

describe('image hosts', () => {
  it.each([
    ['https://upload.wikimedia.org/a.jpg', undefined],
    ['https://tracker.example.com/a.gif', /not an allowed image host/],
    ['http://upload.wikimedia.org/a.jpg', /not loaded over https/],
    ['/images/a.jpg', undefined],
  ])('%s', (address, problem) => {
    const found = imageHostProblem(address, ['upload.wikimedia.org']);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

describe('body figures', () => {
  it('an image alone in its paragraph becomes a figure captioned by its title, escaped', () => {
    expect(stored('![A "map" & key](./map.png "Roads <b>north</b>")')).toBe(
      '<figure><img src="./map.png" alt="A &#x22;map&#x22; &#x26; key"><figcaption>Roads &#x3C;b>north&#x3C;/b></figcaption></figure>',
    );
  });

  it('an image inside text stays inline; one with no title gets no caption', () => {
    expect(stored('Before ![x](./a.png) after.')).toBe(
      '<p>Before <img src="./a.png" alt="x"> after.</p>',
    );
    expect(stored('![x](./a.png)')).toBe('<figure><img src="./a.png" alt="x"></figure>');
  });

  it('figureHtml escapes what it is given', () => {
    expect(figureHtml({ src: './a.png?x="1"', alt: '<', caption: '&' })).toBe(
      '<figure><img src="./a.png?x=&quot;1&quot;" alt="&lt;"><figcaption>&amp;</figcaption></figure>',
    );
  });

  it('finds the images beside the article in stored HTML and replaces each by its markup', () => {
    const html = stored('![One](./a%20b.png "Cap")\n\nText ![Two](/images/c.png) end.');
    const found = bodyImages(html, isBesideArticle);
    expect(found.map(({ src, alt }) => [src, alt])).toEqual([['./a%20b.png', 'One']]);
    const replaced = replaceImages(html, new Map([[found[0]!.tag, '<picture>P</picture>']]));
    expect(replaced).toBe(
      '<figure><picture>P</picture><figcaption>Cap</figcaption></figure>\n<p>Text <img src="/images/c.png" alt="Two"> end.</p>',
    );
  });
});
