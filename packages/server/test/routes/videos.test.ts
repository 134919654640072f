import type { Job, JobPage, MediaLink } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.cleanup();
});

describe('creating and reading videos', () => {
  test('a created video is queued with the defaults filled in and can be read back', async () => {
    const user = browser(h.handler);
    const created = await user.post('/videos', { prompt: 'A cat on a skateboard' });
    expect(created.status).toBe(202);
    const job = created.body as Job;
    expect(job).toMatchObject({
      status: 'queued',
      progress: 0,
      prompt: 'A cat on a skateboard',
      model: 'sora-2',
      size: '1280x720',
      seconds: 4,
      provider: 'memory',
      hasReference: false,
      attempts: 1,
    });
    expect(job.jobId).toMatch(/^job_[0-9A-Z]{26}$/);
    const read = await user.json<Job>(`/videos/${job.jobId}`);
    expect(read.status).toBe(200);
    expect(read.body.jobId).toBe(job.jobId);
  });

  test('the first request gets an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await h.handler.request('http://localhost/videos');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sora_kit_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const https = await h.handler.request('https://example.com/videos');
    expect(https.headers.get('set-cookie')).toMatch(/Secure/);
  });

  test('a job progresses, completes with an asset read from the stored file, and its media plays', async () => {
    const user = browser(h.handler);
    const { body: job } = await user.post('/videos', {
      prompt: 'Waves at dawn',
      size: '720x1280',
      seconds: 8,
    });
    const { jobId } = job as Job;
    const notReady = await user.json<{ error: { code: string } }>(`/videos/${jobId}/media`);
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.code).toBe('not_ready');

    await h.run(4000);
    const middle = (await user.json<Job>(`/videos/${jobId}`)).body;
    expect(middle.status).toBe('in_progress');
    expect(middle.progress).toBeGreaterThan(0);
    expect(middle.progress).toBeLessThan(100);

    await h.run(8000);
    const done = (await user.json<Job>(`/videos/${jobId}`)).body;
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);
    expect(done.completedAt).toBeDefined();
    expect(done.asset).toMatchObject({ contentType: 'video/mp4', width: 720, height: 1280 });
    expect(done.asset?.seconds).toBeCloseTo(8, 0);
    expect(done.asset?.variants).toEqual(['video', 'thumbnail', 'spritesheet']);

    const link = await user.json<MediaLink>(`/videos/${jobId}/media`);
    expect(link.status).toBe(200);
    expect(link.body.url.startsWith(`/media/${jobId}/video?`)).toBe(true);
    // The link works without the cookie.
    const media = await h.handler.request(link.body.url, { headers: { range: 'bytes=0-99' } });
    expect(media.status).toBe(206);
    expect(media.headers.get('content-type')).toBe('video/mp4');
    expect((await media.arrayBuffer()).byteLength).toBe(100);

    const thumb = await user.json<MediaLink>(`/videos/${jobId}/media?variant=thumbnail&download=1`);
    expect(thumb.body.url).toMatch(/\/media\/job_[^/]+\/thumbnail\?.*dl=1/);
    const bad = await user.json<{ error: { code: string } }>(`/videos/${jobId}/media?variant=poster`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
  });

  test('the media link carries the base path the handler is mounted under', async () => {
    const { Hono } = await import('hono');
    const app = new Hono();
    app.route('/api/sora', h.handler);
    const user = browser(app, 'http://localhost');
    const { body } = await user.post('/api/sora/videos', { prompt: 'Mounted' });
    await h.run(12_000);
    const link = await user.json<MediaLink>(`/api/sora/videos/${(body as Job).jobId}/media`);
    expect(link.body.url.startsWith(`/api/sora/media/${(body as Job).jobId}/video?`)).toBe(true);
    const media = await app.request(link.body.url);
    expect(media.status).toBe(200);
    const unknown = await user.json<{ error: { code: string } }>('/api/sora/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  test("two cookie jars are two users who never see each other's jobs", async () => {
    const alice = browser(h.handler);
    const bob = browser(h.handler);
    const { body } = await alice.post('/videos', { prompt: 'Alice only' });
    const jobId = (body as Job).jobId;
    await bob.post('/videos', { prompt: 'Bob only' });

    const aliceList = (await alice.json<JobPage>('/videos')).body;
    expect(aliceList.items.map((j) => j.prompt)).toEqual(['Alice only']);
    const foreign = await bob.json<{ error: { code: string; message: string } }>(`/videos/${jobId}`);
    const unknown = await bob.json<{ error: { code: string; message: string } }>(
      '/videos/job_00000000000000000000000000',
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    for (const path of [`/videos/${jobId}/media`, `/videos/${jobId}/events`]) {
      expect((await bob.fetch(path)).status).toBe(404);
    }
    expect((await bob.fetch(`/videos/${jobId}`, { method: 'DELETE' })).status).toBe(404);
    expect((await bob.fetch(`/videos/${jobId}/retry`, { method: 'POST' })).status).toBe(404);
    expect((await alice.json(`/videos/${jobId}`)).status).toBe(200);
  });

  test('the list is newest first and pages with an opaque cursor', async () => {
    const user = browser(h.handler);
    for (let i = 0; i < 5; i++) {
      await user.post('/videos', { prompt: `clip ${i}` });
      h.clock.advance(10);
    }
    const first = (await user.json<JobPage>('/videos?limit=2')).body;
    expect(first.items.map((j) => j.prompt)).toEqual(['clip 4', 'clip 3']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await user.json<JobPage>(`/videos?limit=2&cursor=${first.nextCursor}`)).body;
    expect(second.items.map((j) => j.prompt)).toEqual(['clip 2', 'clip 1']);
    const third = (await user.json<JobPage>(`/videos?limit=2&cursor=${second.nextCursor}`)).body;
    expect(third.items.map((j) => j.prompt)).toEqual(['clip 0']);
    expect(third.nextCursor).toBeNull();
    const defaults = (await user.json<JobPage>('/videos')).body;
    expect(defaults.items).toHaveLength(5);
  });

  test('capabilities list the provider models and the limits; health says ok', async () => {
    const caps = await browser(h.handler).json<{ provider: string; models: unknown[]; limits: unknown }>(
      '/capabilities',
    );
    expect(caps.status).toBe(200);
    expect(caps.body.provider).toBe('memory');
    expect(caps.body.models).toHaveLength(2);
    expect(caps.body.limits).toEqual({ maxPromptChars: 4000, maxReferenceBytes: 10 * 1024 * 1024 });
    const health = await h.handler.request('/health');
    expect(await health.json()).toEqual({ ok: true });
  });
});

describe('paging a long history', () => {
  test('pages cross index chunks in order, and cursors survive deletions', async () => {
    const user = browser(h.handler);
    const made: string[] = [];
    for (let i = 0; i < 230; i++) {
      made.push(((await user.post('/videos', { prompt: `n${i}` })).body as Job).jobId);
      h.clock.advance(1);
    }
    const newestFirst = [...made].reverse();
    const first = (await user.json<JobPage>('/videos?limit=100')).body;
    expect(first.items.map((j) => j.jobId)).toEqual(newestFirst.slice(0, 100));
    // Deleting jobs on either side of the cursor moves nothing.
    await user.fetch(`/videos/${newestFirst[5]}`, { method: 'DELETE' });
    await user.fetch(`/videos/${newestFirst[150]}`, { method: 'DELETE' });
    const second = (await user.json<JobPage>(`/videos?limit=100&cursor=${first.nextCursor}`)).body;
    const expectedSecond = newestFirst.slice(100, 201).filter((id) => id !== newestFirst[150]);
    expect(second.items.map((j) => j.jobId)).toEqual(expectedSecond);
    const third = (await user.json<JobPage>(`/videos?limit=100&cursor=${second.nextCursor}`)).body;
    expect(third.items.map((j) => j.jobId)).toEqual(newestFirst.slice(201));
    expect(third.nextCursor).toBeNull();

    // The cost of a page follows the page, not the history: its records plus a few index reads.
    const reads = vi.spyOn(h.storage, 'getItem');
    await user.json<JobPage>('/videos?limit=10');
    expect(reads.mock.calls.length).toBeLessThanOrEqual(10 + 3);
    reads.mockRestore();
  });
});
