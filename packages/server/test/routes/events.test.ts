import type { Job } from '@sora-kit/core';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { browser, type Harness, harness } from '../support/harness.js';
import { sseReader } from '../support/sse.js';

let h: Harness;
beforeEach(async () => {
  // A loop "runs" (with a tick too long to ever fire), so streams never refresh lazily: every
  // change comes from the passes the test drives.
  h = await harness({ polling: { leaseSettleMs: 0, tickMs: 3_600_000 } });
  h.handler.startPolling();
});
afterEach(async () => {
  await h.cleanup();
});

test('a job stream sends the current state first, then every change, and ends after completion', async () => {
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'streamed' })).body as Job;
  const response = await user.fetch(`/videos/${jobId}/events`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events = sseReader(response);
  const first = await events.next();
  expect(first?.event).toBe('job');
  expect(JSON.parse(first?.data ?? '{}')).toMatchObject({ jobId, status: 'queued' });
  expect(first?.id).toMatch(/^\d+$/);

  const progressed = (async () => {
    const seen: Job[] = [];
    for (let event = await events.next(); event; event = await events.next())
      seen.push(JSON.parse(event.data));
    return seen;
  })();
  await h.run(12_000);
  const seen = await progressed;
  expect(seen.length).toBeGreaterThan(2);
  expect(seen.at(-1)).toMatchObject({ status: 'completed', progress: 100 });
  const progresses = seen.map((job) => job.progress);
  expect(progresses).toEqual([...progresses].sort((a, b) => a - b));
});

test('a job stream resumed with Last-Event-ID skips the state the client already has', async () => {
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'resume me' })).body as Job;
  const first = sseReader(await user.fetch(`/videos/${jobId}/events`));
  const seen = await first.next();
  await first.close();

  const resumed = sseReader(
    await user.fetch(`/videos/${jobId}/events`, { headers: { 'last-event-id': seen?.id ?? '' } }),
  );
  const pending = resumed.next();
  await h.run(3000);
  const next = await pending;
  const job = JSON.parse(next?.data ?? '{}') as Job;
  expect(job.progress).toBeGreaterThan(0);
  expect(Number(next?.id)).toBeGreaterThan(Number(seen?.id));
  await resumed.close();
});

test('/events sends every job first, then changes, and `deleted` when a job is removed', async () => {
  const user = browser(h.handler);
  const a = (await user.post('/videos', { prompt: 'a' })).body as Job;
  const events = sseReader(await user.fetch('/events'));
  const snapshot = await events.next();
  expect(snapshot?.event).toBe('job');
  expect(JSON.parse(snapshot?.data ?? '{}').jobId).toBe(a.jobId);

  const b = (await user.post('/videos', { prompt: 'b' })).body as Job;
  let event = await events.next();
  expect(JSON.parse(event?.data ?? '{}').jobId).toBe(b.jobId);
  const lastId = event?.id;

  await user.fetch(`/videos/${a.jobId}`, { method: 'DELETE' });
  event = await events.next();
  expect(event?.event).toBe('deleted');
  expect(JSON.parse(event?.data ?? '{}')).toEqual({ jobId: a.jobId });
  await events.close();

  // Resuming after `b` was announced replays only what came later: a's deletion.
  const resumed = sseReader(await user.fetch('/events', { headers: { 'last-event-id': lastId ?? '' } }));
  const replay = await resumed.next();
  expect(replay?.event).toBe('deleted');
  expect(JSON.parse(replay?.data ?? '{}')).toEqual({ jobId: a.jobId });
  await resumed.close();
});

test('deleting a job ends its stream with a `deleted` event', async () => {
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'short-lived' })).body as Job;
  const events = sseReader(await user.fetch(`/videos/${jobId}/events`));
  await events.next();
  await user.fetch(`/videos/${jobId}`, { method: 'DELETE' });
  const gone = await events.next();
  expect(gone?.event).toBe('deleted');
  expect(await events.next()).toBeNull();
});

test('a change made by another instance reaches the stream', async () => {
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'elsewhere' })).body as Job;
  const other = h.restart();
  const events = sseReader(await user.fetch(`/videos/${jobId}/events`));
  await events.next();
  h.clock.advance(5000);
  await other.pollOnce(); // written by the other instance: no local signal reaches this stream
  const next = await events.next();
  expect(JSON.parse(next?.data ?? '{}').progress).toBeGreaterThan(0);
  await events.close();
});

test("another user's job stream answers 404", async () => {
  const { jobId } = (await browser(h.handler).post('/videos', { prompt: 'mine' })).body as Job;
  const response = await browser(h.handler).fetch(`/videos/${jobId}/events`);
  expect(response.status).toBe(404);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
});

test('an idle stream sends a heartbeat comment every 15 seconds', async () => {
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'quiet' })).body as Job;
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  try {
    const response = await user.fetch(`/videos/${jobId}/events`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain('event: job');
    vi.advanceTimersByTime(15_000);
    while (!text.includes(': heartbeat')) text += decoder.decode((await reader.read()).value);
    expect(text).toMatch(/\n: heartbeat\n\n$/);
    await reader.cancel();
  } finally {
    vi.useRealTimers();
  }
});

test('a client that disconnects ends its streams and leaves no timers behind', async () => {
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'leave' })).body as Job;
  const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  const baseline = timers();
  const streams = await Promise.all([user.fetch(`/videos/${jobId}/events`), user.fetch('/events')]);
  const readers = streams.map((response) => sseReader(response));
  await Promise.all(readers.map((reader) => reader.next()));
  expect(timers()).toBeGreaterThan(baseline);
  await Promise.all(readers.map((reader) => reader.close()));
  await vi.waitFor(() => expect(timers()).toBe(baseline), { timeout: 3000, interval: 20 });
});
