/**
 * Anonymous sessions: each browser gets a random identity in a signed, HttpOnly cookie the first
 * time it calls. Two cookie jars are two users; losing the cookie means losing the history.
 */
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import { LRUCache } from 'lru-cache';
import { deriveSecret } from '../crypto.js';
import { publicUrlOf } from '../proxy.js';
import { requestCookie } from '../request-headers.js';
import type { AuthAdapter } from './types.js';

/** Options of {@link anonymousSessions}. */
export interface AnonymousSessionsOptions {
  /** At least 32 characters; a cookie-only key is derived from it. */
  secret: string;
  /** Default `sora_kit_session`. */
  cookieName?: string;
  /**
   * Force the cookie's `Secure` flag; by default it is set when the public origin is https (the
   * request's, or the handler's `publicUrl`, or what a trusted proxy reports).
   */
  secure?: boolean;
  /** Cookie lifetime in seconds (default 400 days, the most browsers keep). */
  maxAgeSeconds?: number;
}

const ID_SHAPE = /^anon_[A-Za-z0-9-]{36}$/;

/** Signed cookie values already verified, per adapter: the HMAC check is the read path's biggest cost. */
const VERIFIED_SESSIONS = 10_000;

/**
 * Context variable set when a request was given a new session. A browser's first requests often
 * run in parallel, each without a cookie, so each gets its own new identity and the browser keeps
 * only the last; whatever is bound to the others (an event stream) must not outlive them.
 */
export const SESSION_ISSUED = 'soraSessionIssued';

/**
 * An {@link AuthAdapter} that never answers 401: a caller without a valid session cookie gets a
 * new identity and a `Set-Cookie`.
 *
 * @example createSoraHandler({ provider, secret, auth: anonymousSessions({ secret }) })
 */
export function anonymousSessions(options: AnonymousSessionsOptions): AuthAdapter {
  if (typeof options.secret !== 'string' || options.secret.length < 32) {
    throw new TypeError('anonymousSessions: `secret` must be at least 32 characters');
  }
  const name = options.cookieName ?? 'sora_kit_session';
  const maxAge = options.maxAgeSeconds ?? 400 * 24 * 60 * 60;
  let key: Promise<string> | undefined;
  const cookieKey = () => {
    key ??= deriveSecret(options.secret, 'session-cookie');
    return key;
  };

  // A signed value that verified once always verifies (same key, same bytes): remember it.
  const verified = new LRUCache<string, string>({ max: VERIFIED_SESSIONS });

  return async (c) => {
    const raw = requestCookie(c, name);
    const known = raw === undefined ? undefined : verified.get(raw);
    if (known !== undefined) return { id: known, anonymous: true };
    const secret = await cookieKey();
    const existing = await getSignedCookie(c, secret, name);
    if (typeof existing === 'string' && ID_SHAPE.test(existing)) {
      if (raw !== undefined) verified.set(raw, existing);
      return { id: existing, anonymous: true };
    }
    const id = `anon_${crypto.randomUUID()}`;
    const secure = options.secure ?? publicUrlOf(c).origin.startsWith('https:');
    await setSignedCookie(c, name, id, secret, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge,
      secure,
    });
    // Long-lived streams opened with a brand-new session end early (see routes/events.ts).
    c.set(SESSION_ISSUED, true);
    return { id, anonymous: true };
  };
}
