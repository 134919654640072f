/**
 * A provider's `Retry-After` (delta seconds or an HTTP date) in milliseconds: read with core's
 * `parseRetryAfter`, the one parser of that header (the client uses it too).
 */
import { parseRetryAfter } from '@sora-kit/core/protocol';

/** The header's wait in milliseconds, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  const seconds = parseRetryAfter(header ?? null, nowMs);
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}
