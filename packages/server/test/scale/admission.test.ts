/**
 * Admission racing over three instances, each with its own connections to real Redis or PostgreSQL:
 * limits are exact, whatever instance a request lands on.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createSoraHandler } from '../../src/handler.js';
import type { SoraHandlerOptions } from '../../src/options.js';
import { fakeProvider } from '../../src/providers/fake-provider.js';
import { memoryBlobs } from '../../src/testing/memory-blobs.js';
import { ENGINES } from './engines.js';

const SECRET = 'scale-admission-secret-scale-admission-secret';
let drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops) await drop();
  drops = [];
});

describe.each(ENGINES)('$name', (engine) => {
  /** 40 creates by one identity at once, spread over 3 instances; how many were admitted, and how. */
  async function race(limits: Pick<SoraHandlerOptions, 'limits' | 'quotas'>) {
    const { instances, drop } = await engine.open(3);
    drops.push(drop);
    const provider = fakeProvider({ generationSeconds: 3600 });
    const blobs = memoryBlobs();
    const handlers = instances.map((i) =>
      createSoraHandler({
        provider,
        secret: SECRET,
        storage: i.storage,
        coordination: i.coordination,
        blobs,
        logger: false,
        auth: () => ({ id: 'the-racer' }),
        ...limits,
      }),
    );
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        handlers[i % 3]!.request('/videos', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: `race ${i}`, seconds: 4 }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const refusals = await Promise.all(responses.filter((r) => r.status !== 202).map((r) => r.json()));
    return {
      admitted: statuses.filter((s) => s === 202).length,
      statuses,
      refusals,
      retryAfter: responses.find((r) => r.status === 429)?.headers.get('retry-after'),
    };
  }

  test('40 racing creates with a limit of 10 per minute: exactly 10 admitted, the rest 429 with Retry-After', async () => {
    const result = await race({
      limits: { rateLimit: { limit: 10, windowSeconds: 60 }, activeJobs: 50 },
      quotas: false,
    });
    expect(result.refusals.filter((r) => r.error.code !== 'rate_limited')).toEqual([]);
    expect(result.admitted).toBe(10);
    expect(result.statuses.filter((s) => s === 429)).toHaveLength(30);
    expect(result.refusals.every((r) => r.error.code === 'rate_limited')).toBe(true);
    expect(Number(result.retryAfter)).toBeGreaterThan(0);
  });

  test('the same race never passes an active-job cap of 4', async () => {
    const result = await race({ limits: { rateLimit: false, activeJobs: 4 }, quotas: false });
    expect(result.admitted).toBe(4);
  });

  test('the same race never passes a daily quota of 24 s (six 4 s clips)', async () => {
    const result = await race({
      limits: { rateLimit: false, activeJobs: false, globalActiveJobs: false },
      quotas: { secondsPerDay: 24, secondsPerMonth: false, usdPerDay: false, usdPerMonth: false },
    });
    expect(result.admitted).toBe(6);
    expect(result.refusals.every((r) => r.error.code === 'quota_exceeded')).toBe(true);
  });
});
