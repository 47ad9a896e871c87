import { describe, expect, it } from 'vitest';
import { findUnsafeSvg } from '../../src/lib/svg-rules.ts';

const svg = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>\n${inner}\n</svg>\n`;

describe.each([
  { name: 'a script', source: svg('<script>alert(1)</script>'), message: /<script>/ },
  {
    name: 'a namespaced script',
    source: svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'),
    message: /script/,
  },
  { name: 'an onload handler', source: svg('<rect/>', ' onload="alert(1)"'), message: /`onload`/ },
  {
    name: 'a foreignObject',
    source: svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
    message: /foreignObject/,
  },
  {
    name: 'a javascript: link',
    source: svg('<a xlink:href="javascript:alert(1)"><text>x</text></a>'),
    message: /refers outside/,
  },
  {
    name: 'an external image',
    source: svg('<image href="https://evil.example/track.png"/>'),
    message: /refers outside/,
  },
  {
    name: 'an external use',
    source: svg('<use href="https://evil.example/s.svg#a"/>'),
    message: /refers outside/,
  },
  {
    name: 'a CSS import',
    source: svg('<style>@import url(https://evil.example/x.css);</style>'),
    message: /stylesheet/,
  },
  {
    name: 'an external fill',
    source: svg('<rect fill="url(https://evil.example/p.svg#g)"/>'),
    message: /refers outside/,
  },
  {
    name: 'an animation that sets a link',
    source: svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
    message: /may not animate/,
  },
  {
    name: 'a DOCTYPE with entities',
    source: `<!DOCTYPE svg [<!ENTITY x "y">]>\n${svg('<text>t</text>')}`,
    message: /DOCTYPE/,
  },
  {
    name: 'a stylesheet processing instruction',
    source: `<?xml-stylesheet href="https://evil.example/x.css"?>\n${svg('')}`,
    message: /processing instruction/,
  },
  { name: 'broken XML', source: '<svg><g></svg>', message: /well-formed/ },
  {
    name: 'an HTML root',
    source:
      '<html xmlns="http://www.w3.org/1999/xhtml"><form action="javascript:alert(1)"/></html>',
    message: /root element is <html>/,
  },
  {
    name: 'a CSS escape',
    source: svg('<style>rect { fill: \\75 rl(https://evil.example/x) }</style>'),
    message: /stylesheet/,
  },
  {
    name: 'an image-set',
    source: svg('<rect style="fill: image-set(&quot;https://evil.example/x&quot; 1x)"/>'),
    message: /refers outside/,
  },
  {
    name: 'a javascript: value elsewhere',
    source: svg('<a target="javascript:alert(1)"><text>x</text></a>'),
    message: /not allowed/,
  },
])('an SVG with $name', ({ source, message }) => {
  it('is refused, with the line', () => {
    const found = findUnsafeSvg(source);
    expect(found[0]).toMatchObject({
      line: expect.any(Number),
      message: expect.stringMatching(message),
    });
  });
});

describe('findUnsafeSvg', () => {
  it('passes shapes, gradients and internal references', () => {
    expect(
      findUnsafeSvg(
        svg(
          '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect fill="url(#g)" width="4" height="4"/><use href="#g"/><style>rect { fill: url(#g) }</style>',
        ),
      ),
    ).toEqual([]);
  });
});
