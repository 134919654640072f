import { clipForPrompt, createFakeOpenAI, nodeMediaLoader, urlMediaLoader } from '@sora-kit/server/testing';
import { setupServer } from 'msw/node';
import OpenAI, { AuthenticationError } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isJpeg, isMp4, T0 } from './helpers.js';

describe('fake OpenAI through msw: a plain client against https://api.openai.com/v1', () => {
  const fake = createFakeOpenAI({ apiKey: 'sk-msw', now: () => T0 });
  const server = setupServer(...fake.handlers());
  // The SDK probes FormData support with a `data:` URL fetch; everything else must be handled.
  beforeAll(() =>
    server.listen({
      onUnhandledRequest: (request, print) => {
        if (!request.url.startsWith('data:')) print.error();
      },
    }),
  );
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('creates, completes and downloads with no fetch option at all', async () => {
    const client = new OpenAI({ apiKey: 'sk-msw', maxRetries: 0 });
    const { id } = await client.videos.create({ prompt: 'through msw', size: '1280x720' });
    await fake.advance(12_000);
    expect((await client.videos.retrieve(id)).status).toBe('completed');
    const mp4 = new Uint8Array(await (await client.videos.downloadContent(id)).arrayBuffer());
    expect(isMp4(mp4)).toBe(true);
    expect(fake.counters.get('GET /videos/:id/content')).toBe(1);
  });

  it('keeps the API key check', async () => {
    const client = new OpenAI({ apiKey: 'sk-other', maxRetries: 0 });
    await expect(client.videos.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('serves any base URL it is given', async () => {
    server.use(...fake.handlers('https://proxy.example/openai/v1'));
    const client = new OpenAI({
      apiKey: 'sk-msw',
      baseURL: 'https://proxy.example/openai/v1',
      maxRetries: 0,
    });
    const page = await client.videos.list({ limit: 1 });
    expect(page.data).toHaveLength(1);
  });
});

describe('fake OpenAI over a real socket', () => {
  it('listen() serves the SDK on 127.0.0.1 and close() stops it', async () => {
    const fake = createFakeOpenAI({ generationSeconds: 0 });
    const server = await fake.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const client = new OpenAI({ apiKey: 'sk-any', baseURL: server.url, maxRetries: 0 });
      const { id } = await client.videos.create({ prompt: 'socket', size: '720x1280', seconds: '12' });
      expect((await client.videos.retrieve(id)).status).toBe('completed');
      const thumb = await client.videos.downloadContent(id, { variant: 'thumbnail' });
      expect(isJpeg(new Uint8Array(await thumb.arrayBuffer()))).toBe(true);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/videos`)).rejects.toThrow();
  });
});

describe('fake OpenAI server: webhooks without any request to prompt them', () => {
  it('a listening fake sends due webhooks from its own timer', async () => {
    const delivered: string[] = [];
    const fake = createFakeOpenAI({
      generationSeconds: 0,
      webhook: {
        url: 'https://hooks.example/x',
        secret: 'whsec_c2VjcmV0',
        fetch: async (request) => {
          delivered.push(JSON.parse(await request.text()).type);
          return new Response(null);
        },
      },
    });
    const server = await fake.listen({ sweepIntervalMs: 10 });
    try {
      const client = new OpenAI({ apiKey: 'sk-any', baseURL: server.url, maxRetries: 0 });
      await client.videos.create({ prompt: 'instant' });
      // The create itself swept before the video existed; only the timer can deliver it now.
      await vi.waitFor(() => expect(delivered).toEqual(['video.completed']), {
        timeout: 5_000,
        interval: 10,
      });
    } finally {
      await server.close();
    }
  });
});

describe('fake OpenAI in-process on the wall clock: sweepIntervalMs', () => {
  it('delivers due webhooks from a timer until close()', async () => {
    const delivered: string[] = [];
    const fake = createFakeOpenAI({
      generationSeconds: 0,
      sweepIntervalMs: 10,
      webhook: {
        url: 'https://hooks.example/x',
        secret: 'whsec_c2VjcmV0',
        fetch: async (request) => {
          delivered.push(JSON.parse(await request.text()).data.id);
          return new Response(null);
        },
      },
    });
    try {
      const client = new OpenAI({
        apiKey: 'sk-any',
        baseURL: 'http://fake.local/v1',
        fetch: fake.fetch,
        maxRetries: 0,
      });
      const { id } = await client.videos.create({ prompt: 'instant' });
      await vi.waitFor(() => expect(delivered).toEqual([id]), { timeout: 5_000, interval: 10 });
    } finally {
      fake.close();
    }
  });
});

describe('sample media loading', () => {
  it('reads @sora-kit/sample-media: one prompt gives one clip, another prompt another', async () => {
    const loader = nodeMediaLoader();
    const a = (await loader('video', '1792x1024', 8, clipForPrompt('a red kite'))) as Uint8Array;
    const again = (await loader('video', '1792x1024', 8, clipForPrompt('a red kite'))) as Uint8Array;
    expect(isMp4(a)).toBe(true);
    expect(again).toEqual(a);
    const other = (await loader('video', '1792x1024', 8, clipForPrompt('a red kite') + 1)) as Uint8Array;
    expect(other).not.toEqual(a);
  });

  it('urlMediaLoader fetches the package’s files by path from a base URL (for browsers)', async () => {
    const asked: string[] = [];
    const loader = urlMediaLoader('https://cdn.example/media/', async (input) => {
      asked.push(String(input));
      return new Response(new Uint8Array([0xff, 0xd8, 0xff]));
    });
    const body = await loader('spritesheet', '1080x1920', 4, 2);
    expect(isJpeg(new Uint8Array(await new Response(body as BodyInit).arrayBuffer()))).toBe(true);
    expect(asked).toEqual(['https://cdn.example/media/fractal/spritesheet-1080x1920.jpg']);
  });

  it('a remix is served another clip than the video it remixes', async () => {
    const fake = createFakeOpenAI({ apiKey: 'sk-remix', generationSeconds: 1 });
    const call = (path: string, init?: RequestInit) =>
      fake.fetch(`http://fake.local/v1${path}`, {
        ...init,
        headers: { authorization: 'Bearer sk-remix', 'content-type': 'application/json' },
      });
    const source = (await (
      await call('/videos', { method: 'POST', body: '{"prompt":"a lighthouse"}' })
    ).json()) as {
      id: string;
    };
    await fake.advance(60_000);
    const remix = (await (
      await call(`/videos/${source.id}/remix`, { method: 'POST', body: '{"prompt":"a lighthouse"}' })
    ).json()) as { id: string };
    await fake.advance(60_000);
    const bytes = async (id: string) =>
      new Uint8Array(await (await call(`/videos/${id}/content`)).arrayBuffer());
    const [original, remixed] = await Promise.all([bytes(source.id), bytes(remix.id)]);
    expect(isMp4(remixed)).toBe(true);
    expect(remixed).not.toEqual(original);
    fake.close();
  });
});

describe('fake OpenAI and browsers calling it directly', () => {
  it('answers CORS preflights without a key and exposes the request id', async () => {
    const fake = createFakeOpenAI({ apiKey: 'sk-cors' });
    const preflight = await fake.fetch('http://fake.local/v1/videos', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:6006',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const list = await fake.fetch('http://fake.local/v1/videos', {
      headers: { origin: 'http://localhost:6006', authorization: 'Bearer sk-cors' },
    });
    expect(list.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(fake.counters.total()).toBe(1);
  });
});
