/**
 * Headers every API response carries: `nosniff` and friends (hono's `secureHeaders`), and
 * `Cache-Control: no-store` unless the route chose its own (the media route caches privately
 * until its link expires; capabilities for a minute). Answers hold a user's jobs and links, so
 * no shared cache may keep them by default.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The API's security headers. */
export function apiResponseHeaders(): MiddlewareHandler {
  const secure = secureHeaders({
    // Media links are fetched by <video> on the host's pages, which may sit on another origin.
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    // HTTPS is the host's proxy's business; HSTS from an API mounted on http would be wrong.
    strictTransportSecurity: false,
    // An API answer never needs to be framed or to run anything.
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  });
  return async (c, next) => {
    await secure(c, async () => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    });
  };
}
