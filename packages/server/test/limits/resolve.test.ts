import { createStorage } from 'unstorage';
import { describe, expect, it } from 'vitest';
import { admissionFor, isAdmissionControl, priceTable } from '../../src/limits/resolve.js';
import type { ProviderCapabilities } from '../../src/providers/types.js';

const caps = (price: number): ProviderCapabilities => ({
  models: [
    {
      id: 'sora-2',
      sizes: ['1280x720'],
      seconds: [4],
      reference: false,
      remix: false,
      pricePerSecondUsd: { '1280x720': price },
    },
  ],
  variants: ['video'],
});
const clip = { identity: 'a', model: 'sora-2', size: '1280x720', seconds: 4 };

describe('admissionFor', () => {
  const base = {
    storage: createStorage(),
    now: () => Date.UTC(2026, 10, 24),
    capabilities: async () => caps(0.1),
  };

  it('uses a host AdmissionControl as given', () => {
    const own = { admit: async () => ({ ok: true as const, reservation: 'r' }), settle: async () => {} };
    expect(admissionFor({ ...base, limits: own })).toBe(own);
    expect(isAdmissionControl({ admit: 1 })).toBe(false);
  });

  it('is off only when both limits and quotas are false', async () => {
    expect(admissionFor({ ...base, limits: false, quotas: false })).toBeUndefined();
    const quotasOnly = admissionFor({
      ...base,
      storage: createStorage(),
      limits: false,
      quotas: { secondsPerDay: 4 },
    });
    expect((await quotasOnly?.admit(clip))?.ok).toBe(true);
    expect(await quotasOnly?.admit(clip)).toMatchObject({ ok: false, code: 'quota_exceeded' });
    const limitsOnly = admissionFor({
      ...base,
      storage: createStorage(),
      limits: { activeJobs: 1 },
      quotas: false,
    });
    expect((await limitsOnly?.admit(clip))?.ok).toBe(true);
    expect(await limitsOnly?.admit(clip)).toMatchObject({ ok: false, code: 'rate_limited' });
  });
});

describe('priceTable', () => {
  it('puts the provider over the defaults and the host over both', async () => {
    const table = await priceTable(async () => caps(0.2), { 'sora-2-pro': { '1280x720': 1 } })();
    expect(table['sora-2']?.['1280x720']).toBe(0.2);
    expect(table['sora-2-pro']?.['1280x720']).toBe(1);
    expect(table['sora-2-pro']?.['1792x1024']).toBe(0.5);
  });

  it('falls back to the defaults when the provider fails, and asks it again next time', async () => {
    let calls = 0;
    const prices = priceTable(async () => {
      calls++;
      if (calls === 1) throw new Error('down');
      return caps(0.3);
    });
    expect((await prices())['sora-2']?.['1280x720']).toBe(0.1);
    expect((await prices())['sora-2']?.['1280x720']).toBe(0.3);
    expect((await prices())['sora-2']?.['1280x720']).toBe(0.3);
    expect(calls).toBe(2);
  });
});
