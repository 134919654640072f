/**
 * How long to wait before refreshing a job again: a pure function of what is known, so the
 * pacing is tested without clocks.
 */

/** A progress reading of the current attempt: the percentage and when it was seen. */
export interface ProgressReading {
  progress: number;
  /** Milliseconds since the attempt began. */
  elapsedMs: number;
}

/** Inputs of {@link nextPollDelay}. */
export interface PollDelayInput {
  /** Milliseconds since the attempt began. */
  elapsedMs: number;
  /** Last known progress 0..100, when the provider reports one. */
  progress?: number;
  /** The first reading of this attempt with progress above 0. */
  firstReading?: ProgressReading;
  /**
   * When the current progress was first seen. With {@link PollDelayInput.firstReading} it gives
   * the provider's pace, and so when the video should be done; a job stuck at one percentage
   * does not slow that pace down, it makes the job overdue.
   */
  currentReading?: ProgressReading;
  minDelayMs: number;
  maxDelayMs: number;
  /** The provider asked us to wait this long (`Retry-After`). */
  retryAfterMs?: number;
  /** Webhooks deliver changes, so polling is only a safety net at this delay. */
  safetyNetDelayMs?: number;
  /** Consecutive failed refreshes so far (exponential backoff). */
  failures?: number;
  /** The attempt fails `timeout` once it has run this long. */
  deadlineMs?: number;
  /** `progress` is a guess from elapsed time (see `ProviderVideo.progressEstimated`). */
  progressEstimated?: boolean;
}

/**
 * Polls aimed at the expected completion may come this many times sooner than `minDelayMs`:
 * that is what makes a finished video show without lag, and it costs one or two extra calls per
 * job, never a steady fast poll (once overdue the pace falls back to `minDelayMs`).
 */
const AIMED_SPEEDUP = 10;

/** When the video should be done, from the provider's pace: elapsed ms, and ms per percent. */
export function expectedCompletion(
  input: Pick<PollDelayInput, 'firstReading' | 'currentReading'>,
): { atMs: number; msPerPercent: number } | undefined {
  const { firstReading: first, currentReading: current } = input;
  if (!first || !current || current.progress >= 100) return undefined;
  const moved = current.progress - first.progress;
  const took = current.elapsedMs - first.elapsedMs;
  if (moved <= 0 || took <= 0) return undefined;
  const msPerPercent = took / moved;
  // Progress is a whole percentage: take the reading at the middle of its percent.
  return { atMs: current.elapsedMs + (100 - (current.progress + 0.5)) * msPerPercent, msPerPercent };
}

/**
 * Quick at first (a job often fails early), then spaced out while the job is queued and through
 * the long middle of a generation (up to `maxDelayMs`); once the provider's pace is known, the
 * next poll is aimed at the expected completion, so a finished video is seen within moments for
 * one or two calls instead of a poll every second near the end. Backs off exponentially after
 * failures, never earlier than `Retry-After`, and no more often than the safety net with webhooks.
 */
export function nextPollDelay(input: PollDelayInput): number {
  const { elapsedMs, progress, minDelayMs, maxDelayMs } = input;
  const elapsed = Math.max(0, elapsedMs);
  const expected = expectedCompletion(input);
  let delay: number;
  if ((input.failures ?? 0) > 0) {
    delay = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(20, input.failures ?? 0));
  } else if (input.progressEstimated && progress !== undefined) {
    // A guessed progress cannot tell when the video ends: quick near both ends, slower in the
    // middle, ramping up over the first minute.
    const middle = progress >= 90 ? 0 : 1 - Math.abs(progress - 45) / 45;
    delay =
      minDelayMs + Math.max(0, maxDelayMs - minDelayMs) * Math.max(0, middle) * Math.min(1, elapsed / 60_000);
  } else if (expected) {
    const remainingMs = expected.atMs - elapsed;
    const aimedFloor = minDelayMs / AIMED_SPEEDUP;
    if (remainingMs > maxDelayMs) {
      // Far from the end: the longest pause, landing a percent (at most half the way) before the end.
      delay = Math.min(
        maxDelayMs,
        Math.max(minDelayMs, elapsed),
        Math.max(remainingMs - expected.msPerPercent, remainingMs / 2),
      );
    } else if (remainingMs > 0) {
      // Aimed at the expected completion; early in a short job, no longer than it has run so far
      // (a failure halfway shows soon).
      delay = Math.max(aimedFloor, Math.min(remainingMs, Math.max(minDelayMs, elapsed)));
    } else {
      // Overdue: half a percent, then as long as it is overdue, up to `minDelayMs`.
      delay = Math.min(minDelayMs, Math.max(aimedFloor, expected.msPerPercent / 2, -remainingMs));
    }
  } else if (progress === undefined) {
    // No progress reported at all: ramp up to the longest pause over the first minute.
    delay = minDelayMs + Math.max(0, maxDelayMs - minDelayMs) * Math.min(1, elapsed / 60_000);
  } else {
    // Queued, or a single reading so far: pause about as long as the job has run (1, 2, 4, 8 …
    // seconds), so a long queue costs a handful of calls, not one per second.
    delay = Math.min(maxDelayMs, Math.max(minDelayMs, elapsed));
  }
  // The refresh after the deadline is the one that fails the job `timeout`: never pause past it.
  if (input.deadlineMs !== undefined && input.deadlineMs >= elapsed)
    delay = Math.min(delay, input.deadlineMs - elapsed + 1);
  if (input.safetyNetDelayMs !== undefined) delay = Math.max(delay, input.safetyNetDelayMs);
  if (input.retryAfterMs !== undefined) delay = Math.max(delay, input.retryAfterMs);
  return Math.round(delay);
}
