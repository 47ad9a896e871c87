import { hostWarnings, measureOutput, type Host, type OutputStats } from '../../lib/hosts.ts';

/**
 * Measures a built site (each file's size, by its path in the site) against `host`'s limits
 * (`src/lib/hosts.ts`): its warnings, one per limit passed, with the figures; none when it fits.
 */
export function checkHost(
  sizes: ReadonlyMap<string, number>,
  host: Host,
  redirects: Pick<OutputStats, 'staticRedirects' | 'dynamicRedirects'>,
): string[] {
  const files = [...sizes].map(([path, bytes]) => ({ path, bytes }));
  return hostWarnings(host, { ...measureOutput(files), ...redirects });
}
