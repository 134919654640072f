/**
 * Scripted faults: the next N calls to one route answer a given error (429 with `Retry-After`,
 * 5xx, 402…) in OpenRouter's envelope instead of doing their work. Random faults (shares of
 * requests, latency, cut downloads) use the fake kit's `FakeFaults` options.
 */

/** The routes faults can target, keyed like the counters. */
export type FakeOpenRouterRoute =
  | 'POST /videos'
  | 'GET /videos/:id'
  | 'GET /videos/:id/content'
  | 'GET /videos/models';

/** One injected failure. */
export interface FakeOpenRouterFault {
  route: FakeOpenRouterRoute;
  status: number;
  /** Seconds for `Retry-After` (429 and 503). */
  retryAfterSeconds?: number;
  /** @deprecated Use `retryAfterSeconds` (the same seconds; the unit is in the name). */
  retryAfter?: number;
  message?: string;
  /** How many calls it hits; default 1. */
  times?: number;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  402: 'Insufficient credits. Add more using https://openrouter.ai/settings/credits',
  429: 'Rate limit exceeded. Please slow down.',
  500: 'Internal Server Error',
  502: 'Bad gateway: the upstream provider returned an invalid response',
  503: 'Service temporarily unavailable',
};

/** A queue of faults per route. */
export interface ScriptedFaults {
  add(fault: FakeOpenRouterFault): void;
  /** Takes the next fault for a route key, if any, counting it down. */
  take(route: string): { status: number; message: string; retryAfterSeconds?: number } | undefined;
  clear(): void;
}

/** Creates an empty queue, preloaded with `initial`. */
export function createScriptedFaults(initial: FakeOpenRouterFault[] = []): ScriptedFaults {
  const pending: { fault: FakeOpenRouterFault; left: number }[] = [];
  const queue: ScriptedFaults = {
    add(fault) {
      pending.push({ fault, left: fault.times ?? 1 });
    },
    take(route) {
      const entry = pending.find((p) => p.fault.route === route && p.left > 0);
      if (!entry) return undefined;
      entry.left -= 1;
      if (entry.left === 0) pending.splice(pending.indexOf(entry), 1);
      const { status } = entry.fault;
      const retryAfterSeconds = entry.fault.retryAfterSeconds ?? entry.fault.retryAfter;
      return {
        status,
        message: entry.fault.message ?? DEFAULT_MESSAGES[status] ?? `HTTP ${status}`,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      };
    },
    clear() {
      pending.length = 0;
    },
  };
  for (const fault of initial) queue.add(fault);
  return queue;
}
