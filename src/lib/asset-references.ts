import { decodeURIComponentSafe } from './safe-path.ts';
import { decodeEntities } from './xml.ts';

/**
 * The files of the assets folder (`assets`, Astro's `build.assets`) that `text` (a page, JSON,
 * CSS, a feed) may refer to, as paths in the site without the leading `/`: each address as
 * written and as its file is named (`%20`, `&amp;` decoded). An address runs to what ends one in
 * HTML or JSON; a file's name may hold `(`, `)` and `'`, so each also counts without what could
 * close a `url(…)`, a string, a rule or a list after it, and without a fragment. A superset: a
 * file it names may not exist.
 */
export function assetReferences(text: string, assets: string): Set<string> {
  const pattern = new RegExp(
    `/${assets.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^"\\s<>?\\\\\`]+`,
    'g',
  );
  const found = new Set<string>();
  for (const [reference] of text.matchAll(pattern)) {
    // `#` may begin an entity (`&#39;`) as well as a fragment: both readings count.
    for (const address of new Set([
      reference,
      reference.replace(/#(?![0-9]+;|x[0-9a-f]+;).*$/i, ''),
    ])) {
      for (let path = address.slice(1); ; path = path.slice(0, -1)) {
        found.add(path);
        found.add(decodeURIComponentSafe(decodeEntities(path)));
        if (!/[)'",;}\]]$/.test(path)) break;
      }
    }
  }
  return found;
}
