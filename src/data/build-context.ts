import { isAbsolute, resolve } from 'node:path';
import { resolveNow } from '../lib/dates.ts';
import { SITE } from '../site.config.ts';

/**
 * What the build script hands down to Astro, read from the environment once, here and nowhere
 * else: the content folder (`KHABAR_CONTENT_DIR`, default `content`), the build's "now"
 * (`SOURCE_DATE_EPOCH`, which `scripts/build.ts` always sets, or the clock under `astro dev`).
 */
export const CONTENT_DIR: string = (() => {
  const dir = process.env.KHABAR_CONTENT_DIR ?? 'content';
  return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
})();

/** The project's public folder, whose files are served as they are; builds run from the project. */
export const PUBLIC_DIR: string = resolve(process.cwd(), 'public');

/** The build's "now": articles dated after it are not published. */
export const NOW: Date = resolveNow(process.env);

/** Port of the local decap-server the editing UI talks to on 127.0.0.1 (`KHABAR_CMS_PORT`). */
export const CMS_LOCAL_PORT: number = Number(process.env.KHABAR_CMS_PORT ?? SITE.cms.localPort);

/** Most articles in one search shard for this build (`KHABAR_SEARCH_SHARD_SIZE`, else `SITE.searchShardSize`). */
export const SEARCH_SHARD_SIZE: number = Number(
  process.env.KHABAR_SEARCH_SHARD_SIZE ?? SITE.searchShardSize,
);

/** Where the build writes its stage timings as JSON (`KHABAR_TIMINGS`), for `npm run bench`; none when unset. */
export const TIMINGS_FILE: string | undefined = process.env.KHABAR_TIMINGS || undefined;
