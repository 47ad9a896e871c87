import { getImage } from 'astro:assets';
import { getEntry } from 'astro:content';
import { absolute } from '../lib/api.ts';
import { bioHtml } from '../lib/bio.ts';
import type { Edition } from '../lib/editions.ts';
import { apiPath, authorPath, sectionPath } from '../lib/routes.ts';
import type { ApiAuthor, ApiSection } from '../schemas/api.ts';
import { SITE } from '../site.config.ts';
import { pictureHtml, type PhotoSource } from './photos.ts';
import type { AuthorGroup, SectionGroup } from './published.ts';

/** An author's photo: through the image pipeline when it lies beside authors.yaml, else as it is. */
export async function authorPhoto(
  group: AuthorGroup,
): Promise<{ src: PhotoSource; alt: string } | undefined> {
  const entry = group.named.entry;
  if (!entry?.photo) return undefined;
  const alt = entry.photoAlt ?? entry.name;
  if (entry.photo.startsWith('/')) return { src: entry.photo, alt };
  const portrait = await getEntry('portraits', entry.photo);
  return portrait ? { src: portrait.data.image, alt } : undefined;
}

/** An author's photo as markup, small and lazily loaded. */
export async function authorPhotoHtml(group: AuthorGroup): Promise<string | undefined> {
  const photo = await authorPhoto(group);
  return photo ? pictureHtml(photo.src, photo.alt, { sizes: '8rem', maxWidth: 256 }) : undefined;
}

/** An author as the API publishes them. */
export async function apiAuthor(edition: Edition, group: AuthorGroup): Promise<ApiAuthor> {
  const { named, articles } = group;
  const entry = named.entry;
  const photo = await authorPhoto(group);
  const photoUrl =
    photo === undefined
      ? undefined
      : typeof photo.src === 'string'
        ? photo.src
        : (await getImage({ src: photo.src, width: Math.min(512, photo.src.width) })).src;
  return {
    name: named.name,
    slug: named.slug,
    ...(entry?.role ? { role: entry.role } : {}),
    ...(entry?.bio ? { bio: bioHtml(entry.bio) } : {}),
    ...(photo && photoUrl ? { photo: { url: absolute(SITE.url, photoUrl), alt: photo.alt } } : {}),
    links: entry?.links ?? [],
    count: articles.length,
    url: absolute(SITE.url, authorPath(edition, named.slug)),
    api: absolute(SITE.url, apiPath(edition, `authors/${named.slug}.json`)),
    feed: absolute(SITE.url, `${authorPath(edition, named.slug)}rss.xml`),
  };
}

/** A section as the API publishes it. */
export function apiSection(edition: Edition, { named, articles }: SectionGroup): ApiSection {
  return {
    name: named.name,
    slug: named.slug,
    ...(named.entry?.description ? { description: named.entry.description } : {}),
    count: articles.length,
    url: absolute(SITE.url, sectionPath(edition, named.slug)),
    api: absolute(SITE.url, apiPath(edition, `sections/${named.slug}.json`)),
    feed: absolute(SITE.url, `${sectionPath(edition, named.slug)}rss.xml`),
  };
}
