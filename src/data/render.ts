import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import Callout from '../components/mdx/Callout.astro';
import type { ArticleEntry } from './articles.ts';

let container: Promise<AstroContainer> | undefined;

/** Components every MDX article may use without importing them. */
export const mdxComponents = { Callout };

/** An article body rendered to HTML exactly as its page shows it, for the JSON API. */
export async function renderBodyHtml(entry: ArticleEntry): Promise<string> {
  // Markdown was rendered at sync and its HTML is stored with the entry, which is what its page
  // shows; only MDX, whose components run at render time, needs a renderer.
  if (entry.rendered) return entry.rendered.html;
  container ??= AstroContainer.create().then((created) => {
    created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return created;
  });
  const { Content } = await render(entry);
  return (await container).renderToString(Content, { props: { components: mdxComponents } });
}
