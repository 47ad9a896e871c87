import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import Callout from '../components/mdx/Callout.astro';
import type { ArticleEntry } from './published.ts';
import { readBody, type StoredBody } from './bodies.ts';
import { sanitizeBodyHtml } from '../lib/safe-html.ts';
import { SITE } from '../site.config.ts';
import { withBodyPhotos } from './photos.ts';

let container: Promise<AstroContainer> | undefined;

/** Components every MDX article may use without importing them. */
export const mdxComponents = { Callout };

/** The stored body of a catalogued article: its HTML (`null` for MDX) and plain text. */
export function bodyOf(entry: ArticleEntry): StoredBody {
  if (!entry.data.derived)
    throw new Error(`${entry.id}: the content loader stored no body for this entry`);
  return readBody(entry.data.derived.bodyFile, { id: entry.id, digest: String(entry.digest) });
}

/**
 * An article body as HTML, exactly as its page and its JSON show it, and sanitized
 * (`sanitizeBodyHtml`) whatever the format: Markdown was rendered and sanitized at sync; MDX, whose
 * components run at render time, is rendered here and sanitized as well.
 */
export async function renderBodyHtml(
  entry: ArticleEntry,
  body: StoredBody = bodyOf(entry),
): Promise<string> {
  if (body.html !== null) return withBodyPhotos(body.html, entry.data.photos?.body ?? []);
  container ??= AstroContainer.create().then((created) => {
    created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return created;
  });
  const { Content } = await render(entry);
  const html = await (
    await container
  ).renderToString(Content, { props: { components: mdxComponents } });
  return sanitizeBodyHtml(html, { embedHosts: SITE.content.embedHosts });
}
