/** Calls per route, so tests and benchmarks can see how a client used the fake. */

/** Read access to a fake's call counts, keyed like `"GET /videos/:id"` (each fake names its routes). */
export interface FakeCounters {
  /** Calls to one route (`"POST /videos"`, `"GET /videos/:id/content"`, …), 0 when never called. */
  get(route: string): number;
  /** Calls to every route together. */
  total(): number;
  /** Every route's count. */
  snapshot(): Record<string, number>;
  /** Back to zero. */
  reset(): void;
}

/** The mutable side, used by the app. */
export interface CounterSink extends FakeCounters {
  hit(route: string): void;
}

/** A fresh set of counters (one per fake instance). */
export function createCounters(): CounterSink {
  const counts = new Map<string, number>();
  return {
    hit(route) {
      counts.set(route, (counts.get(route) ?? 0) + 1);
    },
    get: (route) => counts.get(route) ?? 0,
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    snapshot: () => Object.fromEntries(counts),
    reset() {
      counts.clear();
    },
  };
}
