import { describeNetworkError } from './network.ts';
import { RatesError, type Payload } from './provider.ts';

/** How hard to try, and how much to accept, before giving up. */
export interface FetchPolicy {
  /** Time limit of one request, redirects and body included, in milliseconds. */
  timeoutMs: number;
  /** Further attempts after a failure that may pass (network error, timeout, 5xx, 429). */
  retries: number;
  /** Clock time (ms since the epoch) after which no request starts and any running one is cut. */
  deadline: number;
  /** Largest response body accepted, in bytes (after decompression); reading stops past it. */
  maxBytes: number;
  /** First backoff; doubles after every failed attempt. */
  backoffMs?: number;
}

/** Most redirects one request follows. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

class Retryable extends Error {}

/** `5 MB` for round megabytes, otherwise the byte count. */
export function formatBytes(bytes: number): string {
  return bytes % 1_000_000 === 0 ? `${bytes / 1_000_000} MB` : `${bytes} bytes`;
}

/**
 * Where a redirect from `current` to `location` leads, when it may be followed: the same host
 * (name and port) as `configured`, over https or over `configured`'s own scheme, and never from
 * https down to anything else.
 * @throws RatesError naming the refused target.
 */
export function redirectTarget(configured: URL, current: URL, location: string | null): URL {
  if (!location) throw new RatesError('redirect without a Location header');
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw new RatesError(`redirect to an invalid address "${location}"`);
  }
  if (current.protocol === 'https:' && next.protocol !== 'https:') {
    throw new RatesError(
      `refused redirect from https to ${next.protocol.slice(0, -1)} (a downgrade): ${next.href}`,
    );
  }
  if (next.protocol !== 'https:' && next.protocol !== configured.protocol) {
    throw new RatesError(
      `refused redirect to the ${next.protocol.slice(0, -1)} scheme: ${next.href}`,
    );
  }
  if (next.host !== configured.host)
    throw new RatesError(`refused redirect to another host (${next.host}): ${next.href}`);
  return next;
}

/** The body, read chunk by chunk and abandoned as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new RatesError(
      `response is larger than the limit of ${formatBytes(maxBytes)} (maxResponseBytes)`,
    );
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
}

function isTimeout(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'TimeoutError';
}

/** One request: follows allowed redirects itself, then reads the body under the cap. */
async function attempt(configured: URL, timeoutMs: number, maxBytes: number): Promise<Payload> {
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = `timed out after ${timeoutMs} ms`;
  let url = configured;
  for (let hops = 0; ; hops++) {
    let response: Response;
    try {
      response = await fetch(url, { signal, redirect: 'manual' });
    } catch (error) {
      if (isTimeout(error)) throw new Retryable(timedOut);
      const reason = describeNetworkError(error, url);
      // A refused certificate stays refused; only the network may come back.
      throw reason.startsWith('TLS failure') ? new RatesError(reason) : new Retryable(reason);
    }
    if (REDIRECT_STATUSES.has(response.status)) {
      await response.body?.cancel().catch(() => {});
      if (hops === MAX_REDIRECTS) throw new RatesError(`more than ${MAX_REDIRECTS} redirects`);
      url = redirectTarget(configured, url, response.headers.get('location'));
      continue;
    }
    if (!response.ok) {
      const message = `HTTP ${response.status} ${response.statusText}`.trim();
      await response.body?.cancel().catch(() => {});
      if (response.status >= 500 || response.status === 429) throw new Retryable(message);
      throw new RatesError(message);
    }
    try {
      return {
        bytes: await readCapped(response, maxBytes),
        contentType: response.headers.get('content-type') ?? undefined,
      };
    } catch (error) {
      if (error instanceof RatesError) throw error;
      throw new Retryable(
        isTimeout(error) ? timedOut : `connection broke off: ${(error as Error).message}`,
      );
    }
  }
}

/**
 * GETs `url` (http or https), retrying what may pass with exponential backoff, never past
 * `policy.deadline`. Redirects are followed only as {@link redirectTarget} allows, at most
 * {@link MAX_REDIRECTS}; a body past `policy.maxBytes` is refused without being read further.
 * @throws RatesError naming the URL and the last failure.
 */
export async function fetchPayload(url: string, policy: FetchPolicy): Promise<Payload> {
  let configured: URL;
  try {
    configured = new URL(url);
  } catch {
    throw new RatesError(`"${url}" is not a valid address`);
  }
  if (configured.protocol !== 'https:' && configured.protocol !== 'http:')
    throw new RatesError(`${url}: expected an http or https address`);
  let backoff = policy.backoffMs ?? 500;
  let last = 'no attempt made before the time limit';
  let tries = 0;
  while (tries <= policy.retries) {
    const left = Math.floor(policy.deadline - Date.now());
    if (left <= 0) break;
    tries++;
    try {
      return await attempt(configured, Math.min(policy.timeoutMs, left), policy.maxBytes);
    } catch (error) {
      if (!(error instanceof Retryable))
        throw new RatesError(`${url}: ${(error as Error).message}`);
      last = error.message;
    }
    if (tries <= policy.retries && policy.deadline - Date.now() > backoff)
      await new Promise((resolve) => setTimeout(resolve, backoff));
    backoff *= 2;
  }
  const attempts =
    tries === 0
      ? ''
      : `; gave up after ${tries} attempt${tries === 1 ? '' : 's'}${tries <= policy.retries ? ', out of time' : ''}`;
  throw new RatesError(`${url}: ${last}${attempts}`);
}
