/**
 * The lifecycle against the faithful fake (the OpenAI adapter over the fake Videos API), on the
 * fake's controllable clock: the path the demo takes.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job, MediaLink } from '@sora-kit/core';
import { createStorage } from 'unstorage';
import { afterEach, expect, test } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import { createSoraHandler, type SoraHandler } from '../../src/handler.js';
import type { SoraHandlerOptions } from '../../src/options.js';
import { type FakeVideoProvider, fakeProvider } from '../../src/providers/fake-provider.js';
import { browser, SECRET } from '../support/harness.js';

const T0 = Date.parse('2026-03-01T12:00:00Z');
let dir: string;
let handler: SoraHandler | undefined;

/** A handler on the fake's clock, in memory and a temporary blob dir, with limits off. */
function handlerOptions(provider: FakeVideoProvider): SoraHandlerOptions {
  return {
    provider,
    secret: SECRET,
    storage: createStorage(),
    blobs: fsBlobs(join(dir, 'blobs')),
    now: () => new Date(provider.fake.clock.now()),
    logger: false,
    limits: false,
    quotas: false,
    polling: { leaseSettleMs: 0 },
  };
}

afterEach(async () => {
  await handler?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function setup(options: Parameters<typeof fakeProvider>[0] = {}) {
  dir = await mkdtemp(join(tmpdir(), 'sora-fake-'));
  const provider = fakeProvider({ generationSeconds: 8, now: () => T0, ...options });
  handler = createSoraHandler(handlerOptions(provider));
  const run = async (ms: number, step = 1000) => {
    for (let t = 0; t < ms; t += step) {
      await provider.fake.advance(step);
      await handler?.pollOnce();
    }
  };
  return { provider, handler, run, user: browser(handler) };
}

test('a job made by the fake completes with the real sample video, playable through its link', async () => {
  const { user, run } = await setup();
  const { body } = await user.post('/videos', {
    prompt: 'A red kite over a beach',
    size: '1280x720',
    seconds: 4,
  });
  const { jobId } = body as Job;
  await run(4000);
  const middle = (await user.json<Job>(`/videos/${jobId}`)).body;
  expect(middle.status).toBe('in_progress');
  expect(middle.progress).toBeGreaterThan(0);
  await run(6000);
  const done = (await user.json<Job>(`/videos/${jobId}`)).body;
  expect(done).toMatchObject({ status: 'completed', progress: 100, provider: 'fake' });
  expect(done.asset).toMatchObject({ width: 1280, height: 720, contentType: 'video/mp4' });
  const link = (await user.json<MediaLink>(`/videos/${jobId}/media`)).body;
  const media = await handler?.request(link.url);
  expect(media?.status).toBe(200);
  const bytes = new Uint8Array(await (media as Response).arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe('ftyp');
});

test('the fake scenario tokens end in the contract error codes', async () => {
  const { user, run } = await setup();
  const blocked = (await user.post('/videos', { prompt: 'fake:moderation_blocked' })).body as Job;
  const failed = (await user.post('/videos', { prompt: 'fake:failed' })).body as Job;
  const limited = await user.post('/videos', { prompt: 'fake:rate_limit please' });
  await run(30_000);
  expect((await user.json<Job>(`/videos/${blocked.jobId}`)).body.error).toMatchObject({
    code: 'moderation_blocked',
    retryable: false,
  });
  expect((await user.json<Job>(`/videos/${failed.jobId}`)).body.error?.code).toBe('upstream_failed');
  // The adapter retries the two 429s (honouring Retry-After), so the user just gets the job.
  expect(limited.status).toBe(202);
  expect((await user.json<Job>(`/videos/${(limited.body as Job).jobId}`)).body.status).toBe('completed');
});

test('without SDK retries (the demo), fake:rate_limit refuses two sends with Retry-After and lets the third through', async () => {
  const { user } = await setup({ provider: { maxRetries: 0 } });
  const send = () => user.post('/videos', { prompt: 'A cat on a piano fake:rate_limit' });
  for (const attempt of [1, 2]) {
    const refused = await send();
    expect(refused.status, `send ${attempt}`).toBe(503);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  expect((await send()).status).toBe(202);
});

test('signed webhooks from the fake (Standard Webhooks, verified by the SDK) complete jobs without polling', async () => {
  const secret = `whsec_${btoa('0123456789abcdef0123456789abcdef')}`;
  let target: SoraHandler | undefined;
  dir = await mkdtemp(join(tmpdir(), 'sora-fake-'));
  const provider = fakeProvider({
    generationSeconds: 8,
    now: () => T0,
    webhook: {
      url: 'http://host.test/webhooks/fake',
      secret,
      fetch: async (request) => (target as SoraHandler).request(request),
    },
    provider: { webhookSecret: secret },
  });
  handler = createSoraHandler({
    ...handlerOptions(provider),
    webhooks: { enabled: true, safetyNetDelayMs: 10 * 60_000 },
  });
  target = handler;
  const user = browser(handler);
  const { jobId } = (await user.post('/videos', { prompt: 'Told by webhook' })).body as Job;
  const retrievesBefore = provider.fake.counters.get('GET /videos/:id');
  await provider.fake.advance(9000); // delivers video.completed to the handler, which re-reads and copies
  await handler.pollOnce(); // nothing due: the safety net is ten minutes away
  const stored = await user.json<Job>(`/videos/${jobId}`);
  expect(stored.body.status).toBe('completed');
  expect(provider.fake.webhookDeliveries().map((d) => d.status)).toEqual([200]);
  expect(provider.fake.counters.get('GET /videos/:id') - retrievesBefore).toBe(1);
});
