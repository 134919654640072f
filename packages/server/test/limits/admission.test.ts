import { createStorage } from 'unstorage';
import { describe, expect, it } from 'vitest';
import type { AdmissionOptions } from '../../src/limits/admission.js';
import { createAdmissionControl } from '../../src/limits/admission.js';

const clip = (identity: string, seconds = 4) => ({ identity, model: 'sora-2', size: '1280x720', seconds });

function setup(options: Partial<AdmissionOptions> = {}) {
  const clock = { t: Date.UTC(2026, 10, 24, 12, 0) };
  const storage = options.storage ?? createStorage();
  const admission = createAdmissionControl({
    storage,
    now: () => clock.t,
    quotas: false,
    ...options,
  });
  return { clock, storage, admission };
}

describe('rate limit', () => {
  it('refuses the 11th creation in a minute with rate_limited and a Retry-After', async () => {
    const { admission, clock } = setup({ activeJobs: false });
    for (let i = 0; i < 10; i++) {
      expect((await admission.admit(clip('alice'))).ok).toBe(true);
      clock.t += 1000;
    }
    const refused = await admission.admit(clip('alice'));
    expect(refused).toEqual({
      ok: false,
      code: 'rate_limited',
      message: expect.any(String),
      retryAfterSeconds: 50,
    });
    clock.t += 50_000;
    expect((await admission.admit(clip('alice'))).ok).toBe(true);
  });

  it('counts each identity on its own', async () => {
    const { admission } = setup({ activeJobs: false, rateLimit: { limit: 1, windowSeconds: 60 } });
    expect((await admission.admit(clip('alice'))).ok).toBe(true);
    expect((await admission.admit(clip('alice'))).ok).toBe(false);
    expect((await admission.admit(clip('bob'))).ok).toBe(true);
  });

  it('does not count refused attempts against the caller', async () => {
    const { admission, clock } = setup({ activeJobs: 1, rateLimit: { limit: 2, windowSeconds: 60 } });
    const first = await admission.admit(clip('alice'));
    for (let i = 0; i < 5; i++) expect((await admission.admit(clip('alice'))).ok).toBe(false);
    if (!first.ok) throw new Error('first admission refused');
    await admission.settle(first.reservation, 'completed');
    clock.t += 1000;
    expect((await admission.admit(clip('alice'))).ok).toBe(true);
  });
});

describe('active jobs', () => {
  it('allows 3 jobs in progress per identity and frees a slot when one ends', async () => {
    const { admission } = setup({ rateLimit: false });
    const held = [];
    for (let i = 0; i < 3; i++) held.push(await admission.admit(clip('alice')));
    const refused = await admission.admit(clip('alice'));
    expect(refused).toMatchObject({ ok: false, code: 'rate_limited', retryAfterSeconds: 10 });
    const first = held[0];
    if (!first?.ok) throw new Error('expected an admission');
    await admission.settle(first.reservation, 'completed');
    expect((await admission.admit(clip('alice'))).ok).toBe(true);
  });

  it('caps the jobs in progress across all identities', async () => {
    const { admission } = setup({ rateLimit: false, globalActiveJobs: 2 });
    expect((await admission.admit(clip('a'))).ok).toBe(true);
    expect((await admission.admit(clip('b'))).ok).toBe(true);
    expect(await admission.admit(clip('c'))).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  it('frees a slot whose settle never came after its time to live', async () => {
    const { admission, clock } = setup({ rateLimit: false, activeJobs: 1, activeJobTtlSeconds: 3600 });
    expect((await admission.admit(clip('alice'))).ok).toBe(true);
    expect((await admission.admit(clip('alice'))).ok).toBe(false);
    clock.t += 3600_000;
    expect((await admission.admit(clip('alice'))).ok).toBe(true);
  });

  it('settling the same reservation twice frees only one slot', async () => {
    const { admission } = setup({ rateLimit: false, activeJobs: 2 });
    const a = await admission.admit(clip('alice'));
    await admission.admit(clip('alice'));
    if (!a.ok) throw new Error('expected an admission');
    await admission.settle(a.reservation, 'completed');
    await admission.settle(a.reservation, 'completed');
    expect((await admission.admit(clip('alice'))).ok).toBe(true);
    expect((await admission.admit(clip('alice'))).ok).toBe(false);
  });
});

describe('quotas', () => {
  const quotaOnly = { rateLimit: false, activeJobs: false, globalActiveJobs: false } as const;

  it('refuses what would go over the daily seconds, until the next UTC midnight', async () => {
    const { admission, clock } = setup({ ...quotaOnly, quotas: { secondsPerDay: 12 } });
    expect((await admission.admit(clip('alice', 8))).ok).toBe(true);
    expect((await admission.admit(clip('alice', 4))).ok).toBe(true);
    const refused = await admission.admit(clip('alice', 4));
    expect(refused).toMatchObject({ ok: false, code: 'quota_exceeded', retryAfterSeconds: 12 * 3600 });
    clock.t = Date.UTC(2026, 10, 25, 0, 0, 1);
    expect((await admission.admit(clip('alice', 4))).ok).toBe(true);
  });

  it('gives the reserved quota back when the job fails, and keeps it when it completes', async () => {
    const { admission } = setup({ ...quotaOnly, quotas: { secondsPerDay: 8 } });
    const failed = await admission.admit(clip('alice', 8));
    if (!failed.ok) throw new Error('expected an admission');
    expect((await admission.admit(clip('alice', 4))).ok).toBe(false);
    await admission.settle(failed.reservation, 'failed');
    const done = await admission.admit(clip('alice', 8));
    if (!done.ok) throw new Error('expected an admission after the release');
    await admission.settle(done.reservation, 'completed');
    expect((await admission.admit(clip('alice', 4))).ok).toBe(false);
  });

  it('prices dollars from the table and waits for the month when the monthly budget is spent', async () => {
    const { admission, clock } = setup({
      ...quotaOnly,
      quotas: { usdPerMonth: 1 },
      prices: { 'sora-2': { '1280x720': 0.1 } },
    });
    expect((await admission.admit(clip('alice', 8))).ok).toBe(true); // 0.80
    const refused = await admission.admit(clip('alice', 4)); // 1.20 > 1.00
    expect(refused).toMatchObject({ ok: false, code: 'quota_exceeded' });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.retryAfterSeconds).toBe((Date.UTC(2026, 11, 1) - clock.t) / 1000);
  });

  it('accepts a price table from a function (the provider capabilities)', async () => {
    const { admission } = setup({
      ...quotaOnly,
      quotas: { usdPerDay: 1 },
      prices: async () => ({ 'sora-2': { '1280x720': 1 } }),
    });
    expect(await admission.admit(clip('alice', 4))).toMatchObject({ ok: false, code: 'quota_exceeded' });
  });

  it('applies demo defaults when no quotas are given: 120 s of video a day', async () => {
    const { admission } = setup({ ...quotaOnly, quotas: undefined });
    for (let i = 0; i < 10; i++) expect((await admission.admit(clip('alice', 12))).ok).toBe(true);
    expect(await admission.admit(clip('alice', 4))).toMatchObject({ ok: false, code: 'quota_exceeded' });
  });
});

describe('shared state', () => {
  it('holds across two instances over the same storage', async () => {
    const storage = createStorage();
    const one = setup({ storage, rateLimit: false, activeJobs: 2 });
    const two = setup({ storage, rateLimit: false, activeJobs: 2 });
    expect((await one.admission.admit(clip('alice'))).ok).toBe(true);
    expect((await two.admission.admit(clip('alice'))).ok).toBe(true);
    expect((await one.admission.admit(clip('alice'))).ok).toBe(false);
    expect((await two.admission.admit(clip('alice'))).ok).toBe(false);
  });

  it('admits exactly the cap when instances admit at the same instant, and the cap is whole again after', async () => {
    const storage = createStorage();
    const instances = Array.from({ length: 4 }, () =>
      setup({ storage, rateLimit: false, activeJobs: 3, globalActiveJobs: false }),
    );
    const verdicts = await Promise.all(
      instances.flatMap(({ admission }) => [admission.admit(clip('racer')), admission.admit(clip('racer'))]),
    );
    const admitted = verdicts.filter((v) => v.ok);
    expect(admitted).toHaveLength(3);
    for (const v of admitted) if (v.ok) await instances[0]?.admission.settle(v.reservation, 'completed');
    const again = await Promise.all([1, 2, 3, 4].map(() => instances[1]?.admission.admit(clip('racer'))));
    expect(again.filter((v) => v?.ok)).toHaveLength(3);
  });

  it('is exact within one instance under concurrent admissions', async () => {
    const { admission } = setup({ activeJobs: false, rateLimit: { limit: 5, windowSeconds: 60 } });
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => admission.admit(clip('alice'))));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(5);
  });

  it('writes only under the limits: prefix and never puts the raw identity in a key', async () => {
    const { admission, storage } = setup({ quotas: { secondsPerDay: 100 } });
    await admission.admit(clip('../../etc/passwd:alice'));
    const keys = await storage.getKeys();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.startsWith('limits:')).toBe(true);
      expect(key).not.toContain('passwd');
      expect(key).not.toContain('..');
    }
  });
});
