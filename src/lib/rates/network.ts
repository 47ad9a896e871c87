const CONNECT_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network down',
  EPIPE: 'connection closed by the server',
};

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);

interface Coded {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The innermost error in `error`'s cause chain (or an AggregateError's first) that has a `code`. */
function codedCause(error: unknown): { code: string; message: string } | undefined {
  let found: { code: string; message: string } | undefined;
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, cause, errors } = current as Coded;
    if (typeof code === 'string') found = { code, message: String(message ?? code) };
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return found;
}

/**
 * What a rejected `fetch` of `url` means, in words: `network failure: could not resolve …`,
 * `network failure: could not connect to host:port (connection refused)`, or a TLS failure.
 * Undici rejects every one of these as a bare "fetch failed"; the cause carries the reason.
 */
export function describeNetworkError(error: unknown, url: URL): string {
  const cause = codedCause(error);
  const host = url.host;
  if (!cause)
    return `network failure: could not connect to ${host} (${(error as Error | undefined)?.message ?? String(error)})`;
  if (DNS_CODES.has(cause.code))
    return `network failure: could not resolve ${url.hostname} (${cause.code}; network unreachable or no such host)`;
  const reason = CONNECT_REASONS[cause.code];
  if (reason) return `network failure: could not connect to ${host} (${reason})`;
  if (/CERT|TLS|SSL/.test(cause.code)) return `TLS failure with ${host}: ${cause.message}`;
  return `network failure: could not connect to ${host} (${cause.code}: ${cause.message})`;
}
