/**
 * A per-client limit on requests that start work (create, retry, remix), keyed by something the
 * host trusts to tell callers apart beyond their identity — usually the client IP its proxy reports.
 * Anonymous identities cost nothing to mint, so per-identity limits alone do not stop one caller
 * who drops the cookie each time; this does.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Storage } from 'unstorage';
import { inProcessCoordinationFor } from '../coordination/memory.js';
import type { Coordination } from '../coordination/types.js';
import { DEFAULT_LIMITS_PREFIX, identityKey } from './keys.js';
import { type RateLimitOptions, takeRate } from './rate-limit.js';
import { toRetryAfterSeconds } from './window.js';

/** Options of the per-client limit (`limits.perClient`). */
export interface PerClientOptions extends RateLimitOptions {
  /**
   * Names the client of a request, or `undefined` to skip the check (e.g. a trusted backend).
   * Read it from your platform or proxy, which you trust: `(c) => c.req.header('cf-connecting-ip')`.
   * A header any caller can set (a bare `X-Forwarded-For` without a proxy) protects nothing.
   */
  key: (c: Context) => string | undefined;
}

/** Default: 20 starts per client per minute, which a household or an office behind one IP can share. */
export const DEFAULT_PER_CLIENT: Required<RateLimitOptions> = {
  limit: 20,
  windowSeconds: 60,
  algorithm: 'sliding',
};

/** Whether a request starts upstream work: `POST /videos`, `/videos/:id/retry`, `/videos/:id/remix`. */
export function startsWork(c: Context): boolean {
  return c.req.method === 'POST' && /\/videos(\/[^/]+\/(retry|remix))?\/?$/.test(c.req.path);
}

/**
 * Hono middleware answering 429 `rate_limited` with `Retry-After` to a client over its limit, before
 * the request is read or any upstream call is made. Attempts count whether or not they succeed.
 */
export function perClientLimit(
  options: PerClientOptions,
  storage: Storage,
  now: () => number,
  coordination: Coordination = inProcessCoordinationFor(storage, now),
): MiddlewareHandler {
  const rate = {
    limit: options.limit ?? DEFAULT_PER_CLIENT.limit,
    windowSeconds: options.windowSeconds ?? DEFAULT_PER_CLIENT.windowSeconds,
    algorithm: options.algorithm ?? DEFAULT_PER_CLIENT.algorithm,
  };
  return async (c, next) => {
    const client = startsWork(c) ? options.key(c) : undefined;
    if (!client) return next();
    const key = `${DEFAULT_LIMITS_PREFIX}client:${await identityKey(client)}`;
    const taken = await takeRate(coordination, key, crypto.randomUUID(), rate, now());
    const retryAfterMs = taken.allowed ? 0 : taken.retryAfterMs;
    if (retryAfterMs === 0) return next();
    const retryAfterSeconds = toRetryAfterSeconds(retryAfterMs);
    c.header('Retry-After', String(retryAfterSeconds));
    return c.json(
      {
        error: {
          code: 'rate_limited',
          message: 'Too many videos started from here',
          details: { retryAfterSeconds },
        },
      },
      429,
    );
  };
}
