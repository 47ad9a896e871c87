import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'src/admin/cms.ts');
const require = createRequire(import.meta.url);
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

/** The browser path of the bundle. */
export const ADMIN_BUNDLE_PATH = '/admin/cms.js';

let pending: Promise<string> | undefined;

/**
 * Bundles Decap CMS with React into one minified script, once per set of versions: the bundle is
 * kept under node_modules/.cache, so later builds only copy it (bundling takes seconds, copying
 * milliseconds). Concurrent builds each write a temporary file and rename it into place.
 */
export function adminBundle(): Promise<string> {
  pending ??= (async () => {
    const key = createHash('sha256')
      .update(
        [
          version('decap-cms-app'),
          version('react'),
          version('react-dom'),
          version('esbuild'),
          readFileSync(entry, 'utf8'),
        ].join('\n'),
      )
      .digest('hex')
      .slice(0, 16);
    const file = join(root, 'node_modules/.cache/khabar', `decap-cms-${key}.js`);
    if (existsSync(file)) return file;
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2022',
      outfile: temporary,
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      legalComments: 'none',
      logLevel: 'error',
    });
    await rename(temporary, file);
    return file;
  })();
  return pending;
}

/**
 * Serves the editing UI's script at /admin/cms.js: from memory under `astro dev`, as a file in
 * the build output. The page and its configuration are ordinary routes under src/pages/admin.
 */
export function decapAdmin(): AstroIntegration {
  return {
    name: 'khabar-decap-admin',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // The page is an endpoint named index.html; a static host serves it at /admin/, the dev
        // server only at its file name, so /admin/ is pointed there.
        server.middlewares.use((request, _response, next) => {
          if (request.url === '/admin/' || request.url === '/admin')
            request.url = '/admin/index.html';
          next();
        });
        server.middlewares.use(ADMIN_BUNDLE_PATH, (_request, response, next) => {
          adminBundle().then(
            (file) => {
              response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              response.end(readFileSync(file));
            },
            (error: unknown) => next(error),
          );
        });
      },
      // Before any `astro:build:done`: Khabar's counts and measures every file of the output there.
      'astro:build:generated': async ({ dir }) => {
        const target = fileURLToPath(new URL(`.${ADMIN_BUNDLE_PATH}`, dir));
        await mkdir(dirname(target), { recursive: true });
        await copyFile(await adminBundle(), target);
      },
    },
  };
}
