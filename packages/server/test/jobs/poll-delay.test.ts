import fc from 'fast-check';
import { expect, test } from 'vitest';
import { nextPollDelay } from '../../src/jobs/poll-delay.js';

const base = { minDelayMs: 1000, maxDelayMs: 15_000 };

test('polls quickly at first, slower in the middle of a long job, quickly again near the end', () => {
  const start = nextPollDelay({ ...base, elapsedMs: 0, progress: 0 });
  const middle = nextPollDelay({ ...base, elapsedMs: 120_000, progress: 45 });
  const end = nextPollDelay({ ...base, elapsedMs: 240_000, progress: 95 });
  expect(start).toBe(1000);
  expect(middle).toBe(15_000);
  expect(end).toBe(1000);
});

test('never polls earlier than Retry-After, nor more often than the safety net with webhooks', () => {
  expect(nextPollDelay({ ...base, elapsedMs: 0, progress: 0, retryAfterMs: 30_000 })).toBe(30_000);
  expect(nextPollDelay({ ...base, elapsedMs: 0, progress: 95, safetyNetDelayMs: 60_000 })).toBe(60_000);
});

test('backs off exponentially after failures, up to the maximum', () => {
  const delays = [1, 2, 3, 4, 10].map((failures) => nextPollDelay({ ...base, elapsedMs: 0, failures }));
  expect(delays).toEqual([2000, 4000, 8000, 15_000, 15_000]);
});

test('always stays within [min, max] unless Retry-After or the safety net ask for more', () => {
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
});
