/**
 * Cross-site request protection: a state-changing request (POST, PUT, PATCH, DELETE) made by a
 * browser on behalf of another site is refused with 403 `forbidden`.
 *
 * Hono's own `csrf()` middleware only looks at form-like content types (a JSON POST or a DELETE
 * cannot be sent cross-site without a CORS preflight), and answers in plain text. We check every
 * state-changing request, so the protection does not depend on CORS being configured right, and we
 * answer with the contract's error envelope.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { publicUrlOf } from '../proxy.js';
import { requestHeader } from '../request-headers.js';

/** Options of {@link crossSiteProtection}. */
export interface CrossSiteOptions {
  /** Other origins allowed to make state-changing requests (`https://shop.example.com`). */
  allowedOrigins?: readonly string[];
  /** Requests this returns true for are not checked (the webhooks route: server to server, signed). */
  exempt?: (c: Context) => boolean;
  /** Told of each refusal with its message (the handler logs the first per page origin). */
  onRefused?: (c: Context, message: string, pageOrigin: string | undefined) => void;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The request facts the decision needs, so that it is a pure function. */
export interface RequestOriginFacts {
  method: string;
  /**
   * The origin this request was addressed to, as the browser sees it (`https://example.com`):
   * the request URL's, or the public one behind a trusted proxy or with `publicUrl`.
   */
  ownOrigin: string;
  origin?: string | undefined;
  secFetchSite?: string | undefined;
  referer?: string | undefined;
}

/** Normalizes `https://Example.com:443/` to `https://example.com`; `undefined` when not an origin. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function isAllowed(origin: string, facts: RequestOriginFacts, allowed: ReadonlySet<string>): boolean {
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false; // `null` (sandboxed frames) and garbage
  // Scheme, host and port compared exactly: an https page is another origin than an http server.
  return allowed.has(normalized) || normalized === normalizeOrigin(facts.ownOrigin);
}

/**
 * Decides whether a request may go on. Pure.
 *
 * - Safe methods (GET, HEAD, OPTIONS) always may.
 * - With an `Origin`: it must be the request's own origin or an allowed one.
 * - Without one, a browser that says `Sec-Fetch-Site: cross-site`/`same-site` is refused, and a
 *   `Referer` from elsewhere is refused.
 * - With none of these, the caller is not a browser (curl, a server, a test): there is no ambient
 *   cookie for a third-party site to abuse, and browsers always send `Origin` on cross-origin
 *   POST/PUT/PATCH/DELETE, so letting it through opens no cross-site hole.
 */
export function isCrossSiteAllowed(facts: RequestOriginFacts, allowedOrigins: ReadonlySet<string>): boolean {
  if (!STATE_CHANGING.has(facts.method.toUpperCase())) return true;
  if (facts.origin !== undefined) return isAllowed(facts.origin, facts, allowedOrigins);
  const site = facts.secFetchSite?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') {
    return facts.referer !== undefined && isAllowed(facts.referer, facts, allowedOrigins);
  }
  if (facts.referer !== undefined) return isAllowed(facts.referer, facts, allowedOrigins);
  return true;
}

/** The facts of a Hono request; its own origin from the handler's public URL (see proxy.ts). */
export function originFacts(c: Context): RequestOriginFacts {
  return {
    method: c.req.method,
    ownOrigin: publicUrlOf(c).origin,
    origin: requestHeader(c, 'origin'),
    secFetchSite: requestHeader(c, 'sec-fetch-site'),
    referer: requestHeader(c, 'referer'),
  };
}

/**
 * Why a request was refused. A page on this very host but another scheme or port is almost always
 * a proxy the handler was not told about, so the message says what to configure.
 */
function refusalMessage(facts: RequestOriginFacts): string {
  const seen = normalizeOrigin(facts.origin ?? facts.referer ?? '');
  if (seen && new URL(seen).hostname === new URL(facts.ownOrigin).hostname) {
    const page = new URL(seen);
    // Same scheme, another port: a proxy that forwards the host without its port (nginx's `$host`).
    const fix =
      page.protocol === new URL(facts.ownOrigin).protocol
        ? 'behind a proxy set `trustProxy` and have the proxy forward the port (nginx: `proxy_set_header Host $http_host`, or `X-Forwarded-Port`), or set `publicUrl`'
        : 'behind a proxy set `trustProxy` or `publicUrl`';
    return (
      `Cross-site requests may not change anything here: the page's origin ${seen} is not this server's ` +
      `${facts.ownOrigin}; ${fix}, or list it in \`allowedOrigins\``
    );
  }
  if (seen) {
    return (
      `Cross-site requests may not change anything here: the page's origin ${seen} is not this server's ` +
      `${facts.ownOrigin}; if the page is yours, list it in \`allowedOrigins\` (or \`cors.origins\`), ` +
      "or, behind a proxy that rewrites the Host (a dev server's with `changeOrigin`), set `trustProxy` or `publicUrl`"
    );
  }
  return 'Cross-site requests may not change anything here';
}

/**
 * Hono middleware refusing cross-site state changes with 403 `forbidden`.
 *
 * @example app.use('*', crossSiteProtection({ allowedOrigins: ['https://shop.example.com'],
 *   exempt: (c) => c.req.path.includes('/webhooks/') }));
 */
export function crossSiteProtection(options: CrossSiteOptions = {}): MiddlewareHandler {
  const allowed = new Set(
    (options.allowedOrigins ?? []).map((o) => normalizeOrigin(o)).filter((o): o is string => o !== undefined),
  );
  return async (c, next) => {
    if (options.exempt?.(c) || isCrossSiteAllowed(originFacts(c), allowed)) {
      await next();
      return;
    }
    const facts = originFacts(c);
    const message = refusalMessage(facts);
    options.onRefused?.(c, message, normalizeOrigin(facts.origin ?? facts.referer ?? ''));
    return c.json({ error: { code: 'forbidden', message } }, 403);
  };
}
