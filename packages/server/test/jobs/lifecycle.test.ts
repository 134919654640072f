import type { Job } from '@sora-kit/core';
import { afterEach, expect, test, vi } from 'vitest';
import { inProcessCoordinationFor } from '../../src/coordination/memory.js';
import { ProviderError } from '../../src/providers/errors.js';
import type { ProviderVideo, VideoProvider } from '../../src/providers/types.js';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.cleanup();
});

const get = async (user: ReturnType<typeof browser>, jobId: string) =>
  (await user.json<Job>(`/videos/${jobId}`)).body;

test('hooks are called exactly once per transition, even with two instances polling', async () => {
  const calls: string[] = [];
  const hooks = {
    onJobCreated: ({ job }: { job: Job }) => void calls.push(`created:${job.prompt}`),
    onJobCompleted: ({ job }: { job: Job }) => void calls.push(`completed:${job.prompt}`),
    onJobFailed: ({ job }: { job: Job }) => void calls.push(`failed:${job.prompt}:${job.error?.code}`),
  };
  h = await harness({ hooks });
  const other = h.restart({ hooks });
  const user = browser(h.handler);
  await user.post('/videos', { prompt: 'good' });
  await user.post('/videos', { prompt: 'fake:moderation_blocked' });
  for (let i = 0; i < 12; i++) {
    h.clock.advance(1000);
    await Promise.all([h.handler.pollOnce(), other.pollOnce()]);
  }
  expect(calls.sort()).toEqual([
    'completed:good',
    'created:fake:moderation_blocked',
    'created:good',
    'failed:fake:moderation_blocked:moderation_blocked',
  ]);
});

test('beforeCreate can refuse a job with a message the user sees, and no job is made', async () => {
  h = await harness({
    hooks: {
      beforeCreate: ({ input }) =>
        input.prompt.includes('forbidden') ? { refuse: 'Not on this site.' } : undefined,
    },
  });
  const user = browser(h.handler);
  const refused = await user.post('/videos', { prompt: 'something forbidden' });
  expect(refused.status).toBe(403);
  expect(refused.body).toEqual({ error: { code: 'forbidden', message: 'Not on this site.' } });
  expect(h.fake.calls.create).toBe(0);
  expect((await user.post('/videos', { prompt: 'fine' })).status).toBe(202);
});

test('a restarted server resumes every unfinished job and completes it', async () => {
  h = await harness();
  const user = browser(h.handler);
  const ids: string[] = [];
  for (const prompt of ['one', 'two', 'three'])
    ids.push(((await user.post('/videos', { prompt })).body as Job).jobId);
  await h.run(3000);
  await h.handler.close();
  h.clock.advance(60_000);
  const restarted = h.restart();
  // The new instance finds all three in storage and finishes them in its first pass.
  expect(await restarted.pollOnce()).toBe(3);
  const stored = await Promise.all(ids.map((id) => h.storage.getItem<{ job: Job }>(`sora:job:${id}`)));
  expect(stored.map((record) => record?.job.status)).toEqual(['completed', 'completed', 'completed']);
  const sameUser = user.using(restarted);
  const statuses = await Promise.all(ids.map(async (jobId) => (await get(sameUser, jobId)).status));
  expect(statuses).toEqual(['completed', 'completed', 'completed']);
  expect(h.fake.videoCount()).toBe(3);
});

test('a create whose answer was lost (crash) is re-sent with the same key: one video, job completes', async () => {
  h = await harness();
  // The first instance's provider makes the video upstream, then "dies" before the answer lands.
  let madeUpstream!: () => void;
  const upstreamDone = new Promise<void>((resolve) => {
    madeUpstream = resolve;
  });
  const lost: VideoProvider = {
    ...h.fake.provider,
    create: async (input) => {
      await h.fake.provider.create(input);
      madeUpstream();
      return new Promise<ProviderVideo>(() => {});
    },
  };
  const dying = h.restart({ provider: lost } as never);
  const createdByDying = browser(dying).post('/videos', { prompt: 'survive' });
  await upstreamDone;
  expect(h.fake.videoCount()).toBe(1);
  void createdByDying;

  await h.run(40_000);
  expect(await inProcessCoordinationFor(h.storage).scheduled()).toBe(0);
  expect(h.fake.videoCount()).toBe(1);
  expect(h.fake.calls.create).toBe(2);
});

test('a job that never finishes fails with timeout at the deadline', async () => {
  h = await harness({ polling: { deadlineMs: 20_000, leaseSettleMs: 0 } }, { generationMs: 3_600_000 });
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'forever' })).body as Job;
  await h.run(25_000);
  expect(await get(user, jobId)).toMatchObject({
    status: 'failed',
    error: { code: 'timeout', retryable: true },
  });
});

test('a provider failing every refresh spends the failure budget and fails upstream_failed, retryable', async () => {
  h = await harness({ polling: { failureBudget: 3, maxDelayMs: 2000, leaseSettleMs: 0 } });
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'flaky' })).body as Job;
  h.fake.provider.retrieve = async () => {
    throw new (await import('../../src/providers/errors.js')).ProviderError('unavailable', '502');
  };
  await h.run(30_000);
  const job = await get(user, jobId);
  expect(job).toMatchObject({ status: 'failed', error: { code: 'upstream_failed', retryable: true } });
  expect(job.error?.message).toMatch(/may still/);
});

test("a video whose provider copy expired before we copied it fails 'expired'", async () => {
  h = await harness({}, { keepMs: 1000 });
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'late' })).body as Job;
  await h.run(5000);
  h.clock.advance(10_000); // the server was away while the provider finished and expired it
  await h.handler.pollOnce();
  expect(await get(user, jobId)).toMatchObject({ status: 'failed', error: { code: 'expired' } });
});

test('without a polling loop, reads refresh stale jobs lazily and many readers make one upstream call', async () => {
  h = await harness();
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'lazy' })).body as Job;
  h.clock.advance(5000);
  const before = h.fake.calls.retrieve;
  const reads = await Promise.all(Array.from({ length: 10 }, () => get(user, jobId)));
  expect(h.fake.calls.retrieve - before).toBe(1);
  expect(reads.some((job) => job.progress > 0)).toBe(true);
  h.clock.advance(6000);
  await get(user, jobId);
  expect((await get(user, jobId)).status).toBe('completed');
});

test('progress never goes backwards and reaches 100 only when completed', async () => {
  h = await harness();
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'steady' })).body as Job;
  const seen: number[] = [];
  for (let i = 0; i < 14; i++) {
    await h.run(1000);
    const job = await get(user, jobId);
    seen.push(job.progress);
    if (job.status !== 'completed') expect(job.progress).toBeLessThan(100);
  }
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen.at(-1)).toBe(100);
});

test('admission is asked before any upstream call and settled exactly once per job', async () => {
  const events: string[] = [];
  let next = 0;
  const admission = {
    admit: async ({ seconds }: { seconds: number }) => {
      if (seconds === 12) {
        events.push('refused');
        return {
          ok: false as const,
          code: 'quota_exceeded' as const,
          message: 'No more today.',
          retryAfterSeconds: 60,
        };
      }
      const reservation = `r${++next}`;
      events.push(`admit:${reservation}`);
      return { ok: true as const, reservation };
    },
    settle: async (reservation: string, outcome: string) =>
      void events.push(`settle:${reservation}:${outcome}`),
  };
  h = await harness({ limits: admission });
  const other = h.restart({ limits: admission });
  const user = browser(h.handler);
  const refused = await user.post('/videos', { prompt: 'long', seconds: 12 });
  expect(refused.status).toBe(429);
  expect(refused.response.headers.get('retry-after')).toBe('60');
  expect(refused.body).toMatchObject({ error: { code: 'quota_exceeded', message: 'No more today.' } });
  expect(h.fake.calls.create).toBe(0);

  await user.post('/videos', { prompt: 'ok' }); // r1 completes
  await user.post('/videos', { prompt: 'fake:failed' }); // r2 fails
  const doomed = (await user.post('/videos', { prompt: 'deleted early' })).body as Job; // r3 deleted
  await user.fetch(`/videos/${doomed.jobId}`, { method: 'DELETE' });
  for (let i = 0; i < 12; i++) {
    h.clock.advance(1000);
    await Promise.all([h.handler.pollOnce(), other.pollOnce()]);
  }
  expect(events.filter((e) => e.startsWith('settle')).sort()).toEqual([
    'settle:r1:completed',
    'settle:r2:failed',
    'settle:r3:completed',
  ]);
});

test('a video whose download always fails ends upstream_failed instead of looping to the deadline', async () => {
  h = await harness({
    polling: { failureBudget: 4, maxDelayMs: 2000, leaseSettleMs: 0 },
    copy: { attempts: 1 },
  });
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'unreachable file' })).body as Job;
  h.fake.provider.download = async () => {
    throw new (await import('../../src/providers/errors.js')).ProviderError('unavailable', 'CDN down');
  };
  await h.run(60_000);
  expect(await get(user, jobId)).toMatchObject({
    status: 'failed',
    error: { code: 'upstream_failed', retryable: true },
  });
});

test('a thumbnail that fails every try gets another pass, and the job completes with it', async () => {
  h = await harness({ copy: { attempts: 1 } });
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'thumb' })).body as Job;
  const download = h.fake.provider.download.bind(h.fake.provider);
  let refused = 0;
  h.fake.provider.download = async (id, variant, options) => {
    if (variant === 'thumbnail' && refused++ < 1) {
      throw new (await import('../../src/providers/errors.js')).ProviderError('unavailable', 'flaky');
    }
    return download(id, variant, options);
  };
  await h.run(20_000);
  const job = await get(user, jobId);
  expect(job.status).toBe('completed');
  expect(job.asset?.variants).toEqual(['video', 'thumbnail', 'spritesheet']);
});

test('startPolling drives jobs by itself; stopPolling stops upstream calls; a restart of the loop resumes', async () => {
  h = await harness({ polling: { tickMs: 5, leaseSettleMs: 0 } });
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'looped' })).body as Job;
  const upstream = { inFlight: 0 };
  const retrieve = h.fake.provider.retrieve.bind(h.fake.provider);
  h.fake.provider.retrieve = async (id, options) => {
    upstream.inFlight++;
    try {
      return await retrieve(id, options);
    } finally {
      upstream.inFlight--;
    }
  };
  // The loop's timers are faked, so the test moves them (vi.waitFor advances them as it checks)
  // and can show that nothing comes after a stop without sleeping.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    h.handler.startPolling();
    h.handler.startPolling(); // idempotent
    h.clock.advance(4000);
    await vi.waitFor(() => expect(h.fake.calls.retrieve).toBeGreaterThan(0), { timeout: 5000, interval: 10 });
    h.handler.stopPolling();
    // A pass already under way finishes on its own: wait for its upstream calls to end.
    await vi.waitFor(() => expect(upstream.inFlight).toBe(0), { timeout: 5000, interval: 5 });
    const stopped = h.fake.calls.retrieve;
    h.clock.advance(20_000);
    await vi.runAllTimersAsync(); // every timer there is fires now; a loop still running would call upstream
    expect(h.fake.calls.retrieve).toBe(stopped);
    h.handler.startPolling();
    await vi.waitFor(
      async () => {
        const stored = await h.storage.getItem<{ job: Job }>(`sora:job:${jobId}`);
        expect(stored?.job.status).toBe('completed');
      },
      { timeout: 5000, interval: 10 },
    );
  } finally {
    h.handler.stopPolling();
    vi.useRealTimers();
  }
});

test('a create whose answer was lost, repeated by the client with its Idempotency-Key, is one video', async () => {
  h = await harness();
  const create = h.fake.provider.create.bind(h.fake.provider);
  let lose = true;
  h.fake.provider.create = async (input, options) => {
    const video = await create(input, options);
    if (lose) {
      lose = false;
      throw new ProviderError('unavailable', 'socket hang up'); // made upstream, answer lost
    }
    return video;
  };
  const user = browser(h.handler);
  const first = await user.post('/videos', { prompt: 'once only' }, { 'idempotency-key': 'tap-1' });
  expect(first.status).toBe(503);
  const again = await user.post('/videos', { prompt: 'once only' }, { 'idempotency-key': 'tap-1' });
  expect(again.status).toBe(202);
  expect(h.fake.videoCount()).toBe(1);
  // Without a key each create is its own video.
  await user.post('/videos', { prompt: 'no key' });
  expect(h.fake.videoCount()).toBe(2);
});
