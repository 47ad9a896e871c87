/**
 * Loaded into decap-server's own process (`node --import`) by `startEditingBackend` (cms.ts), so
 * that its port on 127.0.0.1 serves only the guard in front of it (cms-proxy.ts): every request
 * must carry the secret from `KHABAR_CMS_UPSTREAM_TOKEN`, which a web page cannot send without a
 * preflight that is itself refused. It also reports the port the server got (it is started on
 * port 0) over the IPC channel, as `{ decapServerPort }`.
 */
import { timingSafeEqual } from 'node:crypto';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UPSTREAM_TOKEN_HEADER } from './cms-proxy.ts';

const token = process.env.KHABAR_CMS_UPSTREAM_TOKEN;
if (!token)
  throw new Error(
    'cms-upstream-guard: KHABAR_CMS_UPSTREAM_TOKEN is not set, so decap-server would serve anyone',
  );
// Nothing decap-server starts needs it.
delete process.env.KHABAR_CMS_UPSTREAM_TOKEN;
const expected = Buffer.from(token);

function authorised(request: IncomingMessage): boolean {
  const given = Buffer.from(String(request.headers[UPSTREAM_TOKEN_HEADER] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
const emit = Server.prototype.emit as Emit;

const guardedEmit: Emit = function (event, ...args) {
  // 'checkContinue' stands in for 'request' when a client sends `Expect: 100-continue`.
  if (event === 'request' || event === 'checkContinue') {
    const [request, response] = args as [IncomingMessage, ServerResponse];
    if (!authorised(request)) {
      response.writeHead(403, {
        'content-type': 'application/json; charset=utf-8',
        connection: 'close',
      });
      response.end(
        JSON.stringify({ error: 'refused: decap-server answers only the Khabar CMS guard' }),
      );
      return true;
    }
  }
  if (event === 'listening' && process.connected)
    process.send?.({ decapServerPort: (this.address() as AddressInfo).port });
  return emit.call(this, event, ...args);
};
Server.prototype.emit = guardedEmit as typeof Server.prototype.emit;
