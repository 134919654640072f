/**
 * Window math for rate limits and quotas, as pure functions of the state read from storage and
 * the current time. The storage shells (rate-limit.ts, quota.ts) only read, decide here, and write.
 */

/** The verdict of a window check: allowed with the state to store, or refused with a wait. */
export type WindowVerdict<S> =
  | { allowed: true; state: S }
  | { allowed: false; retryAfterMs: number; state: S };

/** Sliding-log state: the times (epoch ms) of the hits still inside the window, oldest first. */
export type SlidingLog = number[];

/**
 * Sliding log: exact "at most `limit` hits in any `windowMs`". Keeps at most `limit` timestamps,
 * so the state stays small for the limits a video app uses (tens per minute).
 *
 * @example slidingWindow([0, 10], 20, 2, 60_000) // refused, retryAfterMs 59_980
 */
export function slidingWindow(
  log: SlidingLog,
  now: number,
  limit: number,
  windowMs: number,
): WindowVerdict<SlidingLog> {
  // Hits from the future (a clock that went back) are kept: they still count against the caller.
  const kept = log.filter((t) => t > now - windowMs).sort((a, b) => a - b);
  if (kept.length < limit) return { allowed: true, state: [...kept, now] };
  // The caller may come back when enough old hits have left the window to make room for one.
  const freeing = kept[kept.length - limit] ?? now;
  return { allowed: false, retryAfterMs: Math.max(1, freeing + windowMs - now), state: kept };
}

/** Fixed-window state: the start of the current window (epoch ms) and the hits counted in it. */
export interface FixedWindowState {
  start: number;
  count: number;
}

/**
 * Fixed window: at most `limit` hits per aligned window (`[k·windowMs, (k+1)·windowMs)`).
 * Constant-size state; allows up to twice the limit across a window boundary.
 */
export function fixedWindow(
  state: FixedWindowState | null,
  now: number,
  limit: number,
  windowMs: number,
): WindowVerdict<FixedWindowState> {
  const start = Math.floor(now / windowMs) * windowMs;
  const count = state && state.start === start ? state.count : 0;
  if (count < limit) return { allowed: true, state: { start, count: count + 1 } };
  return { allowed: false, retryAfterMs: Math.max(1, start + windowMs - now), state: { start, count } };
}

/** A calendar period of a quota, in UTC. */
export type QuotaPeriod = 'day' | 'month';

/**
 * The period containing `now`: a stable key (`2026-11-24`, `2026-11`) and when it ends.
 * Quotas use UTC so that every instance, whatever its time zone, agrees on the windows.
 */
export function quotaPeriod(period: QuotaPeriod, now: number): { key: string; endsAt: number } {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const mm = String(month + 1).padStart(2, '0');
  if (period === 'month') {
    return { key: `${year}-${mm}`, endsAt: Date.UTC(year, month + 1, 1) };
  }
  const day = date.getUTCDate();
  const dd = String(day).padStart(2, '0');
  return { key: `${year}-${mm}-${dd}`, endsAt: Date.UTC(year, month, day + 1) };
}

/** Milliseconds to whole seconds for `Retry-After`: rounded up, at least 1. */
export function toRetryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
