import { markdownToHtml } from 'satteri';
import { MARKDOWN_FEATURES } from './body-rules.ts';
import { sanitizeBodyHtml } from './safe-html.ts';

/**
 * An author's biography (Markdown from `authors.yaml`) as HTML: rendered like article bodies and
 * sanitized by the same allowlist, with no embeds. Registry text is content, so it is untrusted.
 */
export function bioHtml(markdown: string): string {
  const { html } = markdownToHtml(markdown, { features: MARKDOWN_FEATURES });
  return sanitizeBodyHtml(html, { embedHosts: [] });
}
