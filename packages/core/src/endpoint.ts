/**
 * Endpoint resolution and ids: small helpers the client and the store share.
 */

/**
 * Resolves an endpoint to an absolute URL string without a trailing slash. A relative endpoint
 * (`/api/sora`) resolves against the page's location in browsers; outside a page it is returned
 * as given (the client then refuses to send, see `requireAbsolute`).
 */
export function resolveEndpoint(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  try {
    return new URL(trimmed).href.replace(/\/+$/, '');
  } catch {
    const base = (globalThis as { location?: { href?: string } }).location?.href;
    if (base === undefined) return trimmed;
    return new URL(trimmed || '/', base).href.replace(/\/+$/, '');
  }
}

/** Throws a clear error when an endpoint could not be made absolute (Node, workers). */
export function requireAbsolute(endpoint: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(endpoint)) return endpoint;
  throw new TypeError(
    `sora-kit: the endpoint "${endpoint}" is relative and there is no page location to resolve it against; pass an absolute URL outside browsers`,
  );
}

/** A random RFC 4122 v4 UUID; uses `crypto.randomUUID` where available (secure contexts). */
export function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
