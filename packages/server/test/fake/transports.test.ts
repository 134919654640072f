import { fileURLToPath } from 'node:url';
import { createFakeOpenAI, fixtureName, nodeMediaLoader, urlMediaLoader } from '@sora-kit/server/testing';
import { setupServer } from 'msw/node';
import OpenAI, { AuthenticationError } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isJpeg, isMp4, T0 } from './helpers.js';

const packageRoot = new URL('../../', import.meta.url);

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
  it('finds the fixtures from the sources and from the built package (dist/)', async () => {
    const fromDist = nodeMediaLoader({ moduleUrl: new URL('dist/testing.js', packageRoot).href });
    const fromSrc = nodeMediaLoader({ moduleUrl: new URL('src/providers/fake/media.ts', packageRoot).href });
    const a = await fromDist('video', '1792x1024', 8);
    const b = await fromSrc('video', '1792x1024', 8);
    expect(a).toEqual(b);
    expect(isMp4(a as Uint8Array)).toBe(true);
  });

  it('explains a missing media folder instead of serving nothing', async () => {
    const lost = nodeMediaLoader({ moduleUrl: 'file:///nowhere/at/all/x.js' });
    await expect(lost('video', '1280x720', 4)).rejects.toThrow(/sample media not found/);
  });

  it('has a fixture for every size and length the fake accepts', async () => {
    const { FAKE_MODEL_SIZES, FAKE_SECONDS } = await import('@sora-kit/server/testing');
    const { access } = await import('node:fs/promises');
    const sizes = new Set(Object.values(FAKE_MODEL_SIZES).flat());
    for (const size of sizes) {
      for (const variant of ['video', 'thumbnail', 'spritesheet'] as const) {
        for (const seconds of FAKE_SECONDS) {
          await access(
            fileURLToPath(new URL(`media/${fixtureName(variant, size, Number(seconds))}`, packageRoot)),
          );
        }
      }
    }
  });

  it('urlMediaLoader fetches fixtures by name from a base URL (for browsers)', async () => {
    const asked: string[] = [];
    const loader = urlMediaLoader('https://cdn.example/media/', async (input) => {
      asked.push(String(input));
      return new Response(new Uint8Array([0xff, 0xd8, 0xff]));
    });
    const body = await loader('spritesheet', '1080x1920', 4);
    expect(isJpeg(new Uint8Array(await new Response(body as BodyInit).arrayBuffer()))).toBe(true);
    expect(asked).toEqual(['https://cdn.example/media/spritesheet-1080x1920.jpg']);
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
