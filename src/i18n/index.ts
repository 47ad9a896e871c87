import { SITE } from '../site.config.ts';
import { editionAt, editionOf, resolveEditions, type Edition } from '../lib/editions.ts';
import type { UiStrings } from './en.ts';

/**
 * The site's editions, the default first. Resolving them checks every edition's strings file, so a
 * missing string stops the build naming its key and language (src/lib/editions.ts).
 */
export const EDITIONS: readonly Edition[] = resolveEditions(SITE);

/** The default edition, at the site's root. */
export const DEFAULT_EDITION: Edition = EDITIONS[0]!;

/** The edition a page at `pathname` belongs to (`/ru/…` is Russian's; the rest the default's). */
export function editionOfPath(pathname: string): Edition {
  return editionAt(pathname, EDITIONS);
}

/**
 * The interface strings of the edition in `lang`.
 * @throws naming the language, when the site has no such edition.
 */
export function uiStrings(lang: string): UiStrings {
  const edition = editionOf(lang, EDITIONS);
  if (!edition) throw new Error(`no interface strings for the language "${lang}" (src/i18n/)`);
  return edition.strings;
}

/**
 * The params and props of one page per edition, for `getStaticPaths` of the routes under
 * `src/pages/[...edition]/`: the default edition's param is `undefined`, so its pages stay at the
 * site's root.
 */
export function editionParams(): {
  params: { edition: string | undefined };
  props: { edition: Edition };
}[] {
  return EDITIONS.map((edition) => ({
    params: { edition: edition.prefix === '' ? undefined : edition.prefix.slice(1) },
    props: { edition },
  }));
}

export type { Edition, UiStrings };

/** A row of `getStaticPaths`, before its edition is added. */
interface PathRow {
  params?: Record<string, string | undefined>;
  props?: Record<string, unknown>;
  cacheKey?: string;
}

/**
 * `getStaticPaths` rows of a route under `src/pages/[...edition]/`, made by `make` for each edition
 * and given that edition: `params.edition` (`undefined` for the default, so its pages stay at the
 * site's root) and `props.edition`.
 */
export async function perEdition<R extends PathRow>(
  make: (edition: Edition) => R[] | Promise<R[]>,
): Promise<
  Array<
    Omit<R, 'params' | 'props'> & {
      params: R['params'] & { edition: string | undefined };
      props: R['props'] & { edition: Edition };
    }
  >
> {
  const rows = await Promise.all(
    editionParams().map(async ({ params, props }) =>
      (await make(props.edition)).map((row) => ({
        ...row,
        params: { ...row.params, ...params },
        props: { ...row.props, ...props },
      })),
    ),
  );
  return rows.flat() as never;
}
