import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { imageMetadata } from 'astro/assets/utils';
import { bodyImages, replaceImages } from '../lib/figures.ts';
import { escapeXml } from '../lib/xml.ts';
import { isBesideArticle, photoPath } from '../lib/photos.ts';
import { PUBLIC_DIR } from './build-context.ts';

/** Widths every resized photo is offered in (never wider than the original, nor the last). */
export const PHOTO_WIDTHS = [400, 800, 1200, 1600] as const;

/** The widest version of a photo `width` pixels wide: itself, or the last of {@link PHOTO_WIDTHS}. */
function fullWidth(width: number): number {
  return Math.min(width, PHOTO_WIDTHS.at(-1)!);
}

/** The widths a photo is offered in when it is `max` pixels wide at most: the narrower steps, then `max`. */
function widthsUpTo(max: number): number[] {
  const widest = fullWidth(max);
  return [...PHOTO_WIDTHS.filter((width) => width < widest), widest];
}

/** The format photos are resized to: every browser in use shows it. */
const MODERN_FORMAT = 'webp';

/**
 * How every resized version is made: WebP at quality 75, where a photo on a page looks as it does
 * at sharp's default of 80, a tenth smaller (docs/performance.md, round 10). Pages, the API and
 * search results ask for the same versions, so each is made once.
 */
const VERSION = { format: MODERN_FORMAT, quality: 75 } as const;

/** Where a photo comes from: resized through astro:assets, or served as it is (public/, remote). */
export type PhotoSource = ImageMetadata | string;

/** An article's lead photo as pages, feeds and the API show it. */
export interface LeadPhoto {
  src: PhotoSource;
  alt: string;
  caption?: string;
  credit?: string;
}

/** The lead photo of an article's data, when it has one. */
export function leadPhoto(data: {
  image?: string;
  imageAlt?: string;
  imageCaption?: string;
  imageCredit?: string;
  photos?: { lead?: ImageMetadata };
}): LeadPhoto | undefined {
  if (!data.image) return undefined;
  return {
    src: data.photos?.lead ?? data.image,
    alt: data.imageAlt ?? '',
    ...(data.imageCaption ? { caption: data.imageCaption } : {}),
    ...(data.imageCredit ? { credit: data.imageCredit } : {}),
  };
}

const publicSizes = new Map<string, { width: number; height: number } | undefined>();

/** Width and height of an image under public/ (a site path), read once per build. */
async function publicImageSize(
  path: string,
): Promise<{ width: number; height: number } | undefined> {
  if (publicSizes.has(path)) return publicSizes.get(path);
  let size: { width: number; height: number } | undefined;
  try {
    const { width, height } = await imageMetadata(readFileSync(join(PUBLIC_DIR, decodeURI(path))));
    size = { width, height };
  } catch {
    size = undefined;
  }
  publicSizes.set(path, size);
  return size;
}

/** How a photo is laid out: the `sizes` it is shown at, and whether it is above the fold. */
export interface PhotoLayout {
  /** The `sizes` attribute: how wide the photo is shown. */
  sizes: string;
  /** The lead photo: loaded at once, with high priority. Every other photo loads lazily. */
  eager?: boolean;
  /** Widest version offered, in pixels. */
  maxWidth?: number;
}

/**
 * A photo as markup: for image metadata a `<picture>` with a WebP `srcset` and a fallback in the
 * original's format, `width` and `height` always set; a public or remote photo as an `<img>` as
 * it is, with its size when it can be read.
 */
export async function pictureHtml(
  src: PhotoSource,
  alt: string,
  layout: PhotoLayout,
): Promise<string> {
  const loading = layout.eager
    ? 'loading="eager" fetchpriority="high" decoding="async"'
    : 'loading="lazy" decoding="async"';
  if (typeof src === 'string') {
    const size = src.startsWith('/') ? await publicImageSize(src) : undefined;
    const dimensions = size ? ` width="${size.width}" height="${size.height}"` : '';
    return `<img src="${escapeXml(src)}" alt="${escapeXml(alt)}"${dimensions} ${loading}>`;
  }
  if (src.format === 'svg')
    return `<img src="${escapeXml(src.src)}" alt="${escapeXml(alt)}" width="${src.width}" height="${src.height}" ${loading}>`;
  const maxWidth = fullWidth(Math.min(src.width, layout.maxWidth ?? Number.POSITIVE_INFINITY));
  const widths = widthsUpTo(maxWidth);
  const height = Math.round((src.height * maxWidth) / src.width);
  const sizes = escapeXml(layout.sizes);
  const attributes = `alt="${escapeXml(alt)}" width="${maxWidth}" height="${height}" ${loading}`;
  // WebP only, as Astro's own <Image> gives it: every browser in use shows it, and a set of
  // fallback copies in the original's format would double a site's photos for almost no reader.
  // The `src` at the widest width offered: Astro then makes it as the widest of the srcset, not a
  // version of its own at the original's width.
  const image = await getImage({ src, width: maxWidth, widths, ...VERSION, sizes: layout.sizes });
  return `<img src="${escapeXml(image.src)}" srcset="${escapeXml(image.srcSet.attribute)}" sizes="${sizes}" ${attributes}>`;
}

/** The size link previews are made at (`og:image`): the one every site that shows them takes. */
const OPEN_GRAPH = { width: 1200, height: 630 } as const;

/** JPEG quality of a link preview: shown small, in a card, where 70 looks as 80 does. */
const OPEN_GRAPH_QUALITY = 70;

/**
 * The photo link previews show (`og:image`), with its size when known: 1200×630, cropped to fill,
 * JPEG, the format every site that shows previews reads.
 */
export async function openGraphImage(
  src: PhotoSource,
): Promise<{ src: string; width?: number; height?: number }> {
  // Photos served as they are, and drawings, are shared as they are.
  if (typeof src === 'string') return { src };
  if (src.format === 'svg') return { src: src.src };
  const image = await getImage({
    src,
    ...OPEN_GRAPH,
    fit: 'cover',
    format: 'jpg',
    quality: OPEN_GRAPH_QUALITY,
  });
  return { src: image.src, ...OPEN_GRAPH };
}

/** The sizes a body photo is shown at: the article column. */
const BODY_SIZES = '(min-width: 48rem) 44rem, 100vw';

/**
 * Sanitized body HTML with each photo beside the article (`<img src="./photo.jpg">`) replaced by
 * its resized `<picture>`, loaded lazily. `photos` are the entry's, from the image pipeline.
 */
export async function withBodyPhotos(
  html: string,
  photos: ReadonlyArray<{ src: string; image: ImageMetadata }>,
): Promise<string> {
  if (photos.length === 0) return html;
  const bySrc = new Map(photos.map((photo) => [photo.src, photo.image]));
  const replacements = new Map<string, string>();
  for (const image of bodyImages(html, isBesideArticle)) {
    const path = photoPath(image.src);
    const metadata = path === undefined ? undefined : bySrc.get(path);
    if (metadata && !replacements.has(image.tag))
      replacements.set(image.tag, await pictureHtml(metadata, image.alt, { sizes: BODY_SIZES }));
  }
  return replaceImages(html, replacements);
}

/** A lead photo as the API publishes it: its versions, caption, credit and Open Graph image. */
export async function apiPhoto(photo: LeadPhoto, origin: string) {
  const absolute = (path: string) => new URL(path, origin).href;
  const facts = {
    alt: photo.alt,
    ...(photo.caption ? { caption: photo.caption } : {}),
    ...(photo.credit ? { credit: photo.credit } : {}),
    openGraph: absolute((await openGraphImage(photo.src)).src),
  };
  if (typeof photo.src === 'string') return { url: absolute(photo.src), ...facts, sizes: [] };
  const src = photo.src;
  if (src.format === 'svg') return { url: absolute(src.src), ...facts, sizes: [] };
  const sizes = await Promise.all(
    widthsUpTo(src.width).map(async (width) => {
      const image = await getImage({ src, width, ...VERSION });
      return {
        url: absolute(image.src),
        width,
        height: Math.round((src.height * width) / src.width),
        format: MODERN_FORMAT,
      };
    }),
  );
  return { url: sizes.at(-1)!.url, ...facts, sizes };
}

/** The address of a photo's small version (400 pixels wide at most), as search results show it. */
export async function thumbnailSrc(src: PhotoSource): Promise<string> {
  if (typeof src === 'string') return src;
  if (src.format === 'svg') return src.src;
  return (await getImage({ src, width: Math.min(400, src.width), ...VERSION })).src;
}
