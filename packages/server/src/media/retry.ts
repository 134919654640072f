/** Bounded retry with exponential backoff, as a pure delay decision plus a cancellable sleep. */

/** How a copy retries transient failures. */
export interface RetryPolicy {
  /** Total tries, the first included (default 4). */
  attempts?: number;
  /** First delay in milliseconds (default 500), doubled each time. */
  baseDelayMs?: number;
  /** Longest delay (default 8000). */
  maxDelayMs?: number;
  /** Waits; injected so that tests need no real time. Must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * The delay before try number `attempt + 1` (attempt counts from 1), honouring a provider's
 * `Retry-After` when it asked for longer.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  const base = policy.baseDelayMs ?? 500;
  const max = policy.maxDelayMs ?? 8000;
  const exponential = Math.min(max, base * 2 ** (attempt - 1));
  return Math.max(exponential, Math.min(retryAfterMs ?? 0, max * 4));
}

/** A `setTimeout` sleep that rejects with the signal's reason when aborted. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
