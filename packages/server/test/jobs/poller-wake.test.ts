/**
 * The loop wakes when a job falls due, not at its next tick, and aims the poll after a job's
 * expected completion at that moment. Fake timers drive both the loop and the clock the handler
 * and the provider read, so each assertion is about a precise instant without waiting for it.
 */
import type { Job } from '@sora-kit/core';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ManualClock } from '../support/clock.js';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness | undefined;
/** The fake-timer clock, for the handler and the provider alike. */
const fakeClock: ManualClock = { now: () => new Date(), advance: (ms) => vi.advanceTimersByTime(ms) };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await h?.cleanup();
  h = undefined;
});

/** A handler whose loop ticks once an hour: any refresh sooner came from a due-time wake. */
async function slowTickHandler() {
  h = await harness({ polling: { tickMs: 3_600_000 }, now: fakeClock.now }, { clock: fakeClock });
  h.handler.startPolling();
  return h;
}

test('the loop refreshes a job when it falls due, long before the next tick', async () => {
  const { handler, fake } = await slowTickHandler();
  await browser(handler).post('/videos', { prompt: 'punctual' });
  // Just queued: the first refresh is due a second after the create.
  await vi.advanceTimersByTimeAsync(990);
  expect(fake.calls.retrieve).toBe(0);
  await vi.advanceTimersByTimeAsync(40);
  expect(fake.calls.retrieve).toBe(1);
  await vi.advanceTimersByTimeAsync(1030);
  expect(fake.calls.retrieve).toBe(2);
});

test('a stopped loop does not wake for jobs falling due', async () => {
  const { handler, fake } = await slowTickHandler();
  await browser(handler).post('/videos', { prompt: 'stopped' });
  handler.stopPolling();
  await vi.advanceTimersByTimeAsync(30_000);
  expect(fake.calls.retrieve).toBe(0);
});

test('the provider finishing is seen within moments, for a handful of calls over the whole job', async () => {
  const { handler, fake } = await slowTickHandler();
  const seenAt: { at: number; status: string }[] = [];
  const retrieve = fake.provider.retrieve.bind(fake.provider);
  fake.provider.retrieve = async (id, options) => {
    const video = await retrieve(id, options);
    seenAt.push({ at: Date.now(), status: video.status });
    return video;
  };
  const user = browser(handler);
  const createdAt = Date.now();
  const { jobId } = (await user.post('/videos', { prompt: 'aimed' })).body as Job;
  // The provider completes it 10 s after the create (the memory provider's generation time).
  await vi.advanceTimersByTimeAsync(10_300);
  const completedSeen = seenAt.find((call) => call.status === 'completed');
  expect(completedSeen?.at).toBeDefined();
  expect((completedSeen?.at ?? 0) - createdAt).toBeLessThanOrEqual(10_200);
  // Before: a poll every second from 90 % (and from 0 while queued) made it 12 or more.
  expect(fake.calls.retrieve).toBeLessThanOrEqual(8);
  // The copy reads and writes real files: let their callbacks run (setImmediate is not faked)
  // while fake time moves on in small steps, until the job shows completed.
  let status: string | undefined;
  for (let step = 0; step < 2000 && status !== 'completed'; step++) {
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(5);
    status = (await user.json<Job>(`/videos/${jobId}`)).body.status;
  }
  expect(status).toBe('completed');
});
