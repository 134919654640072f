/**
 * Per-client limits, keyed by the caller's address (or whatever the host names the client by):
 * starts of work (create, retry, remix) and new anonymous sessions. Anonymous identities cost
 * nothing to mint, so per-identity limits alone do not stop one caller who drops the cookie each
 * time; these do. Both are on by default; which address counts is the socket's, or the one a
 * trusted proxy reports (`trustProxy`).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { inProcessCoordinationFor } from '../coordination/memory.js';
import type { Coordination } from '../coordination/types.js';
import type { SoraStorage } from '../storage.js';
import { DEFAULT_LIMITS_PREFIX, identityKey } from './limit-keys.js';
import { type RateLimitOptions, takeRate } from './rate-limit.js';
import { toRetryAfterSeconds } from './window.js';

/** Names the client of a request, or `undefined` to skip the check (e.g. a trusted backend). */
export type ClientKey = (c: Context) => string | undefined;

/** Options of the per-client limit on starts of work (`limits.perClient`). */
export interface PerClientOptions extends RateLimitOptions {
  /**
   * Names the client. Default: the client address (the socket's, or the proxy's report under
   * `trustProxy`). A header any caller can set (a bare `X-Forwarded-For` without a proxy)
   * protects nothing.
   */
  key?: ClientKey;
  /**
   * Whom the limit counts: `anonymous` (default when no `key` is given) only callers with an
   * anonymous session, `all` every caller (default when a `key` is given).
   */
  applies?: 'anonymous' | 'all';
}

/** Default: 20 starts per client per minute, which a household or an office behind one IP can share. */
export const DEFAULT_PER_CLIENT: Required<RateLimitOptions> = {
  limit: 20,
  windowSeconds: 60,
  algorithm: 'sliding',
};

/** Default: 30 new anonymous sessions per client per 10 minutes (a browser needs one, rarely a few). */
export const DEFAULT_SESSIONS_PER_CLIENT: Required<RateLimitOptions> = {
  limit: 30,
  windowSeconds: 600,
  algorithm: 'sliding',
};

/** Whether a request starts upstream work: `POST /videos`, `/videos/:id/retry`, `/videos/:id/remix`. */
export function startsWork(c: Context): boolean {
  return c.req.method === 'POST' && /\/videos(\/[^/]+\/(retry|remix))?\/?$/.test(c.req.path);
}

/** One rate limit per client on the coordination (atomic across instances); counts the attempt. */
function clientCounter(
  kind: string,
  options: RateLimitOptions,
  defaults: Required<RateLimitOptions>,
  deps: ClientLimitDeps,
) {
  const rate = { ...defaults, ...options };
  const coordination = deps.coordination ?? inProcessCoordinationFor(deps.storage, deps.now);
  return async (client: string): Promise<number> => {
    const key = `${DEFAULT_LIMITS_PREFIX}${kind}:${await identityKey(client)}`;
    const taken = await takeRate(coordination, key, crypto.randomUUID(), rate, deps.now());
    return taken.allowed ? 0 : taken.retryAfterMs;
  };
}

/** The contract's 429 envelope with `Retry-After` (limits/ sits below the HTTP error renderer). */
function tooMany(c: Context, message: string, retryAfterMs: number): Response {
  const retryAfterSeconds = toRetryAfterSeconds(retryAfterMs);
  c.header('Retry-After', String(retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  return c.json({ error: { code: 'rate_limited', message, details: { retryAfterSeconds } } }, 429);
}

/** What the per-client limits need from the handler. */
export interface ClientLimitDeps {
  storage: SoraStorage;
  /** Epoch milliseconds. */
  now: () => number;
  /** The client address in force (socket, or trusted proxy's report). */
  clientAddress: ClientKey;
  /** Where the counters live (default: in-process, per storage). */
  coordination?: Coordination;
}

/**
 * Hono middleware, mounted after the identity: answers 429 `rate_limited` with `Retry-After` to a
 * client over its limit, before the request body is read or any upstream call is made. Attempts
 * count whether or not they succeed.
 */
export function perClientLimit(options: PerClientOptions, deps: ClientLimitDeps): MiddlewareHandler {
  const key = options.key ?? deps.clientAddress;
  const applies = options.applies ?? (options.key ? 'all' : 'anonymous');
  const count = clientCounter('client', options, DEFAULT_PER_CLIENT, deps);
  return async (c, next) => {
    const identity = c.get('identity') as { anonymous?: boolean } | undefined;
    const counted = startsWork(c) && (applies === 'all' || identity?.anonymous === true);
    const client = counted ? key(c) : undefined;
    if (client) {
      const retryAfterMs = await count(client);
      if (retryAfterMs > 0) return tooMany(c, 'Too many videos started from here', retryAfterMs);
    }
    await next();
  };
}

/**
 * A check run after the auth adapter issued a new session: over the limit, the new cookie is taken
 * back and the seconds to wait are returned (0 when allowed), so one client cannot mint identities
 * without end.
 */
export function sessionCreationLimit(
  options: RateLimitOptions & { key?: ClientKey },
  deps: ClientLimitDeps,
): (c: Context) => Promise<number> {
  const key = options.key ?? deps.clientAddress;
  const count = clientCounter('sessions', options, DEFAULT_SESSIONS_PER_CLIENT, deps);
  return async (c) => {
    const client = key(c);
    if (!client) return 0;
    const retryAfterMs = await count(client);
    if (retryAfterMs === 0) return 0;
    c.header('Set-Cookie', undefined);
    return toRetryAfterSeconds(retryAfterMs);
  };
}
