/**
 * Creations per identity per window, as one atomic step on the coordination: the sliding window is
 * an expiring set with one member per admitted hit (at most `limit` live ones), the fixed window a
 * counter per aligned window. Racing instances cannot both take the last place.
 */
import type { Coordination } from '../coordination/types.js';

/** How many jobs one identity may create per window. */
export interface RateLimitOptions {
  /** Creations allowed per window. Default 10. */
  limit?: number;
  /** The window, in seconds. Default 60. */
  windowSeconds?: number;
  /**
   * `sliding` (default): exact over any window, keeps up to `limit` entries.
   * `fixed`: one counter per aligned window, constant size, up to 2× the limit across a boundary.
   */
  algorithm?: 'sliding' | 'fixed';
}

/** The defaults: 10 creations per minute per identity, sliding. */
export const DEFAULT_RATE_LIMIT: Required<RateLimitOptions> = {
  limit: 10,
  windowSeconds: 60,
  algorithm: 'sliding',
};

/** A hit that was counted, with how to take it back; or a refusal with a wait. */
export type RateTake =
  | { allowed: true; undo: () => Promise<void> }
  | { allowed: false; retryAfterMs: number };

/**
 * Counts one hit `member` (unique per request) against the window under `key` at `now` (epoch ms),
 * or refuses it when the window is full.
 */
export async function takeRate(
  coordination: Coordination,
  key: string,
  member: string,
  options: Required<RateLimitOptions>,
  now: number,
): Promise<RateTake> {
  const windowMs = options.windowSeconds * 1000;
  if (options.algorithm === 'fixed') {
    const start = Math.floor(now / windowMs) * windowMs;
    const windowKey = `${key}:${start}`;
    const ok = await coordination.addWithin(windowKey, 1, { limit: options.limit, ttlMs: windowMs * 2 });
    if (!ok) return { allowed: false, retryAfterMs: Math.max(1, start + windowMs - now) };
    return {
      allowed: true,
      undo: () => coordination.addWithin(windowKey, -1, { ttlMs: windowMs * 2 }).then(() => {}),
    };
  }
  const claim = await coordination.claimSlot(key, member, {
    cap: options.limit,
    now,
    expiresAt: now + windowMs,
  });
  if (!claim.ok) return { allowed: false, retryAfterMs: Math.max(1, claim.freesAt - now) };
  return { allowed: true, undo: () => coordination.releaseSlot(key, member) };
}
