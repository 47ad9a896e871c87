import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import { figureHtml, imageHtml } from '../lib/figures.ts';
import { isBesideArticle } from '../lib/photos.ts';

// MDX imports its images itself (and has no raw HTML).
const isMdx = (fileURL: URL | undefined) =>
  fileURL !== undefined && /\.mdx$/i.test(fileURL.pathname);

/**
 * Body images as the pages show them: an image alone in its paragraph becomes a `<figure>`, its
 * title (`![alt](./photo.jpg "caption")`) the `<figcaption>`. Images beside the article are
 * written as plain `<img src="./photo.jpg">`, which pages replace with the resized photo
 * (src/data/photos.ts); the markup is sanitized like any other body HTML.
 */
export function bodyFigures(): MdastPluginDefinition {
  return defineMdastPlugin({
    name: 'khabar-body-figures',
    paragraph(node, context) {
      if (isMdx(context.fileURL)) return;
      const [only, ...rest] = node.children;
      if (!only || rest.length > 0 || only.type !== 'image') return;
      context.replaceNode(node, {
        type: 'html',
        value: figureHtml({ src: only.url, alt: only.alt ?? '', caption: only.title ?? undefined }),
      });
    },
    image(node, context) {
      if (isMdx(context.fileURL) || !isBesideArticle(node.url)) return;
      const parent = context.parent(node);
      if (parent?.type === 'paragraph' && parent.children.length === 1) return; // a figure already
      context.replaceNode(node, {
        type: 'html',
        value: imageHtml({ src: node.url, alt: node.alt ?? '', title: node.title ?? undefined }),
      });
    },
  });
}
