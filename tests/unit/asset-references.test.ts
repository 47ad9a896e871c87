import { describe, expect, it } from 'vitest';
import { assetReferences } from '../../src/lib/asset-references.ts';

// Each case: the text of a file of the site, and an asset it must be found to name.
describe.each([
  { text: '<img src="/_astro/a.B1_x.webp" alt="">', named: '_astro/a.B1_x.webp' },
  {
    text: '<img srcset="/_astro/paren(2).B1_x.webp 400w, /_astro/paren(2).B1_y.webp 800w">',
    named: '_astro/paren(2).B1_y.webp',
  },
  {
    text: `<img src="/_astro/O'Brien%20(1)%20_%20co%20%C3%89.B1_x.webp">`,
    named: "_astro/O'Brien (1) _ co É.B1_x.webp",
  },
  { text: '<img src="/_astro/O&#39;Brien.B1_x.webp">', named: "_astro/O'Brien.B1_x.webp" },
  { text: '.a{background:url(/_astro/bg(1).png)}', named: '_astro/bg(1).png' },
  { text: ".a{background:url('/_astro/bg.png')}", named: '_astro/bg.png' },
  { text: '{"url":"https://news.example/_astro/x.jpg"}', named: '_astro/x.jpg' },
  { text: '<meta content="https://news.example/_astro/og.jpg?v=1">', named: '_astro/og.jpg' },
])('assetReferences in $text', ({ text, named }) => {
  it(`finds ${named}`, () => expect(assetReferences(text, '_astro').has(named)).toBe(true));
});

describe('assetReferences', () => {
  it('reads the assets folder the site uses, and nothing outside it', () => {
    const found = assetReferences('<img src="/assets/a.webp"><img src="/images/b.webp">', 'assets');
    expect(found.has('assets/a.webp')).toBe(true);
    expect([...found].some((path) => path.includes('b.webp'))).toBe(false);
  });
});
