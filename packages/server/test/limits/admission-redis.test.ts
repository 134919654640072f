import Redis from 'ioredis';
import { createStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisCoordination } from '../../src/coordination/redis.js';
import type { Coordination } from '../../src/coordination/types.js';
import { createAdmissionControl } from '../../src/limits/admission.js';

const clip = { identity: 'alice', model: 'sora-2', size: '1280x720', seconds: 4 };

describe('admission over Redis (redisCoordination and the unstorage redis driver on 127.0.0.1:6379)', () => {
  let storage: Storage;
  let coordination: Coordination;
  const base = `sora-kit-test:limits:${crypto.randomUUID()}`;

  beforeAll(async () => {
    storage = createStorage({ driver: redisDriver({ base, url: 'redis://127.0.0.1:6379' }) });
    coordination = await redisCoordination({ url: 'redis://127.0.0.1:6379', prefix: `${base}:c:` });
  });
  afterAll(async () => {
    await storage.clear();
    await storage.dispose();
    await coordination.close();
  });

  it('shares the active-job cap and the quota between two instances', async () => {
    const now = () => Date.UTC(2026, 10, 24, 12);
    const options = {
      storage,
      coordination,
      now,
      rateLimit: false,
      activeJobs: 2,
      quotas: { secondsPerDay: 12 },
    } as const;
    const one = createAdmissionControl(options);
    const two = createAdmissionControl(options);
    const first = await one.admit(clip);
    expect((await two.admit(clip)).ok).toBe(true);
    expect(await one.admit(clip)).toMatchObject({ ok: false, code: 'rate_limited' });
    if (!first.ok) throw new Error('expected an admission');
    await two.settle(first.reservation, 'failed');
    expect((await one.admit(clip)).ok).toBe(true);
    // 8 s used (4 given back by the failure), 12 allowed: one more 4 s clip fits by quota,
    // but both active slots are taken again.
    expect(await two.admit(clip)).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  it('leaves no key in Redis without an expiry, so abandoned counters clean themselves up', async () => {
    const admission = createAdmissionControl({ storage, coordination, prefix: 'ttl:' });
    expect((await admission.admit(clip)).ok).toBe(true);
    const redis = new Redis('redis://127.0.0.1:6379');
    try {
      const keys = [...(await redis.keys(`${base}:ttl:*`)), ...(await redis.keys(`${base}:c:ttl:*`))];
      expect(keys.length).toBeGreaterThanOrEqual(7); // rate, active, global, reservation, 4 usage counters
      for (const key of keys) expect(await redis.ttl(key)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
