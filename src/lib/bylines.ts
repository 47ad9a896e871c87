import type { NameRef } from './catalog.ts';

/** A byline's parts in order: each author, and a language's words between them (`, `, ` and `). */
export function bylineParts(
  authors: readonly NameRef[],
  words: { comma: string; and: string },
): Array<{ author: NameRef } | { text: string }> {
  const parts: Array<{ author: NameRef } | { text: string }> = [];
  authors.forEach((author, i) => {
    if (i > 0) parts.push({ text: i === authors.length - 1 ? words.and : words.comma });
    parts.push({ author });
  });
  return parts;
}

/** How a link on an author's page reads: the address without its scheme, or the e-mail address. */
export function linkLabel(link: string): string {
  if (link.startsWith('mailto:')) return link.slice('mailto:'.length);
  try {
    const url = new URL(link);
    return `${url.hostname.replace(/^www\./, '')}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return link;
  }
}
