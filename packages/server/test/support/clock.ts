/** A clock that moves only when a test says so. */
export interface ManualClock {
  now(): Date;
  advance(ms: number): void;
}

/** Starts at `start` (default 2026-01-01T00:00:00Z). */
export function manualClock(start = Date.parse('2026-01-01T00:00:00Z')): ManualClock {
  let current = start;
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}
