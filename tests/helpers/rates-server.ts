import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Answers one request; `host` is the server's own `127.0.0.1:port`. */
export type Handler = (request: IncomingMessage, response: ServerResponse, host: string) => void;

/** A key and a self-signed certificate; `certFile` is what a client's `NODE_EXTRA_CA_CERTS` names. */
export interface Tls {
  key: Buffer;
  cert: Buffer;
  certFile: string;
}

/** Makes a one-day certificate for 127.0.0.1 with openssl, in `dir`. */
export async function selfSignedCertificate(dir: string): Promise<Tls> {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  return { key: await readFile(keyFile), cert: await readFile(certFile), certFile };
}

/** A server on 127.0.0.1 that speaks HTTP and HTTPS on one port. */
export interface DualServer {
  /** `http://127.0.0.1:port`. */
  http: string;
  /** `https://127.0.0.1:port`: the same host and port, over TLS. */
  https: string;
  /** `127.0.0.1:port`. */
  host: string;
  /** Requests per path. */
  hits: Map<string, number>;
  close: () => Promise<void>;
}

/**
 * Serves `routes` over plain HTTP and HTTPS on the same port, told apart by the first byte of a
 * connection (0x16 opens a TLS handshake), so a redirect can change the scheme and keep the host.
 */
export async function serveDual(routes: Record<string, Handler>, tls: Tls): Promise<DualServer> {
  const hits = new Map<string, number>();
  let host = '';
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(request, response, host);
    else response.writeHead(404).end('not found');
  };
  const plain = createServer(handle);
  const secure = createHttpsServer({ key: tls.key, cert: tls.cert }, handle);
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (!first) return;
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(front.address() as AddressInfo).port}`;
  return {
    http: `http://${host}`,
    https: `https://${host}`,
    host,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        front.close(() => resolve());
      }),
  };
}

/** Answers with `body`. */
export const body =
  (bytes: Buffer, contentType = 'application/xml'): Handler =>
  (_, response) => {
    response.writeHead(200, { 'content-type': contentType }).end(bytes);
  };

/** Redirects to `location(host)`. */
export const redirect =
  (status: number, location: (host: string) => string): Handler =>
  (_, response, host) => {
    response.writeHead(status, { location: location(host) }).end('moved');
  };

/** What {@link endless} has sent so far, and whether the client went away. */
export interface Stream {
  bytes: number;
  closed: boolean;
}

/**
 * Streams `chunk` over and over, at the pace the client reads (no Content-Length), until `limit`
 * bytes or until the client closes the connection; counts what it sent in `stream`.
 */
export const endless =
  (chunk: Buffer, limit: number, stream: Stream): Handler =>
  (_, response) => {
    response.writeHead(200, { 'content-type': 'application/xml' });
    response.on('close', () => (stream.closed = true));
    const pump = () => {
      while (!response.destroyed && stream.bytes < limit) {
        stream.bytes += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };

/** Sends the headers, `extra` included, and never the body. */
export const headersOnly =
  (extra: Record<string, string>): Handler =>
  (_, response) => {
    response.writeHead(200, { 'content-type': 'application/xml', ...extra });
    response.flushHeaders();
  };

/** Accepts the request and never answers. */
export const hang: Handler = () => {};
