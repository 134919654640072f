/**
 * CORS for hosts whose pages live on another origin than the handler (widgets embedded on
 * `shop.example.com`, API on `api.example.com`). Off unless configured; credentials (cookies) are
 * only allowed when asked for, and then only for the listed origins, never `*`.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import vary from 'vary';
import { nodeResponseOf } from '../node-response.js';
import { normalizeOrigin } from './origin.js';

/** Options of {@link corsMiddleware}. */
export interface CorsOptions {
  /** Exact origins allowed to call the API from a browser (`https://shop.example.com`). */
  origins: readonly string[];
  /**
   * Let those origins send cookies (the anonymous session, the host's session). Off by default:
   * with credentials, a listed origin acts as the user, so list only origins you control.
   */
  credentials?: boolean;
  /** How long browsers may cache a preflight, in seconds. Default 600. */
  maxAgeSeconds?: number;
}

/** The request headers the client sends. */
const ALLOW_HEADERS = ['Content-Type', 'Authorization', 'Idempotency-Key', 'Last-Event-ID'];
/** The response headers the client reads (`Retry-After` on 429, ranges on media). */
const EXPOSE_HEADERS = ['Retry-After', 'Content-Range', 'Accept-Ranges', 'Content-Length', 'ETag'];

/** The normalized origins of a CORS configuration (for the cross-site check to allow them too). */
export function corsOrigins(options: CorsOptions): string[] {
  return options.origins.map((o) => normalizeOrigin(o)).filter((o): o is string => o !== undefined);
}

/** The host's `Vary` with ours added; `undefined` (ours alone) when the host's is not a field list. */
function joinVary(host: number | string | string[], ours: string): string | undefined {
  try {
    return vary.append(Array.isArray(host) ? host.join(', ') : String(host), ours);
  } catch {
    return undefined;
  }
}

/**
 * Hono's `cors()` configured for sora-kit: listed origins only, the client's headers, and
 * `Retry-After` readable by the page.
 *
 * @example app.use('*', corsMiddleware({ origins: ['https://shop.example.com'], credentials: true }));
 */
export function corsMiddleware(options: CorsOptions): MiddlewareHandler {
  const allowed = new Set(corsOrigins(options));
  const honoCors = cors({
    origin: (origin) => (allowed.has(normalizeOrigin(origin) ?? '') ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    credentials: options.credentials === true,
    maxAge: options.maxAgeSeconds ?? 600,
  });
  return async (c, next) => {
    // A `Vary` the host set on Node's response before the handler (Express's own cors(), a cache
    // layer) would be replaced by this answer's `Vary: Origin` when Node writes the head: a cache
    // in front would then serve one user's variant to another. The answer carries both.
    const hostVary = nodeResponseOf(c)?.getHeader('Vary');
    const preflight = await honoCors(c, next);
    const ours = (preflight ?? c.res).headers.get('Vary');
    const merged = hostVary !== undefined && ours ? joinVary(hostVary, ours) : undefined;
    if (merged) {
      // A preflight's headers are copied over again from `c.res` when Hono takes it: set both.
      c.res.headers.set('Vary', merged);
      preflight?.headers.set('Vary', merged);
    }
    return preflight;
  };
}
