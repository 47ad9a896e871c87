import { createHash } from 'node:crypto';

/**
 * A short, stable digest of `parts` (values JSON can serialise), for Astro's incremental build: a
 * page whose key and code are unchanged since the previous build is copied from that build instead
 * of being rendered again. A key must therefore cover every input the page shows that is not code.
 */
export function stableDigest(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 24);
}
