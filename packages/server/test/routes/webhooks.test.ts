import type { ApiError, Job } from '@sora-kit/core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness({ webhooks: { enabled: true, safetyNetDelayMs: 60_000 } });
});
afterEach(async () => {
  await h.cleanup();
});

const deliver = (body: unknown, signature = 'valid') =>
  h.handler.request('http://localhost/webhooks/memory', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-test-signature': signature },
  });

test('with webhooks on, polling slows to a safety net and a webhook refreshes the job at once', async () => {
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'hooked' })).body as Job;
  const before = h.fake.calls.retrieve;
  await h.run(12_000);
  // The safety net has not come due yet: no refresh, the job still looks queued.
  expect(h.fake.calls.retrieve).toBe(before);
  const stored = await h.storage.getItem<{ job: Job }>(`sora:job:${jobId}`);
  expect(stored?.job.status).toBe('queued');

  const videoId = [...h.fake.videos.keys()][0];
  const response = await deliver({ id: 'evt_1', type: 'video.completed', data: { id: videoId } });
  expect(response.status).toBe(200);
  expect(h.fake.calls.retrieve).toBe(before + 1);
  expect((await user.json<Job>(`/videos/${jobId}`)).body.status).toBe('completed');
});

test('a replayed webhook event is ignored', async () => {
  await browser(h.handler).post('/videos', { prompt: 'once' });
  const videoId = [...h.fake.videos.keys()][0];
  const event = { id: 'evt_same', type: 'video.completed', data: { id: videoId } };
  expect((await deliver(event)).status).toBe(200);
  const after = h.fake.calls.retrieve;
  const replay = await deliver(event);
  expect(replay.status).toBe(200);
  expect(await replay.json()).toMatchObject({ duplicate: true });
  expect(h.fake.calls.retrieve).toBe(after);
});

test('a bad signature or payload answers 400; another provider name 404', async () => {
  const bad = await deliver({ id: 'evt_x', type: 'video.completed', data: { id: 'video_1' } }, 'forged');
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as ApiError).error.code).toBe('invalid_request');
  expect((await deliver('{not json')).status).toBe(400);
  const other = await h.handler.request('http://localhost/webhooks/openai', { method: 'POST', body: '{}' });
  expect(other.status).toBe(404);
});

test('a webhook for an unknown video is accepted and changes nothing', async () => {
  const response = await deliver({ id: 'evt_2', type: 'video.completed', data: { id: 'video_999' } });
  expect(response.status).toBe(200);
  expect(h.fake.calls.retrieve).toBe(0);
});

test('with a publicUrl, each create tells the provider where its webhooks go', async () => {
  const hosted = await harness({
    webhooks: { enabled: true },
    publicUrl: 'https://video.example.com/api/sora',
  });
  try {
    const sent: Array<string | undefined> = [];
    const inner = hosted.fake.provider;
    const handler = hosted.restart({
      provider: {
        ...inner,
        create: (input, call) => {
          sent.push(input.webhookUrl);
          return inner.create(input, call);
        },
      },
    });
    const user = browser(handler, 'https://video.example.com/api/sora');
    expect((await user.post('/videos', { prompt: 'hooked' })).status).toBe(202);
    expect(sent).toEqual(['https://video.example.com/api/sora/webhooks/memory']);
  } finally {
    await hosted.cleanup();
  }
});

test('without a publicUrl no webhook URL is guessed from the request', async () => {
  const sent: Array<string | undefined> = [];
  const inner = h.fake.provider;
  const handler = h.restart({
    provider: {
      ...inner,
      create: (input, call) => {
        sent.push(input.webhookUrl);
        return inner.create(input, call);
      },
    },
  });
  expect((await browser(handler).post('/videos', { prompt: 'hooked' })).status).toBe(202);
  expect(sent).toEqual([undefined]);
});
