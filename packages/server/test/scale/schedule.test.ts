/**
 * A scheduler tick reads only the due jobs: with 10,000 active jobs of which 5 are due, one worker
 * pass reads storage for those 5 and never lists or scans the others.
 */

import { afterEach, describe, expect, test } from 'vitest';
import { fakeProvider } from '../../src/providers/fake-provider.js';
import type { SoraStorage } from '../../src/storage.js';
import { memoryBlobs } from '../../src/testing/memory-blobs.js';
import { createSoraWorker } from '../../src/worker.js';
import { eachLimited } from './cluster.mjs';
import { ENGINES } from './engines.js';

let drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops) await drop();
  drops = [];
});

/** `storage` with every read and listing counted. */
function counted(storage: SoraStorage) {
  const counts = { reads: 0, listings: 0 };
  const wrapped = new Proxy(storage, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (name === 'getItem' || name === 'hasItem' || name === 'getItems' || name === 'getItemRaw')
          counts.reads++;
        if (name === 'getKeys') counts.listings++;
        return value.apply(target, args);
      };
    },
  });
  return { storage: wrapped, counts };
}

describe.each(ENGINES)('$name', (engine) => {
  test('with 10,000 active jobs, one scheduler tick reads only the 5 due ones', async () => {
    const { instances, drop } = await engine.open(1);
    drops.push(drop);
    const { storage, coordination } = instances[0]!;
    const now = Date.now();
    // Active jobs whose next refresh is an hour away, and 5 due now (records for the due ones are
    // missing: a refresh of a missing job just takes it off the schedule, with one read).
    await eachLimited(
      Array.from({ length: 10_000 }, (_, i) => i),
      50,
      (i) => coordination.schedule(`job_idle_${i}`, now + 3_600_000),
    );
    for (let i = 0; i < 5; i++) await coordination.schedule(`job_due_${i}`, now - 1000);
    const { storage: watched, counts } = counted(storage);
    const worker = createSoraWorker({
      provider: fakeProvider(),
      storage: watched,
      coordination,
      blobs: memoryBlobs(),
      logger: false,
    });
    expect(await worker.pollOnce()).toBe(5);
    await worker.close();
    console.log(
      `${engine.name}: one tick over 10,000 active jobs (5 due): ${counts.reads} reads, ${counts.listings} listings`,
    );
    expect(counts.listings).toBe(0);
    expect(counts.reads).toBeLessThanOrEqual(5 * 2);
    expect(await coordination.scheduled()).toBe(10_000);
  });
});
