import { createStorage } from 'unstorage';
import { expect, test } from 'vitest';
import { createLeases } from '../../src/jobs/lease.js';
import { manualClock } from '../support/clock.js';

test('a held lease refuses others until it expires or is released, and only its holder releases it', async () => {
  const storage = createStorage();
  const clock = manualClock();
  const a = createLeases({ storage, now: clock.now, settleMs: 0 });
  const b = createLeases({ storage, now: clock.now, settleMs: 0 });
  const token = await a.acquire('k', 1000);
  expect(token).toEqual(expect.any(String));
  expect(await b.acquire('k', 1000)).toBeNull();
  await b.release('k', 'not-the-token');
  expect(await b.acquire('k', 1000)).toBeNull();
  expect(await a.renew('k', token as string, 5000)).toBe(true);
  clock.advance(4000);
  expect(await b.acquire('k', 1000)).toBeNull();
  clock.advance(1001);
  const taken = await b.acquire('k', 1000);
  expect(taken).toEqual(expect.any(String));
  expect(await a.renew('k', token as string, 1000)).toBe(false);
  await b.release('k', taken as string);
  expect(await a.acquire('k', 1000)).toEqual(expect.any(String));
});

test('instances racing for one lease: exactly one wins each round', async () => {
  const storage = createStorage();
  const clock = manualClock();
  const instances = Array.from({ length: 4 }, () => createLeases({ storage, now: clock.now, settleMs: 5 }));
  for (let round = 0; round < 20; round++) {
    const tokens = await Promise.all(instances.map((leases) => leases.acquire(`race-${round}`, 60_000)));
    expect(tokens.filter((t) => t !== null)).toHaveLength(1);
  }
});

test('claimOnce is true exactly once across instances', async () => {
  const storage = createStorage();
  const clock = manualClock();
  const instances = Array.from({ length: 3 }, () => createLeases({ storage, now: clock.now, settleMs: 5 }));
  const claims = await Promise.all(
    instances.flatMap((leases) => [
      leases.claimOnce('sora:once:j:1:done'),
      leases.claimOnce('sora:once:j:1:done'),
    ]),
  );
  expect(claims.filter(Boolean)).toHaveLength(1);
});

test('withLock runs critical sections of one instance one at a time', async () => {
  const storage = createStorage();
  const leases = createLeases({ storage, now: manualClock().now, settleMs: 0 });
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 10 }, () =>
      leases.withLock('sora:lock:x', async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inside--;
      }),
    ),
  );
  expect(most).toBe(1);
});
