/**
 * The behaviour every Coordination must show, run against each engine by its own test file. Racing
 * callers are real concurrent calls (on Redis and PostgreSQL, over several connections).
 */
import { expect, test } from 'vitest';
import type { Coordination } from '../../src/coordination/types.js';

/** Defines the contract tests; `make` gives fresh coordinations sharing one namespace per call of `space`. */
export function coordinationContract(
  name: string,
  space: () => Promise<{ instances: Coordination[]; close: () => Promise<void> }>,
) {
  async function withSpace(run: (all: Coordination[]) => Promise<void>) {
    const { instances, close } = await space();
    try {
      await run(instances);
    } finally {
      await close();
    }
  }

  test(`${name}: a lease is held by one caller until released by its token or expired`, () =>
    withSpace(async ([a, b]) => {
      const token = await a!.acquire('lease:x', 60_000);
      expect(token).toEqual(expect.any(String));
      expect(await b!.acquire('lease:x', 60_000)).toBeNull();
      await b!.release('lease:x', 'not-the-token');
      expect(await b!.acquire('lease:x', 60_000)).toBeNull();
      expect(await a!.renew('lease:x', token!, 60_000)).toBe(true);
      expect(await b!.renew('lease:x', 'not-the-token', 60_000)).toBe(false);
      await a!.release('lease:x', token!);
      const next = await b!.acquire('lease:x', 50);
      expect(next).toEqual(expect.any(String));
      // Inherent wait: the 50 ms lease expires on the engine's own clock (Redis PX, PostgreSQL
      // now()), which a test cannot move; 120 ms is past it with margin.
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await a!.renew('lease:x', next!, 1000)).toBe(false);
      expect(await a!.acquire('lease:x', 1000)).toEqual(expect.any(String));
    }));

  test(`${name}: of 30 racing acquires exactly one wins`, () =>
    withSpace(async (all) => {
      const tries = Array.from({ length: 30 }, (_, i) => all[i % all.length]!.acquire('lease:race', 60_000));
      expect((await Promise.all(tries)).filter((t) => t !== null)).toHaveLength(1);
    }));

  test(`${name}: of 30 racing beginOnce one runs; the others are busy until it finishes, then done`, () =>
    withSpace(async (all) => {
      const claims = await Promise.all(
        Array.from({ length: 30 }, (_, i) => all[i % all.length]!.beginOnce('hook:1', 60_000)),
      );
      const runs = claims.filter((c) => c.state === 'run');
      expect(runs).toHaveLength(1);
      expect(claims.filter((c) => c.state === 'busy')).toHaveLength(29);
      await all[1]!.finishOnce('hook:1', 'not-the-token');
      expect(await all[1]!.beginOnce('hook:1', 60_000)).toEqual({ state: 'busy' });
      await all[0]!.finishOnce('hook:1', (runs[0] as { token: string }).token);
      expect(await all[1]!.beginOnce('hook:1', 60_000)).toEqual({ state: 'done' });
      // Its own namespace: a lease of the same key is still free.
      expect(await all[1]!.acquire('hook:1', 60_000)).toEqual(expect.any(String));
    }));

  test(`${name}: a beginOnce whose runner never finishes runs again once its hold lapses`, () =>
    withSpace(async ([a, b]) => {
      const first = await a!.beginOnce('hook:crashed', 60);
      expect(first.state).toBe('run');
      expect(await b!.beginOnce('hook:crashed', 60_000)).toEqual({ state: 'busy' });
      // The runner "died": nothing finishes its claim; after the hold another caller runs it.
      // Inherent wait: the 60 ms hold lapses on the engine's own clock, which a test cannot move.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const second = await b!.beginOnce('hook:crashed', 60_000);
      expect(second.state).toBe('run');
      // The dead runner's late finish changes nothing; the live one's marks it done.
      await a!.finishOnce('hook:crashed', (first as { token: string }).token);
      expect(await a!.beginOnce('hook:crashed', 60_000)).toEqual({ state: 'busy' });
      await b!.finishOnce('hook:crashed', (second as { token: string }).token);
      expect(await a!.beginOnce('hook:crashed', 60_000)).toEqual({ state: 'done' });
    }));

  test(`${name}: 40 racing slot claims with a cap of 10 admit exactly 10; released and expired slots free room`, () =>
    withSpace(async (all) => {
      const now = Date.now();
      const claims = Array.from({ length: 40 }, (_, i) =>
        all[i % all.length]!.claimSlot('slots:u', `m${i}`, { cap: 10, now, expiresAt: now + 60_000 + i }),
      );
      const results = await Promise.all(claims);
      expect(results.filter((r) => r.ok)).toHaveLength(10);
      const refused = results.find((r) => !r.ok);
      expect(refused).toMatchObject({ ok: false, freesAt: expect.any(Number) });
      const winner = results.findIndex((r) => r.ok);
      expect(await all[0]!.claimSlot('slots:u', `m${winner}`, { cap: 10, now, expiresAt: now + 1 })).toEqual({
        ok: true,
      });
      await all[0]!.releaseSlot('slots:u', `m${winner}`);
      expect((await all[1]!.claimSlot('slots:u', 'late', { cap: 10, now, expiresAt: now + 60_000 })).ok).toBe(
        true,
      );
      expect(
        (await all[1]!.claimSlot('slots:u', 'later', { cap: 10, now, expiresAt: now + 60_000 })).ok,
      ).toBe(false);
      // An hour on, every slot has expired.
      const later = now + 3_600_000;
      expect(
        (await all[0]!.claimSlot('slots:u', 'next', { cap: 1, now: later, expiresAt: later + 1000 })).ok,
      ).toBe(true);
    }));

  test(`${name}: racing increments never pass the limit, and a refund never goes below zero`, () =>
    withSpace(async (all) => {
      const adds = Array.from({ length: 40 }, (_, i) =>
        all[i % all.length]!.addWithin('usage:u', 4, { limit: 20, ttlMs: 60_000 }),
      );
      expect((await Promise.all(adds)).filter(Boolean)).toHaveLength(5);
      expect(await all[0]!.addWithin('usage:u', -100, { ttlMs: 60_000 })).toBe(true);
      expect(await all[1]!.addWithin('usage:u', 20, { limit: 20, ttlMs: 60_000 })).toBe(true);
      expect(await all[1]!.addWithin('usage:u', 1, { limit: 20, ttlMs: 60_000 })).toBe(false);
      expect(await all[1]!.addWithin('usage:big', 21, { limit: 20, ttlMs: 60_000 })).toBe(false);
    }));

  test(`${name}: claimDue hands each due job to one claimer and brings it back after the hold`, () =>
    withSpace(async (all) => {
      const now = 1_000_000;
      for (let i = 0; i < 20; i++) await all[0]!.schedule(`job_${i}`, now - i);
      await all[0]!.schedule('job_later', now + 10_000);
      expect(await all[0]!.scheduled()).toBe(21);
      const claims = await Promise.all(
        all.flatMap((c) => [c.claimDue(now, 8, 5000), c.claimDue(now, 8, 5000)]),
      );
      const claimed = claims.flat();
      expect(claimed.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `job_${i}`).sort());
      expect(await all[0]!.claimDue(now, 100, 5000)).toEqual([]);
      await all[0]!.unschedule('job_0');
      const back = await all[1]!.claimDue(now + 5000, 100, 5000);
      expect(back).toHaveLength(19);
      expect(back).not.toContain('job_0');
      expect(await all[1]!.claimDue(now + 20_000, 100, 5000)).toContain('job_later');
    }));

  test(`${name}: a published topic reaches subscribers of every instance`, () =>
    withSpace(async ([a, b]) => {
      const heard = new Promise<string>((resolve) => {
        const stop = b!.subscribe((topic) => {
          if (topic === 'owner-1') {
            stop();
            resolve(topic);
          }
        });
      });
      // The subscription is set up asynchronously on the engines: publish until it is heard.
      const publishing = setInterval(() => void a!.publish('owner-1'), 50);
      try {
        expect(await heard).toBe('owner-1');
      } finally {
        clearInterval(publishing);
      }
      await expect(a!.ping()).resolves.toBeUndefined();
    }));
}
