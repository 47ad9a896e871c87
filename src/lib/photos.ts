import { posix } from 'node:path';
import { hasScheme } from './image-address.ts';
import { findReferences } from './references.ts';
import type { BodyFormat } from './text.ts';

/** Whether an image address names a file beside the article: not under public/, not remote. */
export function isBesideArticle(address: string): boolean {
  return !address.startsWith('/') && !hasScheme(address);
}

/** A relative image address as the image pipeline resolves it: decoded, query dropped, `./`-led. */
export function photoPath(address: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(address.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  const normal = posix.normalize(decoded);
  return normal.startsWith('../') ? normal : `./${normal}`;
}

/** The photos beside an article that the loader hands to the image pipeline. */
export interface ArticlePhotoPaths {
  lead?: string;
  body: Array<{ src: string; image: string }>;
}

/**
 * The photos beside an article: the lead (`image` when it is a relative path) and, for Markdown,
 * every relative image of the body, once each, those `allowed` (an image file inside the articles
 * folder: validation reports the others and stops the build). MDX bodies import their images
 * themselves.
 */
export function articlePhotoPaths(
  image: unknown,
  body: string,
  format: BodyFormat,
  allowed: (path: string) => boolean = () => true,
): ArticlePhotoPaths | undefined {
  const leadPath =
    typeof image === 'string' && isBesideArticle(image) ? photoPath(image) : undefined;
  const lead = leadPath !== undefined && allowed(leadPath) ? leadPath : undefined;
  const seen = new Set<string>();
  const bodyPhotos: ArticlePhotoPaths['body'] = [];
  if (format === 'md') {
    for (const reference of findReferences(body, format)) {
      if (reference.kind !== 'image' || !isBesideArticle(reference.url)) continue;
      const path = photoPath(reference.url);
      if (path === undefined || seen.has(path) || !allowed(path)) continue;
      seen.add(path);
      bodyPhotos.push({ src: path, image: path });
    }
  }
  if (lead === undefined && bodyPhotos.length === 0) return undefined;
  return { ...(lead ? { lead } : {}), body: bodyPhotos };
}
