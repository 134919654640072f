/**
 * The migration of docs/migration.md, as a host lives it: videos made with `openaiProvider` before
 * the OpenAI Videos API shut down, then the same storage and blobs behind `openrouterProvider`.
 */
import type { Capabilities, Job, JobPage, MediaLink } from '@sora-kit/core';
import { afterEach, expect, test } from 'vitest';
import { openaiProvider } from '../../../src/providers/openai.js';
import { openrouterProvider } from '../../../src/providers/openrouter.js';
import { createFakeOpenRouter } from '../../../src/providers/openrouter-fake/fake.js';
import { createFakeOpenAI } from '../../../src/testing.js';
import { browser, type Harness, harness } from '../../support/harness.js';
import { API_KEY, boxType } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

test('after switching to OpenRouter, videos made with OpenAI stay listed, playable and deletable', async () => {
  const now = () => (h ? h.clock.now().getTime() : 0);
  const openai = createFakeOpenAI({ apiKey: 'sk-openai', now });
  h = await harness({
    provider: openaiProvider({
      apiKey: 'sk-openai',
      baseURL: 'http://fake.local/v1',
      fetch: openai.fetch,
      maxRetries: 0,
    }),
  });
  const before = browser(h.handler);
  const made = (await before.post('/videos', { prompt: 'Before the shutdown', size: '1280x720', seconds: 4 }))
    .body as Job;
  await h.run(15_000);
  expect((await before.json<Job>(`/videos/${made.jobId}`)).body).toMatchObject({
    status: 'completed',
    provider: 'openai',
  });

  // 2026-09-24: the OpenAI Videos API is gone; only the provider changes.
  const openrouter = createFakeOpenRouter({ apiKey: API_KEY, now, generationSeconds: 10 });
  const next = h.restart({
    provider: openrouterProvider({
      apiKey: API_KEY,
      fetch: openrouter.fetch,
      now,
      models: ['google/veo-3.1'],
    }),
  });
  const after = before.using(next);

  const caps = (await after.json<Capabilities>('/capabilities')).body;
  expect(caps).toMatchObject({ provider: 'openrouter', models: [{ id: 'google/veo-3.1' }] });
  const listed = (await after.json<JobPage>('/videos')).body.items;
  expect(listed.map((j) => [j.jobId, j.provider, j.model])).toEqual([[made.jobId, 'openai', 'sora-2']]);

  const link = (await after.json<MediaLink>(`/videos/${made.jobId}/media`)).body;
  const media = await next.request(link.url);
  expect(media.status).toBe(200);
  expect(boxType(new Uint8Array(await media.arrayBuffer()))).toBe('ftyp');

  const fresh = (await after.post('/videos', { prompt: 'After the shutdown' })).body as Job;
  expect(fresh).toMatchObject({ provider: 'openrouter', model: 'google/veo-3.1' });
  for (let t = 0; t < 12; t++) {
    h.clock.advance(1000);
    await next.pollOnce();
  }
  expect((await after.json<Job>(`/videos/${fresh.jobId}`)).body.status).toBe('completed');

  expect((await after.fetch(`/videos/${made.jobId}`, { method: 'DELETE' })).status).toBe(204);
  expect((await after.fetch(`/videos/${made.jobId}`)).status).toBe(404);
  expect((await next.request(link.url)).status).not.toBe(200);
  expect((await after.json<JobPage>('/videos')).body.items.map((j) => j.jobId)).toEqual([fresh.jobId]);
});

test('a video still generating at the cut-off fails instead of hanging, and stays deletable', async () => {
  const now = () => (h ? h.clock.now().getTime() : 0);
  const openai = createFakeOpenAI({ apiKey: 'sk-openai', now });
  h = await harness({
    provider: openaiProvider({
      apiKey: 'sk-openai',
      baseURL: 'http://fake.local/v1',
      fetch: openai.fetch,
      maxRetries: 0,
    }),
  });
  const user = browser(h.handler);
  const pending = (await user.post('/videos', { prompt: 'Cut off mid-way', seconds: 12 })).body as Job;
  await h.run(2_000);

  const openrouter = createFakeOpenRouter({ apiKey: API_KEY, now });
  const next = h.restart({ provider: openrouterProvider({ apiKey: API_KEY, fetch: openrouter.fetch, now }) });
  const after = user.using(next);
  for (let t = 0; t < 40; t++) {
    h.clock.advance(15_000);
    await next.pollOnce();
  }
  const failed = (await after.json<Job>(`/videos/${pending.jobId}`)).body;
  expect(failed.status).toBe('failed');
  expect(failed.provider).toBe('openai');
  expect(failed.error).toMatchObject({ code: 'upstream_failed' });
  expect((await after.fetch(`/videos/${pending.jobId}`, { method: 'DELETE' })).status).toBe(204);
});
