import { fromHtml } from 'hast-util-from-html';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { MAX_NESTING, nestingDepth } from '../body-rules.ts';
import { findUnsafeElements, sanitizeBodyHtml, type EmbedPolicy } from '../safe-html.ts';
import { decodeHTML } from 'entities';

/** An attachment of the export, as bodies and featured images refer to it. */
export interface Attachment {
  url: string;
  /** `_wp_attachment_image_alt`. */
  alt: string;
  /** The attachment's own title. */
  title: string;
  /** Its caption (the attachment's excerpt). */
  caption: string;
  /** The post it was uploaded to (`wp:post_parent`): a `[gallery]` without ids shows these. */
  parent: string;
}

/** What converting one body needs from the rest of the export. */
export interface BodyContext {
  /** Attachments by post id, for `[gallery ids=…]`. */
  attachments: ReadonlyMap<string, Attachment>;
  /** The post's own id: a `[gallery]` without ids shows the photos uploaded to it. */
  postId: string;
  /** What bodies may embed: the site's own policy. */
  policy: EmbedPolicy;
  /**
   * Where an image's address leads in the imported article (a copied file, an https URL), or
   * undefined when it has none a reader can load: the image is then left out.
   */
  image: (url: string) => string | undefined;
}

/** One body in Markdown, with what the conversion removed or could not convert. */
export interface ConvertedBody {
  markdown: string;
  /** Markup the content rules refuse, removed: `<script> is not allowed…`. */
  removed: string[];
  /** Shortcodes kept as visible text: `[contact-form-7 id="1"]`. */
  shortcodes: string[];
}

// Elements that start a block of their own: wpautop never wraps them in a paragraph.
const BLOCK =
  /^<\/?(?:address|article|aside|blockquote|caption|dd|details|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|object|embed)\b/i;

/**
 * WordPress's implicit paragraphs made explicit, as its `wpautop` does for classic-editor posts: a
 * blank line ends a paragraph, a single line break inside one is a `<br>`. Blocks that are already
 * markup (lists, headings, tables, `<pre>`) are left as they are, line breaks in `<pre>` included.
 */
export function wpautop(html: string): string {
  if (html.trim() === '') return '';
  // Preformatted text keeps its line breaks: set aside, put back afterwards.
  const kept: string[] = [];
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/<pre\b[\s\S]*?<\/pre>/gi, (block) => `\n\n<pre-kept-${kept.push(block) - 1}>\n\n`);
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  return blocks
    .map((block) => {
      const pre = /^<pre-kept-(\d+)>$/.exec(block);
      if (pre) return kept[Number(pre[1])]!;
      if (BLOCK.test(block)) return block;
      return `<p>${block.replace(/\s*\n\s*/g, '<br>\n')}</p>`;
    })
    .join('\n\n');
}

/** One shortcode's attributes: `ids="1,2" size=large` → `{ ids: '1,2', size: 'large' }`. */
export function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g))
    attributes[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  return attributes;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * WordPress's shortcodes made markup: `[caption]` a figure with its caption, `[gallery ids=…]` its
 * photos as figures, `[embed]URL[/embed]` and a bare URL alone on its line (WordPress's oEmbed) a
 * link. Any other shortcode is kept as visible text and named in `unknown`.
 */
export function expandShortcodes(
  html: string,
  attachments: ReadonlyMap<string, Attachment>,
  postId = '',
): { html: string; unknown: string[] } {
  const unknown: string[] = [];
  let out = html.replace(
    /\[caption\b([^\]]*)\]([\s\S]*?)\[\/caption\]/gi,
    (_all, attributes: string, inner: string) => {
      const image = /<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
      const caption =
        shortcodeAttributes(attributes).caption ??
        inner
          .replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/gi, '')
          .replace(/<img\b[^>]*>/gi, '')
          .trim();
      return `\n\n<figure>${image}<figcaption>${caption}</figcaption></figure>\n\n`;
    },
  );
  out = out.replace(/\[gallery\b([^\]]*)\]/gi, (all, attributes: string) => {
    const ids = (shortcodeAttributes(attributes).ids ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    // Without ids, WordPress shows the images uploaded to the post, in their order.
    const photos =
      ids.length === 0
        ? [...attachments.values()].filter(({ parent }) => parent !== '' && parent === postId)
        : ids.flatMap((id) => {
            const attachment = attachments.get(id);
            return attachment ? [attachment] : [];
          });
    if (photos.length === 0) {
      unknown.push(all);
      // Kept as text, and not reported again below as another shortcode.
      return escapeText(all).replace('[', '&#91;');
    }
    return photos
      .map(
        ({ url, alt, title, caption }) =>
          // The caption is WordPress markup: sanitized and made text with the rest of the body.
          `\n\n<figure><img src="${escapeAttribute(url)}" alt="${escapeAttribute(alt || title)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>\n\n`,
      )
      .join('');
  });
  out = out.replace(/\[embed\b[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_all, url: string) =>
    embedLink(url.trim()),
  );
  // Audio and video players are not allowed in bodies: a link to the recording stays.
  out = out.replace(
    /<(video|audio)\b([^>]*)>([\s\S]*?)<\/\1>/gi,
    (all, _tag: string, attributes: string, inner: string) => {
      const src = /\ssrc\s*=\s*["']([^"']+)["']/i.exec(`${attributes} ${inner}`)?.[1];
      return src && /^https?:\/\//i.test(src) ? embedLink(src) : all;
    },
  );
  // oEmbed: a URL alone on its line becomes the embedded thing; here, a link to it.
  out = out.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim, (_all, url: string) =>
    embedLink(url),
  );
  // Any other shortcode stays as the text it is, for readers and the newsroom to see. Brackets in
  // prose (`[sic]`, `[laughs]`) are not shortcodes: one has attributes, closes, or a name of the
  // `contact-form-7` kind.
  out = out.replace(
    /\[([a-z][\w-]*)(\s[^\]]*)?\/?\]/gi,
    (code: string, name: string, rest = '') => {
      const closed = new RegExp(`\\[/${name}\\]`, 'i').test(out);
      if (rest.includes('=') || code.endsWith('/]') || closed || /[-_]/.test(name))
        unknown.push(code);
      return code;
    },
  );
  return { html: out, unknown };
}

function embedLink(url: string): string {
  return `<p><a href="${escapeAttribute(url)}">${escapeText(url)}</a></p>`;
}

// One converter for every body: turndown's rules read the current body's image resolver.
let currentImage: BodyContext['image'] = (url) => url;
let currentPolicy: EmbedPolicy = { embedHosts: [] };
const image = (url: string) => currentImage(url);

function makeTurndown(): TurndownService {
  const service = new TurndownService({
    keepReplacement: (_content, node) =>
      `\n\n${keptImages(sanitizeBodyHtml((node as HTMLElement).outerHTML, currentPolicy))}\n\n`,
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
  });
  service.use(gfm);
  // Text is text: `<` and `|` in it may not open markup or a table cell once it is Markdown.
  const escape = service.escape.bind(service);
  service.escape = (text: string) => escape(text).replace(/[<|]/g, (c) => `\\${c}`);
  // What browsers never show is not text to keep either.
  service.remove(['style', 'script', 'noscript', 'template', 'title', 'head']);
  // A line break inside a table cell would end the row: a space keeps the cell whole.
  service.addRule('cellBreak', {
    filter: (node) => {
      if (node.nodeName !== 'BR') return false;
      for (let parent = node.parentNode; parent; parent = parent.parentNode)
        if (parent.nodeName === 'TD' || parent.nodeName === 'TH') return true;
      return false;
    },
    replacement: () => ' ',
  });
  // Embeds the policy allows are kept as markup (Markdown has no iframe), as are tables Markdown
  // cannot write (no header row): each sanitized on its own, so none keeps a class or a handler.
  service.keep(['iframe']);
  // A photo with its caption: `![alt](src "caption")` alone in its paragraph, which the site
  // renders as a figure again (src/markdown/body-figures.ts).
  service.addRule('figure', {
    filter: (node) => node.nodeName === 'FIGURE' && Boolean(node.querySelector('img')),
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const img = element.querySelector('img')!;
      const caption = element.querySelector('figcaption')?.textContent?.trim() ?? '';
      const src = image(img.getAttribute('src') ?? '');
      return src === undefined
        ? `\n\n${caption}\n\n`
        : `\n\n${markdownImage(src, img.getAttribute('alt') ?? '', caption)}\n\n`;
    },
  });
  // Preformatted text without a <code> inside (WordPress's classic editor writes it so) is code too.
  service.addRule('preformatted', {
    filter: (node) => node.nodeName === 'PRE' && !node.querySelector('code'),
    replacement: (_content, node) => {
      const code = (node as HTMLElement).textContent ?? '';
      const fence = '`'.repeat(
        Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)),
      );
      return `\n\n${fence}\n${code.replace(/\n$/, '')}\n${fence}\n\n`;
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const img = node as HTMLElement;
      const src = image(img.getAttribute('src') ?? '');
      return src === undefined ? '' : markdownImage(src, img.getAttribute('alt') ?? '', '');
    },
  });
  return service;
}

/** The images of markup kept as HTML, led where the body's other images are; dropped without one. */
function keptImages(html: string): string {
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = /\ssrc="([^"]*)"/i.exec(tag)?.[1] ?? '';
    const resolved = currentImage(decodeHTML(src));
    return resolved === undefined
      ? ''
      : tag.replace(/\ssrc="[^"]*"/i, ` src="${escapeAttribute(resolved)}"`);
  });
}

function markdownImage(src: string, alt: string, caption: string): string {
  const text = alt.replace(/([\\[\]])/g, '\\$1').replace(/\s+/g, ' ');
  const title = caption ? ` "${caption.replace(/(["\\])/g, '\\$1').replace(/\s+/g, ' ')}"` : '';
  return `![${text}](${src.replace(/[()\s]/g, (c) => encodeURIComponent(c))}${title})`;
}

let service: TurndownService | undefined;

/**
 * Whether `html` might nest deeper than {@link MAX_NESTING}, by counting tags opened and not yet
 * closed: cheap, and never low. Only a body it flags is measured exactly (`nestingDepth` parses).
 */
function mayNestDeep(html: string): boolean {
  let open = 0;
  for (const [, closing] of html.matchAll(/<(\/?)[a-z][^>]*?(\/?)>/gi)) {
    open += closing ? -1 : 1;
    if (open > MAX_NESTING) return true;
  }
  return false;
}

const INVISIBLE = /<(script|style|noscript|template|xmp|noembed|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

// Markup that could run, load or submit something, or that the allowlist drops whole. A body
// without any (most are) needs no sanitizing pass here: turndown keeps none of its markup, and
// the site sanitizes every body again when it renders it.
const RISKY =
  /<\/?(?:script|style|iframe|frame|object|embed|applet|form|input|button|textarea|select|option|meta|link|base|svg|math|template|noscript|video|audio|source|track|portal)\b|\son[a-z]+\s*=|(?:javascript|vbscript|data)\s*:|<[^>]*&(?:#|colon;|tab;|newline;)|\b(?:href|src)\s*=\s*["']?\s*(?!https?:|mailto:|tel:)[a-z][a-z0-9+.-]*:/i;

/**
 * A WordPress body in Markdown: block-editor comments dropped, implicit paragraphs made explicit,
 * shortcodes expanded, then every element the content rules refuse removed (and named in
 * `removed`), then converted with turndown and its GFM plugin (tables, strikethrough).
 */
export function bodyToMarkdown(html: string, context: BodyContext): ConvertedBody {
  // A body nested deeper than any reader can take (thousands of unclosed tags) keeps its words.
  if (mayNestDeep(html) && nestingDepth(html) > MAX_NESTING)
    return {
      markdown: plainText(html).replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`),
      removed: [
        `the body nests more than ${MAX_NESTING} levels deep; it was imported as plain text`,
      ],
      shortcodes: [],
    };
  const withoutComments = html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '');
  const { html: expanded, unknown } = expandShortcodes(
    wpautop(withoutComments),
    context.attachments,
    context.postId,
  );
  const risky = RISKY.test(expanded);
  const removed = risky
    ? [
        ...new Set(
          findUnsafeElements(fromHtml(expanded, { fragment: true }), context.policy)
            .map(({ message }) => message)
            // Presentational attributes WordPress adds everywhere (class, style, width…) are
            // dropped without a word: only what could run or load something is worth reporting.
            .filter((message) => !/^attribute `/.test(message)),
        ),
      ]
    : [];
  // The sanitizer drops a <style> but keeps its text: what no browser shows goes first, whole.
  const safe = risky ? sanitizeBodyHtml(expanded.replace(INVISIBLE, ''), context.policy) : expanded;
  service ??= makeTurndown();
  currentImage = context.image;
  currentPolicy = context.policy;
  const markdown = service.turndown(safe).trim();
  return { markdown, removed, shortcodes: [...new Set(unknown)] };
}

/** Text from WordPress markup: tags stripped, entities decoded, white space folded. */
export function plainText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
