/**
 * What every answer carries (nosniff, the right Cache-Control), the cap on event streams per
 * identity, and `/metrics` closed by default in production.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

let h: Harness | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await h?.close();
  h = undefined;
});

describe('response headers', () => {
  it('every API answer says nosniff; JSON is no-store, capabilities and media cache privately', async () => {
    h = createHarness({ limits: false, quotas: false });
    const alice = jarClient(h.app);
    const jobId = (await (await alice.json('/videos', { prompt: 'headers' })).json()).jobId;
    await h.settle();
    const link = (await (await alice.request(`/videos/${jobId}/media`)).json()).url as string;
    const cases: [string, Response, RegExp][] = [
      ['list', await alice.request('/videos'), /^no-store$/],
      ['job', await alice.request(`/videos/${jobId}`), /^no-store$/],
      ['404 envelope', await alice.request('/videos/job_nope'), /^no-store$/],
      ['unknown route', await alice.request('/nowhere'), /^no-store$/],
      ['health', await alice.request('/health'), /^no-store$/],
      ['capabilities', await alice.request('/capabilities'), /^private, max-age=60$/],
      [
        'media',
        await alice.request(new URL(link, BASE).pathname + new URL(link, BASE).search),
        /^private, max-age=\d+$/,
      ],
      ['bad media link', await alice.request(`/media/${jobId}/video?exp=1&sig=00`), /^no-store$/],
    ];
    for (const [name, res, cacheControl] of cases) {
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('cache-control'), name).toMatch(cacheControl);
      await res.body?.cancel();
    }
  });

  it('a body too large answers 413 with Connection: close (the rest is not read)', async () => {
    h = createHarness({ limits: false, quotas: false });
    const res = await jarClient(h.app).request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect((await res.json()).error.code).toBe('payload_too_large');
  });
});

describe('event streams per identity', () => {
  it('refuses the stream over the cap with 429 and the envelope, and allows one once another closes', async () => {
    h = createHarness({ limits: false, quotas: false, maxEventStreamsPerIdentity: 2 });
    const alice = jarClient(h.app);
    await alice.request('/videos'); // a session first: streams opened with a brand-new one end at once
    const open = [await alice.request('/events'), await alice.request('/events')];
    for (const res of open) expect(res.status).toBe(200);
    const refused = await alice.request('/events');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/2/),
    });
    // Someone else is not affected.
    const bob = jarClient(h.app);
    await bob.request('/videos');
    const bobs = await bob.request('/events');
    expect(bobs.status).toBe(200);
    await bobs.body?.cancel();
    // Closing a stream frees its place.
    await open[0]?.body?.cancel();
    await vi.waitFor(async () => {
      const again = await alice.request('/events');
      await again.body?.cancel();
      expect(again.status).toBe(200);
    });
    await open[1]?.body?.cancel();
  });
});

describe('/metrics', () => {
  it('is off in production unless a token or public: true is given', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    h = createHarness({ limits: false, quotas: false });
    expect((await h.app.request('http://sora.test/metrics')).status).toBe(404);
    await h.close();
    h = createHarness({ limits: false, quotas: false, metrics: { token: 'metrics-token' } });
    expect((await h.app.request('http://sora.test/metrics')).status).toBe(401);
    const withToken = await h.app.request('http://sora.test/metrics', {
      headers: { authorization: 'Bearer metrics-token' },
    });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toMatch(/^# (HELP|TYPE) /m);
    await h.close();
    h = createHarness({ limits: false, quotas: false, metrics: { public: true } });
    expect((await h.app.request('http://sora.test/metrics')).status).toBe(200);
  });

  it('is open in development by default', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    h = createHarness({ limits: false, quotas: false });
    expect((await h.app.request('http://sora.test/metrics')).status).toBe(200);
  });
});
