/** Two handler instances over the unstorage redis driver (127.0.0.1:6379) share the limits. */
import { createStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisCoordination } from '../../src/coordination/redis.js';
import type { Coordination } from '../../src/coordination/types.js';
import { jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

describe('limits over Redis', () => {
  let storage: Storage;
  let one: Harness;
  let two: Harness;

  const coordinations: Coordination[] = [];

  beforeAll(async () => {
    const base = `sora-kit-test:${crypto.randomUUID()}`;
    storage = createStorage({ driver: redisDriver({ base, url: 'redis://127.0.0.1:6379' }) });
    for (let i = 0; i < 2; i++) {
      coordinations.push(await redisCoordination({ url: 'redis://127.0.0.1:6379', prefix: `${base}:c:` }));
    }
    const options = {
      storage,
      limits: { activeJobs: 2, rateLimit: { limit: 3, windowSeconds: 60 } },
      quotas: false,
    } as const;
    one = createHarness({ ...options, coordination: coordinations[0] });
    two = createHarness({ ...options, coordination: coordinations[1] });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await storage.clear();
    await storage.dispose();
    for (const c of coordinations) await c.close();
  });

  it('a user at the cap on one instance is refused by the other, with no upstream call', async () => {
    const onOne = jarClient(one.app);
    const onTwo = jarClient(two.app);
    expect((await onOne.json('/videos', { prompt: 'first' })).status).toBe(202);
    for (const [k, v] of onOne.cookies) onTwo.cookies.set(k, v); // the same browser, load-balanced
    expect((await onTwo.json('/videos', { prompt: 'second' })).status).toBe(202);
    const creates = one.double.counters.create + two.double.counters.create;
    const refused = await onTwo.json('/videos', { prompt: 'third' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(one.double.counters.create + two.double.counters.create).toBe(creates);
  });

  it('the job finishing on one instance frees the slot for the other', async () => {
    const onOne = jarClient(one.app);
    const onTwo = jarClient(two.app);
    expect((await onOne.json('/videos', { prompt: 'a' })).status).toBe(202);
    for (const [k, v] of onOne.cookies) onTwo.cookies.set(k, v);
    expect((await onTwo.json('/videos', { prompt: 'b' })).status).toBe(202);
    expect((await onTwo.json('/videos', { prompt: 'c' })).status).toBe(429);
    await one.settle(); // instance one's poller finishes both jobs (state is shared)
    const res = await onTwo.json('/videos', { prompt: 'c again' });
    expect(res.status).toBe(202);
  });
});
