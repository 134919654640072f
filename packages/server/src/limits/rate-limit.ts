/**
 * Creations per identity per window, with state in unstorage. The decision is the pure window math
 * of window.ts; this file only reads the state, decides, and hands back what to write.
 */
import type { SoraStorage } from '../storage.js';
import { type FixedWindowState, fixedWindow, type SlidingLog, slidingWindow } from './window.js';

/** How many jobs one identity may create per window. */
export interface RateLimitOptions {
  /** Creations allowed per window. Default 10. */
  limit?: number;
  /** The window, in seconds. Default 60. */
  windowSeconds?: number;
  /**
   * `sliding` (default): exact over any window, keeps up to `limit` timestamps.
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

/** A rate-limit check: allowed with the state to write once every other check passed, or refused. */
export type RateCheck =
  | { allowed: true; commit: () => Promise<void> }
  | { allowed: false; retryAfterMs: number };

function asLog(value: unknown): SlidingLog {
  return Array.isArray(value)
    ? value.filter((t): t is number => typeof t === 'number' && Number.isFinite(t))
    : [];
}

function asFixed(value: unknown): FixedWindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { start, count } = value as Partial<FixedWindowState>;
  return typeof start === 'number' && typeof count === 'number' ? { start, count } : null;
}

/** Checks one identity's creation rate at `now` (epoch ms) against the state under `key`. */
export async function checkRateLimit(
  storage: SoraStorage,
  key: string,
  options: Required<RateLimitOptions>,
  now: number,
): Promise<RateCheck> {
  const windowMs = options.windowSeconds * 1000;
  const stored = await storage.getItem(key);
  const verdict =
    options.algorithm === 'fixed'
      ? fixedWindow(asFixed(stored), now, options.limit, windowMs)
      : slidingWindow(asLog(stored), now, options.limit, windowMs);
  if (!verdict.allowed) return { allowed: false, retryAfterMs: verdict.retryAfterMs };
  // Drivers with expiry (redis, KV) drop the key once the window is over; others keep a tiny value.
  const ttl = options.windowSeconds * 2;
  return { allowed: true, commit: () => storage.setItem(key, verdict.state, { ttl }) };
}
