/**
 * End to end: `createSoraHandler` with `openrouterProvider` over the fake OpenRouter, as a host
 * would run it after moving off the OpenAI Videos API.
 */
import type { Capabilities, Job, MediaLink } from '@sora-kit/core';
import { afterEach, describe, expect, test } from 'vitest';
import { openrouterProvider } from '../../../src/providers/openrouter.js';
import { createFakeOpenRouter, type FakeOpenRouter } from '../../../src/providers/openrouter-fake/fake.js';
import { browser, type Harness, harness } from '../../support/harness.js';
import { API_KEY, boxType } from './helpers.js';

const SECRET = 'whsec-handler-test';
let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

/** A handler whose provider is OpenRouter, answered by a fake on the handler's clock. */
async function openrouterHost(options: { webhooks?: boolean } = {}) {
  let handler: Harness['handler'] | undefined;
  const clock = { now: () => (h ? h.clock.now().getTime() : Date.parse('2026-01-01T00:00:00Z')) };
  const fake: FakeOpenRouter = createFakeOpenRouter({
    apiKey: API_KEY,
    now: clock.now,
    generationSeconds: 20,
    webhook: {
      secret: SECRET,
      fetch: async (request) => (handler as Harness['handler']).request(request),
      timestamp: clock.now,
    },
  });
  const provider = openrouterProvider({
    apiKey: API_KEY,
    fetch: fake.fetch,
    now: clock.now,
    models: ['google/veo-3.1', 'openai/sora-2-pro'],
    webhookSecret: SECRET,
    estimatedSeconds: 20,
    ...(options.webhooks ? { callbackUrl: 'http://localhost/webhooks/openrouter' } : {}),
  });
  h = await harness({ provider, ...(options.webhooks ? { webhooks: { enabled: true } } : {}) });
  handler = h.handler;
  return { h, fake, user: browser(h.handler) };
}

describe('createSoraHandler with openrouterProvider', () => {
  test('offers the OpenRouter models and runs a job to a completed, playable video', async () => {
    const { h, fake, user } = await openrouterHost();
    const caps = (await user.json<Capabilities>('/capabilities')).body;
    expect(caps.provider).toBe('openrouter');
    expect(caps.models.map((m) => m.id)).toEqual(['google/veo-3.1', 'openai/sora-2-pro']);
    expect(caps.models[0]).toMatchObject({
      sizes: ['1280x720', '720x1280', '1920x1080', '1080x1920'],
      seconds: [4, 6, 8],
      remix: false,
    });

    const created = await user.post('/videos', { prompt: 'Waves at dawn', size: '720x1280', seconds: 8 });
    expect(created.status).toBe(202);
    const job = created.body as Job;
    expect(job).toMatchObject({ provider: 'openrouter', model: 'google/veo-3.1', status: 'queued' });

    await h.run(10_000);
    const middle = (await user.json<Job>(`/videos/${job.jobId}`)).body;
    expect(middle.status).toBe('in_progress');
    expect(middle.progress).toBeGreaterThan(0);
    expect(middle.progress).toBeLessThan(100);

    await h.run(12_000);
    const done = (await user.json<Job>(`/videos/${job.jobId}`)).body;
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);
    expect(done.asset).toMatchObject({
      contentType: 'video/mp4',
      width: 720,
      height: 1280,
      variants: ['video'],
    });
    expect(done.asset?.seconds).toBeCloseTo(8, 0);
    expect(fake.counters.get('GET /videos/:id/content')).toBe(1);

    const link = await user.json<MediaLink>(`/videos/${job.jobId}/media`);
    const media = await h.handler.request(link.body.url);
    expect(media.status).toBe(200);
    expect(boxType(new Uint8Array(await media.arrayBuffer()))).toBe('ftyp');
  });

  test('refuses a length the model does not offer before anything is spent', async () => {
    const { fake, user } = await openrouterHost();
    const refused = await user.post('/videos', { prompt: 'x', model: 'google/veo-3.1', seconds: 5 });
    expect(refused.status).toBe(400);
    expect((refused.body as { error: { code: string } }).error.code).toBe('invalid_request');
    expect(fake.counters.get('POST /videos')).toBe(0);
  });

  test('a job the provider cancelled fails as upstream_failed, retryable', async () => {
    const { h, user } = await openrouterHost();
    const { body } = await user.post('/videos', {
      prompt: 'a fox fake:cancelled',
      model: 'openai/sora-2-pro',
    });
    const { jobId } = body as Job;
    await h.run(15_000);
    const failed = (await user.json<Job>(`/videos/${jobId}`)).body;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'upstream_failed', retryable: true });
  });

  test('a signed webhook nudges the job to completion; a forged one is refused', async () => {
    const { h, fake, user } = await openrouterHost({ webhooks: true });
    const { body } = await user.post('/videos', { prompt: 'Webhook fox', size: '1280x720', seconds: 4 });
    const { jobId } = body as Job;
    await h.handler.pollOnce();
    h.clock.advance(21_000);
    await fake.advance(0);
    expect(fake.webhookDeliveries().map((d) => d.status)).toEqual([200]);
    // The nudge re-read the job and copied the video without waiting for the next poll.
    const done = (await user.json<Job>(`/videos/${jobId}`)).body;
    expect(done.status).toBe('completed');

    const delivery = fake.webhookDeliveries()[0];
    const forged = await h.handler.request('http://localhost/webhooks/openrouter', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-openrouter-signature': `t=${Math.floor(h.clock.now().getTime() / 1000)},v1=00`,
      },
      body: delivery?.body ?? '{}',
    });
    expect(forged.status).toBe(400);
  });
});
