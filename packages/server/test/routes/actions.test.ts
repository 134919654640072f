import type { ApiError, Job, JobPage } from '@sora-kit/core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { blobKey } from '../../src/media/blob-keys.js';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.cleanup();
});

async function completedJob(user: ReturnType<typeof browser>, prompt = 'A lighthouse'): Promise<Job> {
  const { body } = await user.post('/videos', { prompt });
  await h.run(11_000);
  const job = (await user.json<Job>(`/videos/${(body as Job).jobId}`)).body;
  expect(job.status).toBe('completed');
  return job;
}

test('retry of a failed job answers 202 with the same jobId and one more attempt, then completes', async () => {
  const user = browser(h.handler);
  const { body } = await user.post('/videos', { prompt: 'fake:failed once' });
  const jobId = (body as Job).jobId;
  await h.run(5000);
  const failed = (await user.json<Job>(`/videos/${jobId}`)).body;
  expect(failed).toMatchObject({ status: 'failed', error: { code: 'upstream_failed' } });

  // Make the next attempt succeed: the double fails on the prompt token, so edit the stored video's prompt.
  for (const video of h.fake.videos.values()) video.input = { ...video.input, prompt: 'fine now' };
  const videosBefore = h.fake.videoCount();
  const retried = await user.json<Job>(`/videos/${jobId}/retry`, { method: 'POST' });
  expect(retried.status).toBe(202);
  expect(retried.body).toMatchObject({ jobId, status: 'queued', attempts: 2, progress: 0 });
  expect(retried.body.error).toBeUndefined();
  expect(h.fake.videoCount()).toBe(videosBefore + 1);
});

test('retry of a job that has not failed answers 409 conflict', async () => {
  const user = browser(h.handler);
  const { body } = await user.post('/videos', { prompt: 'busy' });
  const response = await user.json<ApiError>(`/videos/${(body as Job).jobId}/retry`, { method: 'POST' });
  expect(response.status).toBe(409);
  expect(response.body.error.code).toBe('conflict');
});

test('remix of a completed job makes a new job pointing at it; of an unfinished one, 409', async () => {
  const user = browser(h.handler);
  const source = await completedJob(user);
  const remix = await user.post(`/videos/${source.jobId}/remix`, { prompt: 'Now at night' });
  expect(remix.status).toBe(202);
  expect(remix.body).toMatchObject({
    remixOf: source.jobId,
    prompt: 'Now at night',
    model: source.model,
    size: source.size,
    status: 'queued',
  });
  expect((remix.body as Job).jobId).not.toBe(source.jobId);
  expect(h.fake.calls.remix).toBe(1);

  const pending = (await user.post('/videos', { prompt: 'not yet' })).body as Job;
  const refused = await user.post(`/videos/${pending.jobId}/remix`, { prompt: 'x' });
  expect(refused.status).toBe(409);
  expect((refused.body as ApiError).error.code).toBe('conflict');
  const invalid = await user.post(`/videos/${source.jobId}/remix`, { prompt: '' });
  expect(invalid.status).toBe(400);
});

test('delete removes the job, its list entry, every blob and its media links', async () => {
  const user = browser(h.handler);
  const job = await completedJob(user);
  const link = (await user.json<{ url: string }>(`/videos/${job.jobId}/media`)).body;
  expect((await h.handler.request(link.url)).status).toBe(200);
  expect(await h.blobs.stat(blobKey(job.jobId, 'video'))).not.toBeNull();

  const deleted = await user.fetch(`/videos/${job.jobId}`, { method: 'DELETE' });
  expect(deleted.status).toBe(204);
  expect((await user.fetch(`/videos/${job.jobId}`)).status).toBe(404);
  expect((await user.json<JobPage>('/videos')).body.items).toEqual([]);
  for (const variant of ['video', 'thumbnail', 'spritesheet'] as const) {
    expect(await h.blobs.stat(blobKey(job.jobId, variant))).toBeNull();
  }
  expect((await h.handler.request(link.url)).status).toBe(404);
  expect(h.fake.calls.delete).toBe(1);
});

test('the same Idempotency-Key from the same user answers the same job; another user gets their own', async () => {
  const alice = browser(h.handler);
  const bob = browser(h.handler);
  const key = { 'idempotency-key': 'click-1' };
  const first = await alice.post('/videos', { prompt: 'once' }, key);
  const again = await alice.post('/videos', { prompt: 'once' }, key);
  expect(again.status).toBe(202);
  expect((again.body as Job).jobId).toBe((first.body as Job).jobId);
  const [a, b] = await Promise.all([
    alice.post('/videos', { prompt: 'race' }, { 'idempotency-key': 'click-2' }),
    alice.post('/videos', { prompt: 'race' }, { 'idempotency-key': 'click-2' }),
  ]);
  expect((a.body as Job).jobId).toBe((b.body as Job).jobId);
  const other = await bob.post('/videos', { prompt: 'once' }, key);
  expect((other.body as Job).jobId).not.toBe((first.body as Job).jobId);
  expect((await alice.json<JobPage>('/videos')).body.items).toHaveLength(2);
  expect(h.fake.videoCount()).toBe(3);

  h.clock.advance(24 * 60 * 60 * 1000 + 1);
  const later = await alice.post('/videos', { prompt: 'once' }, key);
  expect((later.body as Job).jobId).not.toBe((first.body as Job).jobId);
});

test('a reference image is prepared, stored with the job, and resent on retry', async () => {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();
  const user = browser(h.handler);
  const form = new FormData();
  form.set('prompt', 'fake:failed from this picture');
  form.set('seconds', '4');
  form.set('input_reference', new File([new Uint8Array(png)], 'me.png', { type: 'image/png' }));
  const created = await user.json<Job>('/videos', { method: 'POST', body: form });
  expect(created.status).toBe(202);
  expect(created.body.hasReference).toBe(true);
  const stored = await h.blobs.stat(blobKey(created.body.jobId, 'reference'));
  expect(stored?.contentType).toBe('image/png');

  const text = new FormData();
  text.set('prompt', 'x');
  text.set('input_reference', new File(['not an image'], 'x.txt', { type: 'text/plain' }));
  const refused = await user.json<ApiError>('/videos', { method: 'POST', body: text });
  expect(refused.status).toBe(415);
  expect(refused.body.error.code).toBe('unsupported_media_type');

  await h.run(5000);
  const retried = await user.json<Job>(`/videos/${created.body.jobId}/retry`, { method: 'POST' });
  expect(retried.status).toBe(202);
  const attempt = [...h.fake.videos.values()].at(-1);
  const input = attempt?.input as { reference?: { contentType: string } } | undefined;
  expect(input?.reference?.contentType).toBe('image/png');
});

test('a job deleted while its refresh is in flight stays deleted', async () => {
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'racing' })).body as Job;
  const retrieve = h.fake.provider.retrieve.bind(h.fake.provider);
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reached: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => {
    reached = resolve;
  });
  h.fake.provider.retrieve = async (id, options) => {
    reached();
    await gate;
    return retrieve(id, options);
  };
  h.clock.advance(5000);
  const pass = h.handler.pollOnce();
  await inFlight; // the refresh is now waiting upstream: the delete lands mid-refresh
  expect((await user.fetch(`/videos/${jobId}`, { method: 'DELETE' })).status).toBe(204);
  release();
  await pass;
  expect((await user.fetch(`/videos/${jobId}`)).status).toBe(404);
  expect(await h.storage.hasItem(`sora:job:${jobId}`)).toBe(false);
  expect((await user.json<JobPage>('/videos')).body.items).toEqual([]);
});

test('media links expire after the configured TTL and stop working then', async () => {
  await h.cleanup();
  h = await harness({ mediaLinkTtlSeconds: 60 });
  const user = browser(h.handler);
  const job = await completedJob(user);
  const link = (await user.json<{ url: string; expiresAt: string }>(`/videos/${job.jobId}/media`)).body;
  const ttl = Date.parse(link.expiresAt) - h.clock.now().getTime();
  expect(ttl).toBeGreaterThan(59_000);
  expect(ttl).toBeLessThanOrEqual(60_000);
  expect((await h.handler.request(link.url)).status).toBe(200);
  h.clock.advance(61_000);
  const expired = await h.handler.request(link.url);
  expect(expired.status).toBe(403);
  expect(((await expired.json()) as ApiError).error.code).toBe('forbidden');
});
