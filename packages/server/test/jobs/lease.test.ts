import { expect, test } from 'vitest';
import { memoryCoordination } from '../../src/coordination/memory.js';
import { createLeases } from '../../src/jobs/lease.js';

test('withLock runs critical sections of one instance one at a time', async () => {
  const leases = createLeases(memoryCoordination());
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 10 }, () =>
      leases.withLock('sora:lock:x', async () => {
        inside++;
        most = Math.max(most, inside);
        // Yield to the event loop (no wall-clock wait): a broken lock would let the others in now.
        await new Promise((resolve) => setImmediate(resolve));
        inside--;
      }),
    ),
  );
  expect(most).toBe(1);
});
