/**
 * The fake against the real client: `@openrouter/sdk` parses every answer with its own schemas,
 * so a fake that drifts from the documented shapes fails here.
 */
import { OpenRouter } from '@openrouter/sdk';
import {
  BadRequestResponseError,
  PaymentRequiredResponseError,
  TooManyRequestsResponseError,
  UnauthorizedResponseError,
} from '@openrouter/sdk/models/errors';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, boxType, readAll, sdkFor, setup } from './helpers.js';

describe('the fake OpenRouter video API, through @openrouter/sdk', () => {
  it('lists its video models with discrete, per-model sets the SDK accepts', async () => {
    const { fake } = setup();
    const { data } = await sdkFor(fake).videoGeneration.listVideosModels();
    const sora = data.find((m) => m.id === 'openai/sora-2-pro');
    expect(sora?.supportedDurations).toEqual([4, 8, 12]);
    expect(sora?.supportedSizes).toContain('1792x1024');
    const veo = data.find((m) => m.id === 'google/veo-3.1');
    expect(veo?.supportedSizes).toBeNull();
    expect(veo?.supportedResolutions).toEqual(['720p', '1080p']);
    expect(veo?.pricingSkus?.['per-video-second']).toBe('0.40');
  });

  it('moves a job pending → in_progress → completed on its clock and serves a real MP4', async () => {
    const { fake, clock } = setup();
    const sdk = sdkFor(fake);
    const submitted = await sdk.videoGeneration.generate({
      videoGenerationRequest: {
        model: 'openai/sora-2-pro',
        prompt: 'a red fox',
        duration: 4,
        size: '1280x720',
      },
    });
    expect(submitted.status).toBe('pending');
    expect(submitted.pollingUrl).toBe(`/api/v1/videos/${submitted.id}`);

    const poll = () => sdk.videoGeneration.getGeneration({ jobId: submitted.id });
    expect((await poll()).status).toBe('pending');
    clock.advance(10_000);
    expect((await poll()).status).toBe('in_progress');
    clock.advance(20_000);
    const done = await poll();
    expect(done.status).toBe('completed');
    expect(done.unsignedUrls).toEqual([
      `https://openrouter.ai/api/v1/videos/${submitted.id}/content?index=0`,
    ]);
    expect(done.usage).toEqual({ cost: 1.2, isByok: false });

    const raw = await (
      await fake.fetch(`https://openrouter.ai/api/v1/videos/${submitted.id}`, {
        headers: { Authorization: `Bearer ${API_KEY}` },
      })
    ).json();
    expect(raw).not.toHaveProperty('progress');

    const stream = await sdk.videoGeneration.getVideoContent({ jobId: submitted.id, index: 0 });
    expect(boxType(await readAll(stream))).toBe('ftyp');
  });

  it('answers 400 in its error envelope for a duration outside the model set', async () => {
    const { fake } = setup();
    const error = await sdkFor(fake)
      .videoGeneration.generate({
        videoGenerationRequest: { model: 'google/veo-3.1', prompt: 'a red fox', duration: 5 },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestResponseError);
    expect((error as BadRequestResponseError).error.code).toBe(400);
    expect((error as BadRequestResponseError).message).toMatch(/duration 5 .*supported: 4, 6, 8/);
    expect(fake.counters.get('POST /videos')).toBe(1);
    expect(fake.jobs()).toHaveLength(0);
  });

  it('refuses a wrong key with 401, and the content route without a bearer too', async () => {
    const { fake, clock } = setup();
    const wrong = await sdkFor(fake, 'sk-or-v1-someone-else')
      .videoGeneration.generate({ videoGenerationRequest: { model: 'openai/sora-2-pro', prompt: 'x' } })
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(UnauthorizedResponseError);

    const job = await sdkFor(fake).videoGeneration.generate({
      videoGenerationRequest: { model: 'openai/sora-2-pro', prompt: 'x' },
    });
    clock.advance(60_000);
    const bare = await fake.fetch(`https://openrouter.ai/api/v1/videos/${job.id}/content?index=0`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ error: { code: 401, message: 'No auth credentials found' } });
  });

  it('answers 402 once the credits cannot pay for a clip', async () => {
    const { fake } = setup({ credits: 2 });
    const sdk = sdkFor(fake);
    const request = { model: 'openai/sora-2-pro', prompt: 'x', duration: 4, size: '1280x720' };
    await sdk.videoGeneration.generate({ videoGenerationRequest: request });
    expect(fake.credits()).toBeCloseTo(0.8);
    const error = await sdk.videoGeneration
      .generate({ videoGenerationRequest: request })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentRequiredResponseError);
  });

  it('answers fake:rate_limit with 429 and Retry-After twice, then accepts', async () => {
    const { fake } = setup();
    const sdk = sdkFor(fake);
    const request = { videoGenerationRequest: { model: 'openai/sora-2-pro', prompt: 'fox fake:rate_limit' } };
    for (let i = 0; i < 2; i++) {
      const error = await sdk.videoGeneration.generate(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TooManyRequestsResponseError);
      expect((error as TooManyRequestsResponseError).headers.get('retry-after')).toBe('1');
    }
    expect((await sdk.videoGeneration.generate(request)).status).toBe('pending');
  });

  it.each([
    ['fake:failed', 'failed', /failed to generate/],
    ['fake:moderation_blocked', 'failed', /moderation/],
    ['fake:cancelled', 'cancelled', /cancelled/],
    ['fake:expired', 'expired', /expired/],
  ])('ends a %s job as %s with a message', async (token, status, message) => {
    const { fake, clock } = setup();
    const sdk = sdkFor(fake);
    const job = await sdk.videoGeneration.generate({
      videoGenerationRequest: { model: 'google/veo-3.1', prompt: `a fox ${token}` },
    });
    clock.advance(30_000);
    const settled = await sdk.videoGeneration.getGeneration({ jobId: job.id });
    expect(settled.status).toBe(status);
    expect(settled.error).toMatch(message);
    expect(settled.unsignedUrls).toBeUndefined();
  });

  it('answers the content route 409 before completion and 410 once expired', async () => {
    const { fake, clock } = setup();
    const sdk = sdkFor(fake);
    const running = await sdk.videoGeneration.generate({
      videoGenerationRequest: { model: 'openai/sora-2-pro', prompt: 'a fox' },
    });
    const expired = await sdk.videoGeneration.generate({
      videoGenerationRequest: { model: 'openai/sora-2-pro', prompt: 'a fox fake:expired' },
    });
    const headers = { Authorization: `Bearer ${API_KEY}` };
    const content = (id: string) =>
      fake.fetch(`https://openrouter.ai/api/v1/videos/${id}/content?index=0`, { headers });
    expect((await content(running.id)).status).toBe(409);
    clock.advance(30_000);
    expect((await content(expired.id)).status).toBe(410);
    expect((await content(running.id)).status).toBe(200);
    expect((await content('job-nope')).status).toBe(404);
  });

  it('answers random faults like the OpenAI fake: every request a 500 at rate 1', async () => {
    const { fake } = setup({ faults: { serverErrorRate: 1 } });
    const response = await fake.fetch('https://openrouter.ai/api/v1/videos/job-1', {
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 500, message: 'Internal Server Error' } });
  });

  it('serves injected 5xx faults before doing any work', async () => {
    const { fake } = setup({ script: [{ route: 'GET /videos/models', status: 503, retryAfterSeconds: 7 }] });
    const response = await fake.fetch('https://openrouter.ai/api/v1/videos/models');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect((await fake.fetch('https://openrouter.ai/api/v1/videos/models')).status).toBe(200);
  });

  it('a fault scripted with the deprecated retryAfter still sends its Retry-After', async () => {
    const { fake } = setup({ script: [{ route: 'GET /videos/models', status: 429, retryAfter: 3 }] });
    const response = await fake.fetch('https://openrouter.ai/api/v1/videos/models');
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '3']);
  });
});

describe('the fake as msw handlers and as a server', () => {
  const server = setupServer();
  afterEach(() => server.close());

  it('answers the SDK at the default base URL through msw', async () => {
    const { fake, clock } = setup();
    server.use(...fake.handlers());
    server.listen({ onUnhandledRequest: 'error' });
    const sdk = new OpenRouterClient(API_KEY);
    const job = await sdk.videoGeneration.generate({
      videoGenerationRequest: { model: 'openai/sora-2-pro', prompt: 'a fox', size: '720x1280' },
    });
    clock.advance(30_000);
    const done = await sdk.videoGeneration.getGeneration({ jobId: job.id });
    expect(done.status).toBe('completed');
    const stream = await sdk.videoGeneration.getVideoContent({ jobId: job.id });
    expect(boxType(await readAll(stream))).toBe('ftyp');
  });

  it('rewrites a custom base URL and points unsigned_urls at it', async () => {
    const { fake, clock } = setup();
    server.use(...fake.handlers('http://gateway.test/openrouter/v1'));
    server.listen({ onUnhandledRequest: 'error' });
    const headers = { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' };
    const created = await fetch('http://gateway.test/openrouter/v1/videos', {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: 'openai/sora-2-pro', prompt: 'a fox' }),
    });
    expect(created.status).toBe(202);
    const { id, polling_url } = (await created.json()) as { id: string; polling_url: string };
    expect(polling_url).toBe(`/openrouter/v1/videos/${id}`);
    clock.advance(30_000);
    const job = (await (await fetch(`http://gateway.test${polling_url}`, { headers })).json()) as {
      unsigned_urls: string[];
    };
    expect(job.unsigned_urls[0]).toBe(`http://gateway.test/openrouter/v1/videos/${id}/content?index=0`);
  });

  it('serves the same API over a real socket', async () => {
    const { fake } = setup();
    const running = await fake.listen();
    try {
      const sdk = new OpenRouterClient(API_KEY, running.url);
      const { data } = await sdk.videoGeneration.listVideosModels();
      expect(data.map((m) => m.id)).toContain('google/veo-3.1');
    } finally {
      await running.close();
    }
  });
});

/** The SDK with its default HTTP client (so msw or a socket answers), retries off. */
class OpenRouterClient extends OpenRouter {
  constructor(apiKey: string, serverURL = 'https://openrouter.ai/api/v1') {
    super({ apiKey, serverURL, retryConfig: { strategy: 'none' } });
  }
}
