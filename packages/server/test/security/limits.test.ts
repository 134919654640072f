/**
 * Limits and quotas through the real handler: 429 with Retry-After, no job, no upstream call;
 * quota given back when a job fails; limits shared by two instances over one storage.
 */
import { createStorage } from 'unstorage';
import { describe, expect, it } from 'vitest';
import { fakeProvider } from '../../src/providers/fake-provider.js';
import { type JarClient, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

const CREATE = 'POST /videos';

function setup(options: Parameters<typeof createHarness>[0] = {}) {
  const provider = fakeProvider({ generationSeconds: 4, now: () => Date.UTC(2026, 10, 24, 12) });
  const h = createHarness({ provider, ...options });
  return { h, provider, alice: jarClient(h.app) };
}

async function finishAll(h: Harness, provider: ReturnType<typeof fakeProvider>) {
  await provider.fake.advance(5_000);
  await h.settle();
}

async function jobCount(client: JarClient): Promise<number> {
  return (await (await client.request('/videos?limit=100')).json()).items.length;
}

async function expect429(res: Response, code: 'rate_limited' | 'quota_exceeded') {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
  const body = await res.json();
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  return retryAfter;
}

describe('limits through the handler', () => {
  it('refuses the 11th creation in a minute: 429, Retry-After, no job, no upstream call', async () => {
    const { h, provider, alice } = setup({ limits: { activeJobs: false }, quotas: false });
    for (let i = 0; i < 10; i++)
      expect((await alice.json('/videos', { prompt: `clip ${i}` })).status).toBe(202);
    const creates = provider.fake.counters.get(CREATE);
    const retryAfter = await expect429(
      await alice.json('/videos', { prompt: 'one too many' }),
      'rate_limited',
    );
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(provider.fake.counters.get(CREATE)).toBe(creates);
    expect(await jobCount(alice)).toBe(10);
    // Another user is not affected.
    expect((await jarClient(h.app).json('/videos', { prompt: 'mine' })).status).toBe(202);
    h.clock.advance(retryAfter * 1000);
    expect((await alice.json('/videos', { prompt: 'after waiting' })).status).toBe(202);
    await h.close();
  });

  it('allows 3 jobs in progress per user by default, and a 4th once one has finished', async () => {
    const { h, provider, alice } = setup();
    for (let i = 0; i < 3; i++)
      expect((await alice.json('/videos', { prompt: `clip ${i}` })).status).toBe(202);
    await expect429(await alice.json('/videos', { prompt: 'fourth' }), 'rate_limited');
    await finishAll(h, provider);
    expect((await alice.json('/videos', { prompt: 'fourth, later' })).status).toBe(202);
    await h.close();
  });

  it('counts a retry and a remix as new work', async () => {
    const { h, provider, alice } = setup({ limits: { activeJobs: 1 }, quotas: false });
    const failed = (await (await alice.json('/videos', { prompt: 'fake:failed first' })).json()).jobId;
    await finishAll(h, provider);
    const done = (await (await alice.json('/videos', { prompt: 'second' })).json()).jobId;
    await finishAll(h, provider);
    const busy = (await (await alice.json('/videos', { prompt: 'third' })).json()).jobId;
    expect(busy).toEqual(expect.any(String));
    const before = provider.fake.counters.total();
    await expect429(await alice.request(`/videos/${failed}/retry`, { method: 'POST' }), 'rate_limited');
    await expect429(await alice.json(`/videos/${done}/remix`, { prompt: 'pink' }), 'rate_limited');
    expect(provider.fake.counters.get(CREATE)).toBe(2 + 1);
    expect(provider.fake.counters.get('POST /videos/:id/remix')).toBe(0);
    expect(provider.fake.counters.total()).toBe(before);
    expect((await (await alice.request(`/videos/${failed}`)).json()).attempts).toBe(1);
    await h.close();
  });

  it('frees the slot of a job deleted while in progress', async () => {
    const { h, alice } = setup({ limits: { activeJobs: 1 }, quotas: false });
    const jobId = (await (await alice.json('/videos', { prompt: 'short-lived' })).json()).jobId;
    await expect429(await alice.json('/videos', { prompt: 'blocked' }), 'rate_limited');
    expect((await alice.request(`/videos/${jobId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await alice.json('/videos', { prompt: 'now allowed' })).status).toBe(202);
    await h.close();
  });

  it('turns off with limits: false and quotas: false', async () => {
    const { h, alice } = setup({ limits: false, quotas: false });
    for (let i = 0; i < 15; i++)
      expect((await alice.json('/videos', { prompt: `clip ${i}` })).status).toBe(202);
    await h.close();
  });
});

describe('per-client limit (anonymous identities are free to mint)', () => {
  it('stops one client that drops its cookie each time, without an upstream call', async () => {
    const { h, provider } = setup({
      limits: { perClient: { key: (c) => c.req.header('x-test-ip'), limit: 2, windowSeconds: 60 } },
      quotas: false,
    });
    const fromIp = (ip: string) => ({ headers: { 'x-test-ip': ip } });
    // A new cookie jar each time: a new anonymous identity each time.
    expect((await jarClient(h.app).json('/videos', { prompt: 'a' }, fromIp('1.2.3.4'))).status).toBe(202);
    expect((await jarClient(h.app).json('/videos', { prompt: 'b' }, fromIp('1.2.3.4'))).status).toBe(202);
    const creates = provider.fake.counters.get(CREATE);
    const retryAfter = await expect429(
      await jarClient(h.app).json('/videos', { prompt: 'c' }, fromIp('1.2.3.4')),
      'rate_limited',
    );
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(provider.fake.counters.get(CREATE)).toBe(creates);
    // Reads are not counted; another client is not affected; a request without a key is not checked.
    expect((await jarClient(h.app).request('/videos', fromIp('1.2.3.4'))).status).toBe(200);
    expect((await jarClient(h.app).json('/videos', { prompt: 'd' }, fromIp('5.6.7.8'))).status).toBe(202);
    expect((await jarClient(h.app).json('/videos', { prompt: 'e' })).status).toBe(202);
    await h.close();
  });
});

describe('quotas through the handler', () => {
  it('gives the seconds back when a job fails, and keeps them when it completes', async () => {
    const { h, provider, alice } = setup({ limits: false, quotas: { secondsPerDay: 8 } });
    expect((await alice.json('/videos', { prompt: 'fake:failed eight', seconds: 8 })).status).toBe(202);
    await expect429(await alice.json('/videos', { prompt: 'over', seconds: 4 }), 'quota_exceeded');
    await finishAll(h, provider);
    expect((await alice.json('/videos', { prompt: 'eight again', seconds: 8 })).status).toBe(202);
    await finishAll(h, provider);
    const creates = provider.fake.counters.get(CREATE);
    const retryAfter = await expect429(
      await alice.json('/videos', { prompt: 'over', seconds: 4 }),
      'quota_exceeded',
    );
    // Until the next UTC midnight: the harness clock is at 12:00 plus the settle steps.
    expect(retryAfter).toBeGreaterThan(11 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(12 * 3600);
    expect(provider.fake.counters.get(CREATE)).toBe(creates);
    await h.close();
  });

  it('prices dollars per model and size, with host prices over the provider', async () => {
    const { h, alice } = setup({
      limits: false,
      quotas: { usdPerDay: 1 },
      prices: { 'sora-2': { '1280x720': 0.2 } },
    });
    expect((await alice.json('/videos', { prompt: 'a', size: '1280x720', seconds: 4 })).status).toBe(202); // 0.80
    await expect429(
      await alice.json('/videos', { prompt: 'b', size: '1280x720', seconds: 4 }),
      'quota_exceeded',
    );
    expect((await alice.json('/videos', { prompt: 'c', size: '720x1280', seconds: 4 })).status).toBe(429); // 0.40 more
    await h.close();
  });
});

describe('limits across instances', () => {
  it('two handler instances over one storage share the caps', async () => {
    const storage = createStorage();
    const one = setup({ storage, limits: { activeJobs: 2 }, quotas: false });
    const two = setup({ storage, limits: { activeJobs: 2 }, quotas: false, double: undefined });
    // The same user (one cookie jar) talks to both instances.
    const cookies = one.alice.cookies;
    expect((await one.alice.json('/videos', { prompt: 'on one' })).status).toBe(202);
    for (const [k, v] of cookies) two.alice.cookies.set(k, v);
    expect((await two.alice.json('/videos', { prompt: 'on two' })).status).toBe(202);
    await expect429(await one.alice.json('/videos', { prompt: 'third on one' }), 'rate_limited');
    await expect429(await two.alice.json('/videos', { prompt: 'third on two' }), 'rate_limited');
    await one.h.close();
    await two.h.close();
  });
});
