import Redis from 'ioredis';
import { createStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmissionControl } from '../../src/limits/admission.js';

const clip = { identity: 'alice', model: 'sora-2', size: '1280x720', seconds: 4 };

describe('admission over Redis (the unstorage redis driver on 127.0.0.1:6379)', () => {
  let storage: Storage;
  const base = `sora-kit-test:limits:${crypto.randomUUID()}`;

  beforeAll(() => {
    storage = createStorage({ driver: redisDriver({ base, url: 'redis://127.0.0.1:6379' }) });
  });
  afterAll(async () => {
    await storage.clear();
    await storage.dispose();
  });

  it('shares the active-job cap and the quota between two instances', async () => {
    const now = () => Date.UTC(2026, 10, 24, 12);
    const options = { storage, now, rateLimit: false, activeJobs: 2, quotas: { secondsPerDay: 12 } } as const;
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
    const admission = createAdmissionControl({ storage, prefix: 'ttl:' });
    expect((await admission.admit(clip)).ok).toBe(true);
    const redis = new Redis('redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`${base}:ttl:*`);
      expect(keys.length).toBeGreaterThanOrEqual(4); // rate, active, global, reservation, usage
      for (const key of keys) expect(await redis.ttl(key)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
