/** Whether an address starts with a URL scheme (`https:`, `mailto:`, `data:`…), as RFC 3986 spells one. */
export function hasScheme(address: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(address);
}

/** What an `image` field may hold: a path beside the article, a path under public/, or an https:// address. */
export const IMAGE_ADDRESS =
  /^(?:https:\/\/[^\s"'<>\\]+|(?!\/\/)(?![a-z][a-z0-9+.-]*:)[^\s"'<>\\]+)$/i;

/** How {@link IMAGE_ADDRESS} is explained to authors. */
export const IMAGE_EXPECTED =
  'expected a photo beside the article (`./photo.jpg`), a path under public/ (`/images/photo.jpg`) or an https:// address';

/**
 * Why an image address may not be used, or undefined: a remote address must be on one of
 * `hosts` (`SITE.content.imageHosts`). Local paths are not this function's concern.
 */
export function imageHostProblem(address: string, hosts: readonly string[]): string | undefined {
  if (!hasScheme(address)) return undefined;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return IMAGE_EXPECTED;
  }
  if (url.protocol !== 'https:') return 'is not loaded over https';
  if (hosts.includes(url.hostname)) return undefined;
  return `comes from ${url.hostname}, which is not an allowed image host; put the photo beside the article${hosts.length > 0 ? ` or use ${hosts.join(', ')}` : ''} (SITE.content.imageHosts)`;
}
