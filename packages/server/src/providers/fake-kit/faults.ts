/** Fault injection: the failures a client of the real API meets now and then, on demand. */

/** Options of the fake's fault injection. Rates are shares of requests, 0..1. */
export interface FakeFaults {
  /** Share of requests answered `500` with the API's error envelope. */
  serverErrorRate?: number;
  /** Share of requests answered `429` with `Retry-After`. */
  rateLimitRate?: number;
  /** `Retry-After` of every 429 the fake sends, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Delay before every answer, in real milliseconds. */
  latencyMs?: number;
  /** Share of content downloads whose body breaks off halfway. */
  cutDownloadRate?: number;
  /** The random source deciding who gets a fault; pass {@link seededRandom} for repeatable runs. */
  random?: () => number;
  /**
   * Limits the 5xx/429 faults to these routes (counter keys such as `"GET /videos/:id/content"`);
   * default every route.
   */
  routes?: string[];
}

/** A repeatable random source (mulberry32) for fault injection. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the fault injector decided for one request. */
export type FaultDecision = 'server_error' | 'rate_limit' | undefined;

/** Decides faults for requests, drawing from one random source. */
export interface FaultInjector {
  /** The fault for a request to `route` (a counter key), if any. */
  request(route: string): FaultDecision;
  cutDownload(): boolean;
  retryAfterSeconds: number;
  latencyMs: number;
}

/** A fault injector for the given options (no faults when none are set). */
export function createFaultInjector(faults: FakeFaults = {}): FaultInjector {
  const random = faults.random ?? Math.random;
  const roll = (rate: number | undefined) => (rate ?? 0) > 0 && random() < (rate ?? 0);
  return {
    request(route) {
      if (faults.routes && !faults.routes.includes(route)) return undefined;
      if (roll(faults.serverErrorRate)) return 'server_error';
      if (roll(faults.rateLimitRate)) return 'rate_limit';
      return undefined;
    },
    cutDownload: () => roll(faults.cutDownloadRate),
    retryAfterSeconds: faults.retryAfterSeconds ?? 1,
    latencyMs: faults.latencyMs ?? 0,
  };
}

/** A stream that yields the first half of `bytes`, then errors: a connection cut mid-download. */
export function cutStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(half);
        return;
      }
      controller.error(new Error('sora-kit fake: connection cut mid-download'));
    },
  });
}
