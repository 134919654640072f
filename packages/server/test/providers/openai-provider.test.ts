import { fakeProvider, openaiProvider, ProviderError } from '@sora-kit/server';
import { createFakeOpenAI, type FakeOpenAIOptions } from '@sora-kit/server/testing';
import { setupServer } from 'msw/node';
import { APIUserAbortError } from 'openai';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const T0 = Date.UTC(2026, 2, 1);
const KEY = 'sk-proj-very-secret-key-1234';
const SECRET = `whsec_${btoa('provider webhook secret 32 bytes')}`;

function rig(options: FakeOpenAIOptions = {}, maxRetries = 0) {
  const fake = createFakeOpenAI({ apiKey: KEY, now: () => T0, ...options });
  const provider = openaiProvider({
    apiKey: KEY,
    baseURL: 'http://fake.local/v1',
    fetch: fake.fetch,
    maxRetries,
    webhookSecret: SECRET,
  });
  return { fake, provider };
}

const input = (over: Partial<Parameters<ReturnType<typeof rig>['provider']['create']>[0]> = {}) => ({
  prompt: 'a paper boat',
  model: 'sora-2',
  size: '1280x720',
  seconds: 4,
  idempotencyKey: crypto.randomUUID(),
  ...over,
});

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('openaiProvider: statuses and failures in our terms', () => {
  it('maps progress, completion and expires_at (ms)', async () => {
    const { fake, provider } = rig();
    const created = await provider.create(input());
    await fake.advance(6_000);
    const running = await provider.retrieve(created.id);
    expect(running).toMatchObject({ status: 'in_progress', progress: 50 });
    await fake.advance(6_000);
    const done = await provider.retrieve(created.id);
    expect(done.status).toBe('completed');
    expect(done.expiresAt).toBe((Math.floor((T0 + 12_000) / 1000) + 3600) * 1000);
    expect(done.error).toBeUndefined();
  });

  it('maps moderation to a final moderation_blocked and other failures to a retryable upstream_failed', async () => {
    const { fake, provider } = rig();
    const blocked = await provider.create(input({ prompt: 'fake:moderation_blocked' }));
    const broken = await provider.create(input({ prompt: 'fake:failed' }));
    await fake.advance(12_000);
    expect((await provider.retrieve(blocked.id)).error).toMatchObject({
      code: 'moderation_blocked',
      retryable: false,
    });
    expect((await provider.retrieve(broken.id)).error).toMatchObject({
      code: 'upstream_failed',
      retryable: true,
    });
  });

  it('sends the idempotency key: the same key gives the same video', async () => {
    const { fake, provider } = rig();
    const first = await provider.create(input({ idempotencyKey: 'job-42' }));
    const again = await provider.create(input({ idempotencyKey: 'job-42' }));
    expect(again.id).toBe(first.id);
    expect(fake.counters.get('POST /videos')).toBe(2);
    expect(fake.videos()).toHaveLength(1);
  });

  it('sends the reference as an input_reference file', async () => {
    const { fake, provider } = rig();
    const bytes = new Uint8Array(
      await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    const created = await provider.create(
      input({ reference: { bytes, contentType: 'image/png', filename: 'ref.png' } }),
    );
    expect(created.status).toBe('queued');
    const wrong = new Uint8Array(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    const error = await failure(
      provider.create(input({ reference: { bytes: wrong, contentType: 'image/png', filename: 'r.png' } })),
    );
    expect(error).toMatchObject({ kind: 'rejected', status: 400, retryable: false });
    expect(fake.videos()).toHaveLength(1);
  });

  it('maps 400 to rejected, keeping the upstream code', async () => {
    const { provider } = rig();
    const error = await failure(provider.create(input({ size: '1792x1024' })));
    expect(error).toMatchObject({ kind: 'rejected', status: 400, code: 'invalid_value' });
  });

  it('keeps moderation_blocked as the code of a refused create', async () => {
    const refusing = async () =>
      new Response(
        JSON.stringify({
          error: {
            message: 'blocked',
            type: 'invalid_request_error',
            param: null,
            code: 'moderation_blocked',
          },
        }),
        {
          status: 400,
          headers: { 'content-type': 'application/json' },
        },
      );
    const provider = openaiProvider({
      apiKey: KEY,
      baseURL: 'http://x.local/v1',
      fetch: refusing,
      maxRetries: 0,
    });
    expect(await failure(provider.create(input()))).toMatchObject({
      kind: 'rejected',
      code: 'moderation_blocked',
    });
  });

  it('maps 401 to unauthorized without the key in the message', async () => {
    const { fake } = rig();
    const wrong = openaiProvider({
      apiKey: 'sk-proj-another-secret-9999',
      baseURL: 'http://fake.local/v1',
      fetch: fake.fetch,
      maxRetries: 0,
    });
    const error = await failure(wrong.retrieve('video_x'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.message).not.toContain('sk-proj-another-secret-9999');
  });

  it('maps 404 to not_found', async () => {
    const { provider } = rig();
    expect(await failure(provider.retrieve('video_gone'))).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('maps 429 to rate_limited with the Retry-After in ms', async () => {
    const { provider } = rig({ faults: { retryAfterSeconds: 7 } });
    const error = await failure(provider.create(input({ prompt: 'fake:rate_limit' })));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000, retryable: true });
  });

  it('maps 5xx and network failures to unavailable', async () => {
    const { provider } = rig({ faults: { serverErrorRate: 1 } });
    expect(await failure(provider.retrieve('video_x'))).toMatchObject({
      kind: 'unavailable',
      status: 500,
      retryable: true,
    });
    const offline = openaiProvider({
      apiKey: KEY,
      baseURL: 'http://x.local/v1',
      maxRetries: 0,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(await failure(offline.retrieve('video_x'))).toMatchObject({
      kind: 'unavailable',
      retryable: true,
    });
  });

  it('maps a timeout to unavailable and leaves an abort as an abort', async () => {
    const fake = createFakeOpenAI({ apiKey: KEY, now: () => T0, faults: { latencyMs: 300 } });
    const slow = openaiProvider({
      apiKey: KEY,
      baseURL: 'http://fake.local/v1',
      fetch: fake.fetch,
      maxRetries: 0,
      timeoutMs: 20,
    });
    expect(await failure(slow.retrieve('video_x'))).toMatchObject({ kind: 'unavailable', retryable: true });
    const controller = new AbortController();
    const pending = slow.retrieve('video_x', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const aborted = await pending;
    expect(aborted).not.toBeInstanceOf(ProviderError);
    expect(aborted).toBeInstanceOf(APIUserAbortError);
  });

  it('downloads every variant as a stream with type and length', async () => {
    const { fake, provider } = rig();
    const { id } = await provider.create(input({ size: '720x1280', seconds: 8 }));
    await fake.advance(12_000);
    for (const [variant, type] of [
      ['video', 'video/mp4'],
      ['thumbnail', 'image/jpeg'],
      ['spritesheet', 'image/jpeg'],
    ] as const) {
      const download = await provider.download(id, variant);
      const bytes = new Uint8Array(await new Response(download.body).arrayBuffer());
      expect(download.contentType).toBe(type);
      expect(download.bytes).toBe(bytes.byteLength);
    }
  });

  it('remixes with an idempotency key and deletes', async () => {
    const { fake, provider } = rig();
    const { id } = await provider.create(input());
    await fake.advance(12_000);
    const remix = await provider.remix?.(id, { prompt: 'at dusk', idempotencyKey: 'remix-1' });
    const again = await provider.remix?.(id, { prompt: 'at dusk', idempotencyKey: 'remix-1' });
    expect(remix?.id).toBe(again?.id);
    expect(fake.videos().find((v) => v.id === remix?.id)?.remixed_from_video_id).toBe(id);
    await provider.delete?.(id);
    expect(await failure(provider.retrieve(id))).toMatchObject({ kind: 'not_found' });
  });
});

describe('openaiProvider: webhooks', () => {
  it('verifies the fake’s signed events and reads the video id', async () => {
    const deliveries: Request[] = [];
    const { fake, provider } = rig({
      webhook: {
        url: 'https://app.example/hook',
        secret: SECRET,
        fetch: async (r) => {
          deliveries.push(r);
          return new Response(null);
        },
      },
    });
    const { id } = await provider.create(input());
    await fake.advance(12_000);
    const delivery = deliveries[0] as Request;
    const body = await delivery.text();
    const event = await provider.verifyWebhook?.(body, delivery.headers);
    expect(event).toEqual({
      eventId: delivery.headers.get('webhook-id'),
      videoId: id,
      type: 'video.completed',
    });
    const forged = await failure(
      Promise.resolve(provider.verifyWebhook?.(body.replace(id, 'video_other'), delivery.headers)),
    );
    expect(forged.kind).toBe('invalid_webhook');
    const unsigned = new Headers(delivery.headers);
    unsigned.delete('webhook-signature');
    expect((await failure(Promise.resolve(provider.verifyWebhook?.(body, unsigned)))).kind).toBe(
      'invalid_webhook',
    );
  });

  it('refuses every webhook when no secret is configured', async () => {
    const provider = openaiProvider({ apiKey: KEY });
    const error = await failure(Promise.resolve(provider.verifyWebhook?.('{}', new Headers())));
    expect(error.kind).toBe('invalid_webhook');
  });
});

describe('openaiProvider: configuration', () => {
  it('fails at construction without any API key, as the SDK did, and not on the first call', () => {
    const saved = { key: process.env.OPENAI_API_KEY, admin: process.env.OPENAI_ADMIN_KEY };
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_ADMIN_KEY;
    try {
      expect(() => openaiProvider()).toThrow(/OPENAI_API_KEY/);
      expect(() => openaiProvider({ apiKey: '' })).toThrow(/OPENAI_API_KEY/);
      process.env.OPENAI_API_KEY = KEY;
      expect(() => openaiProvider()).not.toThrow();
    } finally {
      for (const [name, value] of [
        ['OPENAI_API_KEY', saved.key],
        ['OPENAI_ADMIN_KEY', saved.admin],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('openaiProvider on Azure OpenAI (v1 API)', () => {
  const fake = createFakeOpenAI({ now: () => T0 });
  const server = setupServer(...fake.handlers('https://my-res.openai.azure.com/openai/v1'));
  const seen: Array<{ url: string; apiKey: string | null }> = [];
  beforeAll(() => {
    server.events.on('request:start', ({ request }) => {
      seen.push({ url: request.url, apiKey: request.headers.get('api-key') });
    });
    server.listen({
      onUnhandledRequest: (request, print) => void (request.url.startsWith('data:') || print.error()),
    });
  });
  afterAll(() => server.close());

  it('calls <endpoint>/openai/v1 with the api-key header, downloads included', async () => {
    const provider = openaiProvider({
      azure: { endpoint: 'https://my-res.openai.azure.com/', apiKey: 'azure-key-123', apiVersion: 'preview' },
      maxRetries: 0,
    });
    const { id } = await provider.create(input());
    await fake.advance(12_000);
    const thumbnail = await provider.download(id, 'thumbnail');
    await new Response(thumbnail.body).arrayBuffer();
    const calls = seen.filter((call) => !call.url.startsWith('data:'));
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/openai/v1/videos',
      `/openai/v1/videos/${id}/content`,
    ]);
    expect(calls.every((call) => call.apiKey === 'azure-key-123')).toBe(true);
    expect(calls.every((call) => new URL(call.url).searchParams.get('api-version') === 'preview')).toBe(true);
  });
});

describe('fakeProvider', () => {
  it('passes generationSeconds through and exposes the fake', async () => {
    const provider = fakeProvider({ now: () => T0, generationSeconds: 2 });
    const { id } = await provider.create(input());
    await provider.fake.advance(2_000);
    expect((await provider.retrieve(id)).status).toBe('completed');
    expect(provider.fake.counters.get('GET /videos/:id')).toBe(1);
  });
});
