/**
 * @sora-kit/core's client and live store against the real handler over a real socket: the request
 * shapes, the error envelope, server-sent events and signed media, end to end in Node.
 * (Written by the core helper; it lives here because only the server package can import both.)
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createJobStore, createSoraClient, type Job, SoraApiError } from '@sora-kit/core';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, harness } from './support/harness.js';

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
  const app = new Hono().route('/api/sora', h.handler);
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      endpoint = `http://127.0.0.1:${info.port}/api/sora`;
      resolve();
    });
    close = () => new Promise<void>((done) => server.close(() => done()));
  });
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
