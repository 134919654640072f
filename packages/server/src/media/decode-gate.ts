/**
 * How many reference images decode at once. Decoding takes a core and up to hundreds of MB for a
 * while; unbounded, twenty at once took the demo from 300 MB to 2 GB. A few run, a few wait, and
 * beyond that the caller is told to come back (503 `unavailable`), so waiting bodies cannot pile up.
 */
import pLimit from 'p-limit';
import { MediaBusyError } from './errors.js';

/** Options of {@link createDecodeGate}. */
export interface DecodeGateOptions {
  /** Decodes running at once (default 2). */
  concurrency?: number;
  /** Decodes waiting for a turn before new ones are refused (default 16). */
  maxWaiting?: number;
}

/** Seconds a refused upload is told to wait. */
const BUSY_RETRY_AFTER_SECONDS = 5;

/** Runs `work` when a decode slot is free; 503 `unavailable` when too many wait already. */
export type DecodeGate = <T>(work: () => Promise<T>) => Promise<T>;

/** Creates a gate (one per handler). */
export function createDecodeGate(options: DecodeGateOptions = {}): DecodeGate {
  const limit = pLimit(options.concurrency ?? 2);
  const maxWaiting = options.maxWaiting ?? 16;
  return (work) => {
    if (limit.pendingCount >= maxWaiting) {
      return Promise.reject(new MediaBusyError(BUSY_RETRY_AFTER_SECONDS));
    }
    return limit(work);
  };
}
