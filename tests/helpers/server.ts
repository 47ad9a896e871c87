import { createServer, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';

/** What the test server answers on one path. */
export type Route =
  | { status?: number; body: Buffer | string; contentType?: string }
  /** Accept the request and never answer. */
  | { hang: true }
  /** Promise `body.length` bytes, send the first `sent`, then cut the connection. */
  | { truncate: Buffer; sent: number };

/** A real HTTP server on 127.0.0.1 serving fixed routes; counts the requests it got. */
export async function serve(
  routes: Record<string, Route>,
): Promise<{ url: string; hits: Map<string, number>; close: () => Promise<void> }> {
  const hits = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (!route) {
      response.writeHead(404).end('not found');
    } else if ('hang' in route) {
      hanging.add(response);
    } else if ('truncate' in route) {
      response.writeHead(200, {
        'content-type': 'application/xml',
        'content-length': String(route.truncate.length),
      });
      response.write(route.truncate.subarray(0, route.sent));
      setTimeout(() => response.socket?.destroy(), 20);
    } else {
      response
        .writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'application/xml' })
        .end(route.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
