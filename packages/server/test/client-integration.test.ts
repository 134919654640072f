/**
 * @sora-kit/core's client and live store against the real handler over a real socket: the request
 * shapes, the error envelope, server-sent events and signed media, end to end in Node.
 * (Written by the core helper; it lives here because only the server package can import both.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createJobStore, createSoraClient, type Job, SoraApiError } from '@sora-kit/core';
import { Hono } from 'hono';
import sharp from 'sharp';
import { createStorage } from 'unstorage';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSoraHandler } from '../src/handler.js';
import { fakeProvider } from '../src/providers/fake-provider.js';
import { memoryBlobs } from '../src/testing.js';
import { type Harness, harness } from './support/harness.js';

/** Serves a Hono app on 127.0.0.1 on a free port. */
function listen(app: Hono): Promise<{ origin: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Event streams are long-lived by design; do not wait for them to time out.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}

let h: Harness;
let endpoint = '';
let close: () => Promise<void>;

/** A fetch with a cookie jar: one anonymous user, like one browser. */
function browserFetch(): typeof fetch {
  let cookie = '';
  return async (input, init) => {
    const request = new Request(input, init);
    if (cookie) request.headers.set('cookie', cookie);
    const response = await fetch(request);
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  };
}

beforeAll(async () => {
  h = await harness();
  const served = await listen(new Hono().route('/api/sora', h.handler));
  endpoint = `${served.origin}/api/sora`;
  close = served.close;
});

afterAll(async () => {
  await close?.();
  await h?.cleanup();
});

describe('the core client against the real handler', () => {
  it('creates, lists, fails cleanly, streams progress, plays, remixes and deletes', async () => {
    const client = createSoraClient({ endpoint, fetch: browserFetch() });
    const capabilities = await client.getCapabilities();
    const model = capabilities.models[0];
    expect(model).toBeDefined();

    const invalid = await client.createVideo({ prompt: '   ' }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(SoraApiError);
    expect(invalid).toMatchObject({ status: 400, code: 'invalid_request' });
    expect((invalid as SoraApiError).details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'prompt' })]),
    );

    const job = await client.createVideo({
      prompt: 'Waves at dawn',
      model: model?.id,
      size: model?.sizes[0],
    });
    expect(job).toMatchObject({ status: 'queued', prompt: 'Waves at dawn', attempts: 1 });
    expect((await client.listVideos({ limit: 5 })).items.map((j) => j.jobId)).toContain(job.jobId);
    await expect(client.getMediaLink(job.jobId)).rejects.toMatchObject({ status: 409, code: 'not_ready' });

    const store = createJobStore({ client, crossTab: false });
    await store.load();
    const release = store.retain();
    await vi.waitFor(() => expect(store.connection.value).toBe('live'), { timeout: 5000 });
    await h.run(15_000);
    await vi.waitFor(() => expect(store.job(job.jobId).value?.status).toBe('completed'), { timeout: 5000 });

    const link = await store.mediaLink(job.jobId);
    expect(await store.mediaLink(job.jobId)).toEqual(link);
    const bytes = await fetch(link.url, { headers: { Range: 'bytes=0-7' } });
    expect(bytes.status).toBe(206);
    expect(new TextDecoder().decode((await bytes.arrayBuffer()).slice(4, 8))).toBe('ftyp');

    const remix: Job = await store.remix(job.jobId, { prompt: 'Waves at night' });
    expect(remix.remixOf).toBe(job.jobId);
    expect(store.jobs.value[0]?.jobId).toBe(remix.jobId);

    // Someone else (another cookie jar) cannot see it.
    const stranger = createSoraClient({ endpoint, fetch: browserFetch() });
    await expect(stranger.getVideo(job.jobId)).rejects.toMatchObject({ status: 404, code: 'not_found' });

    // Another tab of the same user, without cross-tab sharing, hears the deletion on its own stream.
    const other = createJobStore({ client, crossTab: false });
    await other.load();
    const releaseOther = other.retain();
    await vi.waitFor(() => expect(other.connection.value).toBe('live'), { timeout: 5000 });
    expect(other.job(job.jobId).value?.status).toBe('completed');

    await store.remove(job.jobId);
    await vi.waitFor(() => expect(other.job(job.jobId).value).toBeUndefined(), { timeout: 5000 });
    releaseOther();
    await expect(client.getVideo(job.jobId)).rejects.toMatchObject({ status: 404 });
    expect(store.job(job.jobId).value).toBeUndefined();
    release();
    expect(store.connection.value).toBe('idle');
  });
});

describe('the core client against the default handler with the fake provider', () => {
  it('uploads a reference, rides out fake:rate_limit, and follows the job to completion live', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sora-core-client-'));
    const provider = fakeProvider();
    const handler = createSoraHandler({ provider, secret: 'x'.repeat(32), dataDir, logger: false });
    const served = await listen(new Hono().route('/api/sora', handler));
    try {
      const client = createSoraClient({ endpoint: `${served.origin}/api/sora`, fetch: browserFetch() });
      const model = (await client.getCapabilities()).models.find((m) => m.reference);
      const size = model?.sizes[0] ?? '1280x720';
      const [width, height] = size.split('x').map(Number);
      const png = await sharp({
        create: { width: width ?? 1280, height: height ?? 720, channels: 3, background: '#3366aa' },
      })
        .png()
        .toBuffer();
      const reference = new File([new Uint8Array(png)], 'start.png', { type: 'image/png' });

      const job = await client.createVideo({
        prompt: 'fake:rate_limit a lighthouse in fog',
        model: model?.id,
        size,
        inputReference: reference,
      });
      expect(job).toMatchObject({ status: 'queued', hasReference: true, size });
      // However many attempts it took, one job exists.
      expect((await client.listVideos()).items.map((j) => j.jobId)).toEqual([job.jobId]);

      const store = createJobStore({ client, crossTab: false });
      const release = store.retain();
      await vi.waitFor(() => expect(store.connection.value).toBe('live'), { timeout: 5000 });
      for (let i = 0; i < 30 && store.job(job.jobId).value?.status !== 'completed'; i++) {
        await provider.fake.advance(2000);
        await handler.pollOnce();
      }
      await vi.waitFor(() => expect(store.job(job.jobId).value?.status).toBe('completed'), { timeout: 5000 });
      expect(store.job(job.jobId).value?.asset?.variants).toContain('video');
      const thumbnail = await store.mediaLink(job.jobId, { variant: 'thumbnail' });
      const image = await fetch(thumbnail.url);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toMatch(/^image\//);
      release();
    } finally {
      await served.close();
      await handler.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('history pages beside the live stream', () => {
  it('"load more" always brings jobs not yet shown, with the stream open from the start', async () => {
    const provider = fakeProvider();
    const handler = createSoraHandler({
      provider,
      secret: 'x'.repeat(32),
      storage: createStorage(),
      blobs: memoryBlobs(),
      limits: false,
      quotas: false,
      logger: false,
    });
    const served = await listen(new Hono().route('/api/sora', handler));
    try {
      const client = createSoraClient({ endpoint: `${served.origin}/api/sora`, fetch: browserFetch() });
      for (let i = 0; i < 25; i++) await client.createVideo({ prompt: `scene ${i}` });
      const prompts = (store: { jobs: { value: readonly Job[] } }) => store.jobs.value.map((j) => j.prompt);
      const newest = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `scene ${24 - from - i}`);

      const store = createJobStore({ client, crossTab: false, pageSize: 10 });
      const release = store.retain();
      await store.load();
      await vi.waitFor(() => expect(store.connection.value).toBe('live'), { timeout: 5000 });
      // The stream's first jobs are the first page's, not the 25 a 50-job snapshot brought.
      expect(prompts(store)).toEqual(newest(10));
      expect(store.hasMore.value).toBe(true);
      await store.loadMore();
      expect(prompts(store)).toEqual(newest(20));
      await store.loadMore();
      expect(prompts(store)).toEqual(newest(25));
      expect(store.hasMore.value).toBe(false);
      release();

      // The limit is the list's: 1 to 100, refused otherwise in the contract's shape.
      const refused = await client.raw('/events?limit=500', { headers: { Accept: 'text/event-stream' } });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: { code: 'invalid_request', details: [{ path: 'limit' }] },
      });
    } finally {
      await served.close();
      await handler.close();
    }
  });
});
