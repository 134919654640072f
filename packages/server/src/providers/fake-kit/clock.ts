/** The fakes' sense of time: real time by default, moved by hand in tests and stories. */

/** A clock a fake reads for every status computation; `advance` moves it forward. */
export interface FakeClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Moves the clock forward by `ms` (never backwards). */
  advance(ms: number): void;
}

/**
 * A clock that follows `base` (default: the wall clock) plus whatever {@link FakeClock.advance}
 * added. With a frozen `base` (`() => T0`) it only moves when told to, which is what tests want.
 */
export function createFakeClock(base: () => number = () => Date.now()): FakeClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      offset += Math.max(0, ms);
    },
  };
}

/** Unix seconds, as the provider APIs report times. */
export function unixSeconds(epochMs: number): number {
  return Math.floor(epochMs / 1000);
}
