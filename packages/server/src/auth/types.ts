import type { Context } from 'hono';

/** Who is calling. Every job belongs to exactly one identity. */
export interface Identity {
  /** Stable, opaque, at most 200 characters; used in storage keys only after hashing/escaping. */
  id: string;
  /**
   * Set by `anonymousSessions`: nobody signed in, the identity was minted for a cookie. Per-client
   * limits count such callers by address (see `limits.perClient`).
   */
  anonymous?: boolean;
}

/**
 * Resolves the caller's identity from a request. Returning `null` answers 401 `unauthorized`.
 * An adapter may set cookies on the context (anonymous sessions do).
 */
export type AuthAdapter = (c: Context) => Promise<Identity | null> | Identity | null;
