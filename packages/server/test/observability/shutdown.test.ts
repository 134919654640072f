/**
 * `handler.close({ deadlineMs })`: new jobs and streams are refused at once and `/ready` fails;
 * open event streams end with a reconnect hint; a copy in flight finishes if it can before the
 * deadline, else is cut short without failing the job, which another instance then completes.
 */
import type { Variant } from '@sora-kit/core';
import { afterEach, expect, test } from 'vitest';
import { keys } from '../../src/jobs/storage-keys.js';
import type { ProviderCallOptions, VideoProvider } from '../../src/providers/types.js';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness;
afterEach(async () => {
  await h.cleanup();
});

/** A provider whose downloads wait until `release()` (or their abort). */
function gated(provider: VideoProvider) {
  let release!: () => void;
  const open = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started!: () => void;
  const downloading = new Promise<void>((resolve) => {
    started = resolve;
  });
  const wrapped: VideoProvider = {
    ...provider,
    async download(id: string, variant: Variant, options?: ProviderCallOptions) {
      started();
      await new Promise<void>((resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
        void open.then(resolve);
      });
      return provider.download(id, variant, options);
    },
  };
  return { provider: wrapped, release, downloading };
}

/** The job as stored (no read through a handler, which could refresh it). */
async function storedJob(harness: Harness, jobId: string): Promise<{ status: string; error?: unknown }> {
  const record = await harness.storage.getItem<{ job: { status: string; error?: unknown } }>(keys.job(jobId));
  if (!record) throw new Error(`no record of ${jobId}`);
  return record.job;
}

/** Reads a response body as text until `needle` appears or the stream ends. */
async function readUntilEnd(response: Response): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

test('closing ends event streams with a reconnect hint and refuses new jobs and streams', async () => {
  h = await harness();
  const user = browser(h.handler);
  await user.post('/videos', { prompt: 'ok' });
  const stream = await user.fetch('/events');
  expect(stream.status).toBe(200);
  const body = readUntilEnd(stream);
  const metricsBefore = await (await h.handler.request('/metrics')).text();
  expect(metricsBefore).toMatch(/^sora_kit_event_streams 1$/m);

  const closed = h.handler.close({ deadlineMs: 2000 });
  const text = await body;
  expect(text).toContain('event: job'); // it was a live stream
  expect(text).toMatch(/retry: \d+\n: server shutting down/);

  const refused = await user.post('/videos', { prompt: 'too late' });
  expect(refused.status).toBe(503);
  expect(refused.response.headers.get('retry-after')).toBe('1');
  expect((await user.fetch('/events')).status).toBe(503);
  const notReady = await user.json<{ error: { message: string; details: { failed: string[] } } }>('/ready');
  expect(notReady.status).toBe(503);
  expect(notReady.body.error.details.failed).toContain('shutdown');
  // Said as it is: a draining instance is not unreachable.
  expect(notReady.body.error.message).toBe('Not ready: shutting down.');
  // Reads still work while draining.
  expect((await user.fetch('/videos')).status).toBe(200);
  await closed;
  expect(await (await h.handler.request('/metrics')).text()).toMatch(/^sora_kit_event_streams 0$/m);
});

/** A job whose copy has started on an instance with gated downloads. */
async function copyInFlight() {
  h = await harness();
  const gate = gated(h.fake.provider);
  const instance = h.restart({ provider: gate.provider });
  const user = browser(instance);
  const { body } = await user.post('/videos', { prompt: 'ok' });
  const jobId = (body as { jobId: string }).jobId;
  h.clock.advance(12_000);
  const pass = instance.pollOnce();
  await gate.downloading;
  return { gate, instance, user, jobId, pass };
}

test('a copy in flight finishes before close resolves', async () => {
  const { gate, instance, jobId, pass } = await copyInFlight();

  let closed = false;
  const closing = instance.close({ deadlineMs: 10_000 }).then(() => {
    closed = true;
  });
  await Promise.resolve();
  expect(closed).toBe(false);
  gate.release();
  await closing;
  await pass;
  expect((await storedJob(h, jobId)).status).toBe('completed');
});

test('past the deadline a copy is cut short without failing the job, and another instance completes it', async () => {
  const { instance, user, jobId, pass } = await copyInFlight();

  await instance.close({ deadlineMs: 50 });
  await pass;
  const after = await storedJob(h, jobId);
  expect(['queued', 'processing']).toContain(after.status);
  expect(after.error).toBeUndefined();

  await h.run(2_000);
  const done = await user.using(h.handler).json<{ status: string }>(`/videos/${jobId}`);
  expect(done.body.status).toBe('completed');
});
