const ENTITY_LENGTH: Record<string, number> = { '&': 5, '<': 4, '>': 4, '"': 6, "'": 5 };

/**
 * Characters `text` takes in the HTML source, where `&`, `<`, `>`, `"` and `'` are written as
 * entities. Title checks (html-validate's `long-title`, crawlers) count the source.
 */
export function sourceLength(text: string): number {
  let length = 0;
  for (const char of text) length += ENTITY_LENGTH[char] ?? char.length;
  return length;
}

/**
 * `text` cut to at most `max` characters of HTML source, at a word boundary where one is near,
 * ending in `…`.
 */
export function clip(text: string, max: number): string {
  if (sourceLength(text) <= max) return text;
  let cut = '';
  for (const char of text) {
    if (sourceLength(cut + char) + 1 > max) break;
    cut += char;
  }
  const atWordEnd = /\s/.test(text.charAt(cut.length));
  const space = cut.lastIndexOf(' ');
  return `${(atWordEnd || space <= cut.length / 2 ? cut : cut.slice(0, space)).trimEnd()}…`;
}

/**
 * The `<title>` of a page: `Headline | Site` when that fits in `max` characters of source (what
 * search results and browser tabs show), else the headline alone, clipped when even that is too
 * long. The full headline stays in the page's `<h1>` and `og:title`.
 */
export function documentTitle(title: string, siteTitle: string, max: number): string {
  const full = title === siteTitle ? title : `${title} | ${siteTitle}`;
  return sourceLength(full) <= max ? full : clip(title, max);
}
