/**
 * Headers every API response carries: `nosniff` and friends (hono's `secureHeaders`), and
 * `Cache-Control: no-store` unless the route chose its own (the media route caches privately
 * until its link expires; capabilities for a minute). Answers hold a user's jobs and links, so
 * no shared cache may keep them by default.
 *
 * On Node the same headers go into Node's own header list before the route runs, where the head
 * the answer writes merges them (the answer's own headers, and a host middleware's, win). Setting
 * them afterwards on each Fetch `Response` built a Fetch `Headers` per answer and cost the status
 * read about a quarter of its throughput.
 */
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { nodeResponseOf } from '../node-response.js';

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
  // What `secure` sets, learnt once from an answer of its own (they depend on nothing in a
  // request); until then every answer takes the Fetch path.
  let fixed: [string, string][] | undefined;
  const probe = new Hono().use(secure).get('/', (c) => c.body(null, 204));
  void Promise.resolve(probe.request('/')).then((answer) => {
    fixed = [...answer.headers].filter(([name]) => name !== 'content-type');
  });
  return async (c, next) => {
    const outgoing = fixed && nodeResponseOf(c);
    if (outgoing && fixed) {
      for (const [name, value] of fixed) outgoing.setHeader(name, value);
      outgoing.setHeader('Cache-Control', 'no-store');
      await next();
      return;
    }
    await secure(c, async () => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    });
  };
}
