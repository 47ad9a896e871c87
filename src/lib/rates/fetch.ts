import { RatesError, type Payload } from './provider.ts';

/** How hard to try before giving up. */
export interface FetchPolicy {
  /** Time limit of one request, in milliseconds. */
  timeoutMs: number;
  /** Further attempts after a failure that may pass (network error, timeout, 5xx, 429). */
  retries: number;
  /** Clock time (ms since the epoch) after which no request starts and any running one is cut. */
  deadline: number;
  /** First backoff; doubles after every failed attempt. */
  backoffMs?: number;
}

class Retryable extends Error {}

async function attempt(url: string, timeoutMs: number): Promise<Payload> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `network error: ${(error as Error).message}`;
    throw new Retryable(reason);
  }
  if (!response.ok) {
    const message = `HTTP ${response.status} ${response.statusText}`.trim();
    await response.body?.cancel();
    if (response.status >= 500 || response.status === 429) throw new Retryable(message);
    throw new RatesError(message);
  }
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, contentType: response.headers.get('content-type') ?? undefined };
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `connection broke off: ${(error as Error).message}`;
    throw new Retryable(reason);
  }
}

/**
 * GETs `url`, retrying what may pass with exponential backoff, never past `policy.deadline`.
 * @throws RatesError naming the URL and the last failure.
 */
export async function fetchPayload(url: string, policy: FetchPolicy): Promise<Payload> {
  let backoff = policy.backoffMs ?? 500;
  let last = 'no attempt made';
  for (let tries = 0; tries <= policy.retries; tries++) {
    const left = policy.deadline - Date.now();
    if (left <= 0) break;
    try {
      return await attempt(url, Math.min(policy.timeoutMs, left));
    } catch (error) {
      if (!(error instanceof Retryable)) throw new RatesError(`${url}: ${(error as Error).message}`);
      last = error.message;
    }
    if (tries < policy.retries && policy.deadline - Date.now() > backoff) await new Promise((resolve) => setTimeout(resolve, backoff));
    backoff *= 2;
  }
  throw new RatesError(`${url}: ${last} (after ${policy.retries + 1} attempt${policy.retries === 0 ? '' : 's'} or the time limit)`);
}
