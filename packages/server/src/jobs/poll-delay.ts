/**
 * How long to wait before refreshing a job again: a pure function of what is known, so the
 * pacing is tested without clocks.
 */

/** Inputs of {@link nextPollDelay}. */
export interface PollDelayInput {
  /** Milliseconds since the attempt began. */
  elapsedMs: number;
  /** Last known progress 0..100, when the provider reports one. */
  progress?: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** The provider asked us to wait this long (`Retry-After`). */
  retryAfterMs?: number;
  /** Webhooks deliver changes, so polling is only a safety net at this delay. */
  safetyNetDelayMs?: number;
  /** Consecutive failed refreshes so far (exponential backoff). */
  failures?: number;
}

/**
 * Quick at first (a job often fails or queues briefly), slower through the long middle of a
 * generation, quick again near 100 so completion shows without lag; backs off exponentially after
 * failures, never earlier than `Retry-After`, and no more often than the safety net with webhooks.
 */
export function nextPollDelay(input: PollDelayInput): number {
  const { elapsedMs, progress, minDelayMs, maxDelayMs } = input;
  const span = Math.max(0, maxDelayMs - minDelayMs);
  let delay: number;
  if ((input.failures ?? 0) > 0) {
    delay = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(20, input.failures ?? 0));
  } else if (progress !== undefined && progress >= 90) {
    delay = minDelayMs;
  } else {
    // 0 near the ends, 1 in the middle; unknown progress counts as the middle.
    const middle = progress === undefined ? 1 : 1 - Math.abs(progress - 45) / 45;
    // Ramp up over the first minute.
    const ramp = Math.min(1, Math.max(0, elapsedMs) / 60_000);
    delay = minDelayMs + span * Math.max(0, middle) * ramp;
  }
  if (input.safetyNetDelayMs !== undefined) delay = Math.max(delay, input.safetyNetDelayMs);
  if (input.retryAfterMs !== undefined) delay = Math.max(delay, input.retryAfterMs);
  return Math.round(delay);
}
