import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentTypeOf } from '../../src/lib/content-types.ts';

/** One block of a Netlify/Cloudflare `_headers` file: a path pattern and the headers it adds. */
interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parses a `_headers` file as Netlify and Cloudflare Pages read it (`*` matches any run of characters). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const escaped = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${escaped}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

export interface StaticHost {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from `dir` on 127.0.0.1 the way a static host does: `/x/` serves
 * `x/index.html`, `/x` redirects to `/x/` when that is a folder, unknown paths get `404.html`
 * with status 404, the rules of `dir/_headers` are applied, and text is gzipped for clients that
 * accept it.
 */
export async function serveStatic(dir: string): Promise<StaticHost> {
  const rules = parseHeadersFile(await readFile(join(dir, '_headers'), 'utf8').catch(() => ''));
  const fileAt = async (path: string) =>
    (await stat(path).catch(() => undefined))?.isFile() ?? false;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const path = normalize(decodeURIComponent(url.pathname));
      let file = join(dir, path.endsWith('/') ? join(path, 'index.html') : path);
      let status = 200;
      if (!(await fileAt(file))) {
        if (!path.endsWith('/') && (await fileAt(join(dir, path, 'index.html')))) {
          response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(dir, '404.html');
        status = 404;
      }
      for (const rule of rules)
        if (rule.pattern.test(url.pathname))
          for (const [name, value] of rule.headers) response.setHeader(name, value);
      const type = contentTypeOf(file);
      const body = await readFile(file);
      // Text goes compressed, as every static host and CDN sends it.
      if (
        /^(text|application\/(json|javascript|xml))/.test(type) &&
        /\bgzip\b/.test(String(request.headers['accept-encoding']))
      ) {
        response.writeHead(status, {
          'content-type': type,
          'content-encoding': 'gzip',
          vary: 'accept-encoding',
        });
        response.end(gzipSync(body));
        return;
      }
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
