/**
 * Helpers for the host's own session: any function from the request to an identity is an auth
 * adapter. These make the common shapes safe (a bare user id, `undefined` for "nobody", a throw).
 */
import type { Context } from 'hono';
import type { AuthAdapter, Identity } from './types.js';

const MAX_IDENTITY_CHARS = 200;

/** What a host's own lookup may return: an id, an identity, or nobody. */
export type IdentityLookup = (
  c: Context,
) => Promise<string | Identity | null | undefined> | string | Identity | null | undefined;

/** A checked identity: a non-empty string of at most 200 characters, or `null`. */
export function toIdentity(value: string | Identity | null | undefined): Identity | null {
  const id = typeof value === 'string' ? value : value?.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_IDENTITY_CHARS) return null;
  return typeof value === 'object' && value?.anonymous === true ? { id, anonymous: true } : { id };
}

/**
 * Wraps the host's session lookup as an {@link AuthAdapter}: `undefined`, `null`, an empty id or
 * one over 200 characters all mean "nobody" (401), so a lookup bug can never merge two users under
 * an empty identity.
 *
 * @example
 * auth: identityFrom(async (c) => (await getSession(c.req.raw.headers))?.user.id)
 */
export function identityFrom(lookup: IdentityLookup): AuthAdapter {
  return async (c) => toIdentity(await lookup(c));
}

/**
 * Tries adapters in order and answers with the first identity found: signed-in users by JWT,
 * everyone else by anonymous session, for instance. `null` when none finds one.
 *
 * @example auth: firstIdentity(jwtAuth({ jwksUrl }), anonymousSessions({ secret }))
 */
export function firstIdentity(...adapters: AuthAdapter[]): AuthAdapter {
  return async (c) => {
    for (const adapter of adapters) {
      const identity = toIdentity(await adapter(c));
      if (identity) return identity;
    }
    return null;
  };
}
