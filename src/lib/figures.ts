import { decodeEntities, escapeXml } from './xml.ts';

/** An `<img>` for a body image as written. */
export function imageHtml({
  src,
  alt,
  title,
}: {
  src: string;
  alt: string;
  title?: string;
}): string {
  return `<img src="${escapeXml(src)}" alt="${escapeXml(alt)}"${title ? ` title="${escapeXml(title)}"` : ''}>`;
}

/** A body image alone in its paragraph: a figure, captioned by the image's title when it has one. */
export function figureHtml({
  src,
  alt,
  caption,
}: {
  src: string;
  alt: string;
  caption?: string;
}): string {
  const figcaption = caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : '';
  return `<figure>${imageHtml({ src, alt })}${figcaption}</figure>`;
}

/** An `<img>` of sanitized body HTML (attributes as the sanitizer writes them: double-quoted). */
export interface BodyImage {
  /** The whole tag, as it stands in the HTML. */
  tag: string;
  /** Its `src`, entities decoded. */
  src: string;
  /** Its `alt`, entities decoded. */
  alt: string;
}

const IMG_TAG = /<img\b[^>]*>/g;

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

/** The images of sanitized body HTML whose `src` satisfies `wanted`. */
export function bodyImages(html: string, wanted: (src: string) => boolean): BodyImage[] {
  const found: BodyImage[] = [];
  for (const [tag] of html.matchAll(IMG_TAG)) {
    const src = attribute(tag, 'src');
    if (src !== undefined && wanted(src))
      found.push({ tag, src, alt: attribute(tag, 'alt') ?? '' });
  }
  return found;
}

/** `html` with each image tag of `replacements` (by its whole tag) replaced. */
export function replaceImages(html: string, replacements: ReadonlyMap<string, string>): string {
  return replacements.size === 0
    ? html
    : html.replace(IMG_TAG, (tag) => replacements.get(tag) ?? tag);
}
