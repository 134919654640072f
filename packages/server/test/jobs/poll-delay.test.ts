import fc from 'fast-check';
import { expect, test } from 'vitest';
import { expectedCompletion, nextPollDelay } from '../../src/jobs/poll-delay.js';

const base = { minDelayMs: 1000, maxDelayMs: 15_000 };

test('polls quickly at first, then about as long as the job has run while it is queued', () => {
  const delays = [0, 1000, 2000, 4000, 8000, 40_000].map((elapsedMs) =>
    nextPollDelay({ ...base, elapsedMs, progress: 0 }),
  );
  expect(delays).toEqual([1000, 1000, 2000, 4000, 8000, 15_000]);
});

test('with no progress reported at all, ramps up to the longest pause over the first minute', () => {
  expect(nextPollDelay({ ...base, elapsedMs: 0 })).toBe(1000);
  expect(nextPollDelay({ ...base, elapsedMs: 30_000 })).toBe(8000);
  expect(nextPollDelay({ ...base, elapsedMs: 120_000 })).toBe(15_000);
});

// A 120 s job seen at 10 % after 12 s, moving 1 % every 1.2 s.
const paced = (elapsedMs: number, progress: number) => ({
  ...base,
  elapsedMs,
  progress,
  firstReading: { progress: 10, elapsedMs: 12_000 },
  currentReading: { progress, elapsedMs },
});

test('expects completion from the pace between the first reading and the current one', () => {
  // 64 % after 76.8 s: 35.5 % to go at 1.2 s each.
  expect(expectedCompletion(paced(76_800, 64))).toEqual({ atMs: 119_400, msPerPercent: 1200 });
  expect(expectedCompletion({ firstReading: { progress: 10, elapsedMs: 12_000 } })).toBeUndefined();
  // No movement yet: no pace.
  expect(expectedCompletion(paced(12_000, 10))).toBeUndefined();
});

test('pauses the longest in the middle, then aims the next poll at the expected completion', () => {
  expect(nextPollDelay(paced(40_000, 33))).toBe(15_000);
  // 88 % at 105.6 s: due at 119.4 s, 13.8 s away, inside one long pause: aimed there.
  expect(nextPollDelay(paced(105_600, 88))).toBe(13_800);
  // 99 % at 118.8 s: half a percent to go.
  expect(nextPollDelay(paced(118_800, 99))).toBe(600);
});

test('a job stuck past its expected completion is polled at most every minDelayMs, never in a burst', () => {
  const stuck = (elapsedMs: number) => ({
    ...paced(elapsedMs, 99),
    currentReading: { progress: 99, elapsedMs: 118_800 },
  });
  expect(nextPollDelay(stuck(119_400))).toBe(600); // just overdue: half a percent
  expect(nextPollDelay(stuck(120_200))).toBe(800); // as long as it is overdue
  expect(nextPollDelay(stuck(200_000))).toBe(1000); // then minDelayMs, as near the end before
});

test('a quick job gets an aimed poll sooner than minDelayMs, but not sooner than a tenth of it', () => {
  // A 3 s job: 33 % at 1 s, 66 % at 2 s.
  const quickJob = { ...base, firstReading: { progress: 33, elapsedMs: 1000 } };
  expect(
    nextPollDelay({
      ...quickJob,
      elapsedMs: 2000,
      progress: 66,
      currentReading: { progress: 66, elapsedMs: 2000 },
    }),
  ).toBe(1015);
  expect(
    nextPollDelay({
      ...quickJob,
      elapsedMs: 2990,
      progress: 99,
      currentReading: { progress: 99, elapsedMs: 2990 },
    }),
  ).toBe(100);
});

test('never polls earlier than Retry-After, nor more often than the safety net with webhooks', () => {
  expect(nextPollDelay({ ...base, elapsedMs: 0, progress: 0, retryAfterMs: 30_000 })).toBe(30_000);
  expect(nextPollDelay({ ...base, elapsedMs: 0, progress: 95, safetyNetDelayMs: 60_000 })).toBe(60_000);
});

test('backs off exponentially after failures, up to the maximum', () => {
  const delays = [1, 2, 3, 4, 10].map((failures) => nextPollDelay({ ...base, elapsedMs: 0, failures }));
  expect(delays).toEqual([2000, 4000, 8000, 15_000, 15_000]);
});

test('always stays within [min, max] without a known pace, and within [min / 10, max] with one', () => {
  fc.assert(
    fc.property(
      fc.nat(10_000_000),
      fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      fc.nat(30),
      (elapsedMs, progress, failures) => {
        const delay = nextPollDelay({ ...base, elapsedMs, progress, failures });
        return delay >= base.minDelayMs && delay <= base.maxDelayMs;
      },
    ),
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 98 }),
      fc.nat(1_000_000),
      fc.integer({ min: 1, max: 99 }),
      fc.nat(1_000_000),
      (firstProgress, firstMs, progress, sinceFirstMs) => {
        const currentMs = firstMs + sinceFirstMs;
        const delay = nextPollDelay({
          ...base,
          elapsedMs: currentMs + 500,
          progress,
          firstReading: { progress: firstProgress, elapsedMs: firstMs },
          currentReading: { progress, elapsedMs: currentMs },
        });
        return delay >= base.minDelayMs / 10 && delay <= base.maxDelayMs;
      },
    ),
  );
});

test('early in a job, an aimed pause is no longer than the job has run, so a failure halfway shows soon', () => {
  // A 10 s job at 20 % after 2 s: due at 9.95 s, but polled again after 2 s.
  const tenSecondJob = { ...base, firstReading: { progress: 10, elapsedMs: 1000 } };
  expect(
    nextPollDelay({
      ...tenSecondJob,
      elapsedMs: 2000,
      progress: 20,
      currentReading: { progress: 20, elapsedMs: 2000 },
    }),
  ).toBe(2000);
});

test('never pauses past the deadline, whose refresh fails the job', () => {
  expect(nextPollDelay({ ...base, elapsedMs: 16_000, progress: 0, deadlineMs: 20_000 })).toBe(4001);
  expect(nextPollDelay({ ...base, elapsedMs: 16_000, progress: 0, deadlineMs: 60_000 })).toBe(15_000);
});

test('a guessed progress (OpenRouter reports none) is not aimed at: every second from 90 %, as before', () => {
  const guessed = { ...base, progressEstimated: true, firstReading: { progress: 10, elapsedMs: 2000 } };
  const atNinety = {
    ...guessed,
    elapsedMs: 20_000,
    progress: 90,
    currentReading: { progress: 90, elapsedMs: 20_000 },
  };
  expect(nextPollDelay(atNinety)).toBe(1000);
  expect(nextPollDelay({ ...atNinety, progressEstimated: false })).toBe(2138);
});
