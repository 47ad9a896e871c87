import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, Refusal } from './cms-paths.ts';

/** The header carrying the secret that decap-server's process (cms-upstream-guard.ts) requires on every request. */
export const UPSTREAM_TOKEN_HEADER = 'x-khabar-cms-token';

/** Largest request body the guard accepts by default: a photograph of about 24 MB, base64-encoded. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The path of decap-server's JSON API, as `local_backend.url` in src/lib/cms-config.ts names it. */
const API_PATH = '/api/v1';

export interface CmsProxyOptions {
  /** The repository decap-server writes into. */
  repo: string;
  /** Repository-relative folders the editing UI may read and write, e.g. `content`, `public/images`. */
  areas: readonly string[];
  /** Port to listen on at 127.0.0.1, where `local_backend.url` points; 0 for any free port. */
  port: number;
  /** decap-server's port on 127.0.0.1, and the secret it requires. */
  upstream: { port: number; token: string };
  /** Origins of the editing UI, e.g. `http://127.0.0.1:4321`; a request with any other Origin is refused. */
  uiOrigins: readonly string[];
  /** Largest request body accepted, in bytes; larger ones get 413. */
  maxBodyBytes?: number;
}

/** A running guard. */
export interface CmsProxy {
  port: number;
  /** `http://127.0.0.1:<port>/api/v1`, the URL the editing UI posts to. */
  url: string;
  close(): Promise<void>;
}

/** An answer the guard gives itself, without asking decap-server. */
class Answer extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit)
    return Promise.reject(new Answer(413, `the request body is larger than ${limit} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.pause();
        reject(new Answer(413, `the request body is larger than ${limit} bytes`));
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

/** Sends `json` to decap-server with the secret, and relays its answer. */
function forward(
  options: CmsProxyOptions,
  json: string,
  response: ServerResponse,
  cors: Record<string, string>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: options.upstream.port,
        method: 'POST',
        path: API_PATH,
        headers: {
          host: `127.0.0.1:${options.upstream.port}`,
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(json)),
          [UPSTREAM_TOKEN_HEADER]: options.upstream.token,
        },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, {
          ...cors,
          'content-type': answer.headers['content-type'] ?? 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        });
        answer.pipe(response);
        answer.on('end', resolve);
        answer.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(json);
  });
}

/**
 * Starts the guard in front of decap-server on 127.0.0.1. It answers only requests whose Host is
 * 127.0.0.1 or localhost at its own port (so a DNS-rebound name is refused) and whose Origin, when
 * sent, is one of `uiOrigins`; it takes only JSON bodies up to `maxBodyBytes`, checks every path
 * in them with `checkRequest` (cms-paths.ts), and forwards what passes, re-serialised, so that
 * decap-server parses exactly what was checked. Refusals are 403 with `{ "error": "..." }`.
 */
export async function startCmsProxy(options: CmsProxyOptions): Promise<CmsProxy> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const origins = new Set(options.uiOrigins);
  let hosts = new Set<string>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    if (!hosts.has((request.headers.host ?? '').toLowerCase()))
      throw new Answer(403, 'refused: the Host header is not this local server');
    if (origin !== undefined && !origins.has(origin))
      throw new Answer(403, `refused: requests from ${origin} are not accepted`);
    const cors: Record<string, string> =
      origin === undefined
        ? { vary: 'Origin' }
        : { vary: 'Origin', 'access-control-allow-origin': origin };
    try {
      if (request.url !== API_PATH) throw new Answer(404, `only ${API_PATH} is served`);
      if (request.method === 'OPTIONS') {
        response
          .writeHead(204, {
            ...cors,
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': 'content-type',
            'access-control-max-age': '600',
          })
          .end();
        return;
      }
      if (request.method !== 'POST') throw new Answer(405, 'only POST is served');
      if (
        !/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(
          request.headers['content-type'] ?? '',
        )
      )
        throw new Answer(415, 'the body must be application/json');
      // decap-server's body parser would inflate a compressed body the guard has not looked into.
      if ((request.headers['content-encoding'] ?? 'identity') !== 'identity')
        throw new Answer(415, 'compressed bodies are not accepted');
      const raw = await readBody(request, limit);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new Answer(400, 'the body is not JSON');
      }
      await checkRequest(options.repo, options.areas, body);
      await forward(options, JSON.stringify(body), response, cors);
    } catch (error) {
      // The UI's origin may read why it was refused; no other origin gets this far.
      if (error instanceof Refusal) sendJson(response, 403, { error: error.message }, cors);
      else if (error instanceof Answer)
        sendJson(
          response,
          error.status,
          { error: error.message },
          { ...cors, ...(error.status === 413 ? { connection: 'close' } : {}) },
        );
      else throw error;
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Close the connection rather than read on through the body of a refused request.
      if (error instanceof Answer)
        sendJson(response, error.status, { error: error.message }, { connection: 'close' });
      else
        sendJson(
          response,
          502,
          {
            error: `the local backend failed: ${error instanceof Error ? error.message : String(error)}`,
          },
          {},
        );
    });
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    port,
    url: `http://127.0.0.1:${port}${API_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
