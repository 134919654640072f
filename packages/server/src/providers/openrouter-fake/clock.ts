/** The fake's sense of time: real by default, a hand-driven clock in tests and stories. */

/** Anything that tells the time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
  /** Jumps to an epoch time. */
  set(epochMs: number): void;
}

/** A manual clock starting at `start` (default 2026-10-01T00:00:00Z). */
export function createManualClock(start = Date.UTC(2026, 9, 1)): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += Math.max(0, ms);
    },
    set(epochMs) {
      current = epochMs;
    },
  };
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
