/**
 * A provider removed from the options ("retired"): its jobs stay listed, playable and deletable
 * from our own copies; unfinished ones fail at once; nothing is sent to it again.
 */
import type { Job, JobPage, MediaLink } from '@sora-kit/core';
import { afterEach, expect, test } from 'vitest';
import { browser, type Harness, harness } from '../../support/harness.js';
import { twoProviderHost } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

test('after removing a provider, its finished job is listed, playable and deletable, and refuses a remix', async () => {
  const host = await twoProviderHost();
  h = host.h;
  const { user, openai, openrouterFake } = host;
  const veo = (await user.post('/videos', { prompt: 'Veo fox', model: 'google/veo-3.1', seconds: 4 }))
    .body as Job;
  await h.run(25_000);
  const before = await h.handler.request((await user.json<MediaLink>(`/videos/${veo.jobId}/media`)).body.url);
  const bytes = new Uint8Array(await before.arrayBuffer());
  expect(bytes.byteLength).toBeGreaterThan(0);

  // OpenRouter goes; the OpenAI fake alone remains.
  const next = h.restart({ provider: openai, providers: undefined });
  const after = user.using(next);
  const calls = () => Object.values(openrouterFake.counters.snapshot()).reduce((a, b) => a + b, 0);
  const upstreamBefore = calls();

  const listed = (await after.json<JobPage>('/videos')).body.items;
  expect(listed.map((j) => [j.jobId, j.provider, j.status])).toEqual([
    [veo.jobId, 'openrouter', 'completed'],
  ]);
  const link = (await after.json<MediaLink>(`/videos/${veo.jobId}/media`)).body;
  const media = await next.request(link.url);
  expect(media.status).toBe(200);
  expect(new Uint8Array(await media.arrayBuffer())).toEqual(bytes);

  const remix = await after.post(`/videos/${veo.jobId}/remix`, { prompt: 'again' });
  expect(remix.status).toBe(409);
  expect(remix.body).toMatchObject({ error: { code: 'conflict' } });
  expect((remix.body as { error: { message: string } }).error.message).toMatch(/no longer configured/);

  expect((await after.fetch(`/videos/${veo.jobId}`, { method: 'DELETE' })).status).toBe(204);
  expect((await after.fetch(`/videos/${veo.jobId}`)).status).toBe(404);
  expect((await next.request(link.url)).status).not.toBe(200);
  expect(calls()).toBe(upstreamBefore);
});

test('an unfinished job of a removed provider fails at once with a clear message and cannot be retried', async () => {
  const host = await twoProviderHost();
  h = host.h;
  const { user, openai, openrouterFake } = host;
  const pending = (await user.post('/videos', { prompt: 'Cut off', model: 'google/veo-3.1', seconds: 8 }))
    .body as Job;
  await h.run(3_000);
  expect((await user.json<Job>(`/videos/${pending.jobId}`)).body.status).not.toBe('failed');

  const next = h.restart({ provider: openai, providers: undefined });
  const after = user.using(next);
  const retrievesBefore = openrouterFake.counters.get('GET /videos/:id');
  h.clock.advance(1_000);
  await next.pollOnce();
  const failed = (await after.json<Job>(`/videos/${pending.jobId}`)).body;
  expect(failed).toMatchObject({
    status: 'failed',
    provider: 'openrouter',
    error: {
      code: 'upstream_failed',
      message: 'provider openrouter is no longer configured',
      retryable: false,
    },
  });
  expect(openrouterFake.counters.get('GET /videos/:id')).toBe(retrievesBefore);

  const retry = await after.post(`/videos/${pending.jobId}/retry`, {});
  expect(retry.status).toBe(409);
  expect(retry.body).toMatchObject({ error: { code: 'conflict' } });
  expect((await after.fetch(`/videos/${pending.jobId}`, { method: 'DELETE' })).status).toBe(204);
});

test('a video the provider no longer knows fails the job on the first refresh, not after the whole budget', async () => {
  h = await harness();
  const { handler, fake } = h;
  const user = browser(handler);
  const job = (await user.post('/videos', { prompt: 'Vanishing fox', seconds: 12 })).body as Job;
  await h.run(2_000);
  // The provider loses the video (deleted on its side); memory provider ids are sequential.
  await fake.provider.delete?.('video_1');
  h.clock.advance(20_000);
  await handler.pollOnce();
  const failed = (await user.json<Job>(`/videos/${job.jobId}`)).body;
  expect(failed.status).toBe('failed');
  expect(failed.error).toMatchObject({
    code: 'upstream_failed',
    message: 'The provider no longer knows this video.',
    retryable: true,
  });
});
