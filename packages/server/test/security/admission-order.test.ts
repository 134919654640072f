/**
 * Cheap checks before expensive work: a caller who is already refused costs no body read and no
 * image decode; the quota is checked after the small fields and before the image; decoding has a
 * pixel budget and a bound on how many run at once.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDecodeGate } from '../../src/media/decode-gate.js';
import { MediaBusyError } from '../../src/media/errors.js';
import { type JarClient, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';
import { bombJpeg, corruptJpeg, createForm, lyingPng, smallPng } from './support/images.js';

let bomb: Uint8Array;
beforeAll(async () => {
  bomb = await bombJpeg();
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A multipart body whose first bytes arrive and whose rest never does. */
function endlessBody(): RequestInit {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        new TextEncoder().encode('--x\r\nContent-Disposition: form-data; name="prompt"\r\n\r\n'),
      );
    },
  });
  return {
    method: 'POST',
    body,
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    duplex: 'half',
  } as RequestInit;
}

async function expectRefused(res: Response, code: string): Promise<void> {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await res.json()).error.code).toBe(code);
}

async function jobCount(client: JarClient): Promise<number> {
  return (await (await client.request('/videos?limit=100')).json()).items.length;
}

describe('admission before the body', () => {
  it('answers a rate-limited caller 429 without waiting for its body', async () => {
    h = createHarness({
      limits: { rateLimit: { limit: 1, windowSeconds: 60 }, activeJobs: false },
      quotas: false,
      bodyTimeoutMs: 600_000, // were the body awaited, the test would time out
    });
    const alice = jarClient(h.app);
    expect((await alice.json('/videos', { prompt: 'the one allowed' })).status).toBe(202);
    await expectRefused(await alice.request('/videos', endlessBody()), 'rate_limited');
    await expectRefused(
      await alice.request('/videos', { method: 'POST', body: createForm(bomb) }),
      'rate_limited',
    );
    expect(h.double.counters.create).toBe(1);
  });

  it('answers a caller at its active-job cap 429 without waiting for its body', async () => {
    h = createHarness({ limits: { activeJobs: 1 }, quotas: false, bodyTimeoutMs: 600_000 });
    const alice = jarClient(h.app);
    expect((await alice.json('/videos', { prompt: 'in progress' })).status).toBe(202);
    await expectRefused(await alice.request('/videos', endlessBody()), 'rate_limited');
  });

  it('checks the quota after the fields and before the image: an over-quota upload is never decoded', async () => {
    h = createHarness({ limits: false, quotas: { secondsPerDay: 4 } });
    const alice = jarClient(h.app);
    // Undecodable: had it been decoded, the answer would be 400.
    expect((await alice.request('/videos', { method: 'POST', body: createForm(corruptJpeg()) })).status).toBe(
      400,
    );
    expect((await alice.json('/videos', { prompt: 'four seconds', seconds: 4 })).status).toBe(202);
    const form = createForm(corruptJpeg(), { seconds: '4' });
    await expectRefused(await alice.request('/videos', { method: 'POST', body: form }), 'quota_exceeded');
  });

  it('gives the reserved quota back when the image then proves undecodable', async () => {
    h = createHarness({ limits: false, quotas: { secondsPerDay: 8 } });
    const alice = jarClient(h.app);
    const bad = createForm(corruptJpeg(), { seconds: '8' });
    expect((await alice.request('/videos', { method: 'POST', body: bad })).status).toBe(400);
    expect((await alice.json('/videos', { prompt: 'eight seconds', seconds: 8 })).status).toBe(202);
    expect(await jobCount(alice)).toBe(1);
  });
});

describe('image decoding budgets', () => {
  it('refuses a 7999×7999 JPEG by its header (413), with no job and no upstream call', async () => {
    h = createHarness({ limits: false, quotas: false });
    const alice = jarClient(h.app);
    const res = await alice.request('/videos', { method: 'POST', body: createForm(bomb) });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toMatch(/pixels/);
    expect(await jobCount(alice)).toBe(0);
    expect(h.double.counters.create).toBe(0);
  });

  it('refuses a PNG whose header claims 65535×65535 pixels', async () => {
    h = createHarness({ limits: false, quotas: false });
    const res = await jarClient(h.app).request('/videos', { method: 'POST', body: createForm(lyingPng()) });
    expect([400, 413]).toContain(res.status);
    expect((await res.json()).error.code).toMatch(/^(invalid_request|payload_too_large)$/);
  });

  it('a lower pixel budget is the host’s to choose', async () => {
    h = createHarness({ limits: false, quotas: false, referenceImages: { maxPixels: 1000 } });
    const small = createForm(await smallPng());
    const res = await jarClient(h.app).request('/videos', { method: 'POST', body: small });
    expect(res.status).toBe(413);
  });

  it('runs a bounded number of decodes at once and turns away the overflow with 503', async () => {
    const gate = createDecodeGate({ concurrency: 1, maxWaiting: 1 });
    let release = () => {};
    const running = gate(() => new Promise<void>((resolve) => (release = resolve)));
    let secondRan = false;
    const waiting = gate(async () => {
      secondRan = true;
    });
    const refused = await gate(async () => 'ran').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MediaBusyError);
    expect(refused).toMatchObject({
      status: 503,
      code: 'unavailable',
      retryAfterSeconds: expect.any(Number),
    });
    expect(secondRan).toBe(false);
    release();
    await Promise.all([running, waiting]);
    expect(secondRan).toBe(true);
  });
});
