/**
 * Several handler instances sharing one Redis (127.0.0.1:6379) through unstorage and redisCoordination: upstream refreshes
 * stay at one per due job however many instances poll, and hooks fire once per transition.
 */
import type { Job } from '@sora-kit/core';
import { createStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterAll, expect, test } from 'vitest';
import { redisCoordination } from '../../src/coordination/redis.js';
import type { Coordination } from '../../src/coordination/types.js';
import type { SoraHandler } from '../../src/handler.js';
import { browser, type Harness, harness } from '../support/harness.js';

const base = `sora-kit-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
let storage: Storage | undefined;
let h: Harness | undefined;
const coordinations: Coordination[] = [];

afterAll(async () => {
  await h?.cleanup();
  for (const c of coordinations) await c.close();
  await storage?.clear();
  await storage?.dispose();
});

test('three instances on one Redis make one upstream refresh per due job and call hooks once', async () => {
  storage = createStorage({ driver: redisDriver({ base, url: 'redis://127.0.0.1:6379' }) });
  const completed: string[] = [];
  const hooks = { onJobCompleted: ({ job }: { job: Job }) => void completed.push(job.jobId) };
  // One coordination (one set of connections) per instance, as in separate processes.
  const coordinate = async () => {
    const c = await redisCoordination({ url: 'redis://127.0.0.1:6379', prefix: `${base}:c:` });
    coordinations.push(c);
    return c;
  };
  h = await harness({ storage, hooks, coordination: await coordinate() });
  const instances: SoraHandler[] = [
    h.handler,
    h.restart({ coordination: await coordinate() }),
    h.restart({ coordination: await coordinate() }),
  ];
  const users = instances.map((instance) => browser(instance));
  const ids: string[] = [];
  for (let i = 0; i < 9; i++) {
    const user = users[i % users.length] as (typeof users)[number];
    ids.push(((await user.post('/videos', { prompt: `shared ${i}` })).body as Job).jobId);
  }

  let worstRound = 0;
  for (let round = 0; round < 14; round++) {
    h.clock.advance(1000);
    const before = h.fake.calls.retrieve;
    const due = await Promise.all(instances.map((instance) => instance.pollOnce()));
    worstRound = Math.max(worstRound, h.fake.calls.retrieve - before);
    // Each instance may find the same jobs due; only one refresh per job may go upstream.
    expect(h.fake.calls.retrieve - before).toBeLessThanOrEqual(Math.max(...due));
  }
  const stored = await Promise.all(ids.map((id) => storage?.getItem<{ job: Job }>(`sora:job:${id}`)));
  expect(stored.map((record) => record?.job.status)).toEqual(ids.map(() => 'completed'));
  expect(completed.sort()).toEqual([...ids].sort());
  expect(h.fake.videoCount()).toBe(9);
  console.log(
    `redis: ${h.fake.calls.retrieve} retrieves for 9 jobs over 3 instances (at most ${worstRound} in a round)`,
  );
});
