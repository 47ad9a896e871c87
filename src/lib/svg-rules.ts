import sax from 'sax';
import type { UnsafeMarkup } from './safe-html.ts';

// Elements that run script, load a document or hold HTML inside an SVG.
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'embed',
  'object',
  'handler',
  'listener',
]);
// Animations that can set an attribute, and so turn a harmless one into a link or a handler.
const ANIMATIONS = new Set(['set', 'animate', 'animatetransform', 'animatemotion', 'discard']);
// A CSS reference that leaves the file: `url(` anything but `#fragment`, `image-set(`, `@import`,
// or a CSS escape, which could spell any of them (`\75 rl(`).
const EXTERNAL_CSS = /url\(\s*(?!['"]?#)|image-set\(|@import|\\/i;
// A value that is an address a browser would follow or load.
const SCRIPT_OR_DATA_URL = /^\s*(?:javascript|vbscript|data):/i;
// HTML attributes that load or submit to an address, meaningless in SVG but not in an HTML root.
const LOADING_ATTRIBUTES = new Set([
  'action',
  'formaction',
  'data',
  'srcset',
  'poster',
  'background',
]);

function localName(name: string): string {
  return (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name).toLowerCase();
}

/**
 * What makes an SVG file unsafe to publish beside articles, each at its line: a root other than
 * `<svg>`, script, event handlers, `foreignObject` and other embedding elements, references to
 * anything outside the file (`href` other than `#id`, CSS `url()`, `image-set()`, `@import`, CSS
 * escapes, stylesheets), `javascript:`/`data:` values and HTML's loading attributes, animations of
 * links or handlers, and DTDs (entities). An SVG opened on its own runs in the site's origin, so these are
 * refused, never cleaned. Markup that is not well-formed XML is refused too.
 */
export function findUnsafeSvg(source: string): UnsafeMarkup[] {
  const found: UnsafeMarkup[] = [];
  const parser = sax.parser(true, { xmlns: false, position: true });
  const here = (message: string) =>
    found.push({ line: parser.line + 1, column: parser.column + 1, message });
  let inStyle = 0;
  parser.ondoctype = () =>
    here('a DOCTYPE is not allowed in an SVG (entities can expand or load files)');
  parser.onprocessinginstruction = (instruction) => {
    if (instruction.name.toLowerCase() !== 'xml')
      here(
        `processing instruction <?${instruction.name}?> is not allowed (it can load a stylesheet)`,
      );
  };
  let root = true;
  parser.onopentag = (tag) => {
    const name = localName(tag.name);
    // Opened on its own, a file whose root is not `<svg>` is read as whatever that root says.
    if (root && name !== 'svg') here(`the root element is <${tag.name}>; an SVG file's is <svg>`);
    root = false;
    if (FORBIDDEN_ELEMENTS.has(name)) here(`<${tag.name}> is not allowed in an SVG`);
    if (name === 'style') inStyle++;
    for (const [attribute, value] of Object.entries(tag.attributes as Record<string, string>)) {
      const local = localName(attribute);
      if (local.startsWith('on'))
        here(`event handler attribute \`${attribute}\` is not allowed in an SVG`);
      else if ((local === 'href' || local === 'src') && !value.trim().startsWith('#'))
        here(
          `\`${attribute}="${value.slice(0, 60)}"\` refers outside the file; only \`#id\` references are allowed`,
        );
      else if (LOADING_ATTRIBUTES.has(local) || SCRIPT_OR_DATA_URL.test(value))
        here(`\`${attribute}="${value.slice(0, 60)}"\` is not allowed in an SVG`);
      else if (EXTERNAL_CSS.test(value))
        here(
          `\`${attribute}\` refers outside the file (\`url()\` other than \`#id\`, or \`@import\`)`,
        );
      else if (
        ANIMATIONS.has(name) &&
        local === 'attributename' &&
        /^(?:.*:)?(?:href|on.*)$/i.test(value.trim())
      ) {
        here(`<${tag.name}> may not animate \`${value}\``);
      }
    }
  };
  parser.onclosetag = (name) => {
    if (localName(name) === 'style') inStyle--;
  };
  const styleText = (text: string) => {
    if (inStyle > 0 && EXTERNAL_CSS.test(text))
      here(
        'a stylesheet in an SVG may not refer outside the file (`url()` other than `#id`, or `@import`)',
      );
  };
  parser.ontext = styleText;
  parser.oncdata = styleText;
  try {
    parser.write(source).close();
  } catch (error) {
    // sax stops at the first syntax error; one is enough to refuse the file.
    here(`not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  return found;
}
