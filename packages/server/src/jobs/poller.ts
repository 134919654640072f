/**
 * The background loop of a long-running server or worker: every tick, claim the jobs whose refresh
 * is due from the coordination's schedule and refresh them. A claim reads only due entries, so a
 * tick costs the same with ten active jobs or ten thousand; a claimed job comes back by itself if
 * its claimer dies. Serverless hosts never start it; reads refresh stale jobs lazily instead (see
 * routes/videos.ts).
 */
import { isTerminal } from '@sora-kit/core';
import type { Lifecycle } from './lifecycle.js';
import type { Runtime } from './runtime.js';

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/** Creates the poller of one handler or worker. */
export function createPoller(rt: Runtime, lifecycle: Lifecycle) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass: Promise<number> | undefined;
  let seeded = false;

  /**
   * The in-process schedule starts empty in a new process: fill it once from the stored records,
   * which is how a restart of a single process resumes its unfinished jobs. Shared engines keep
   * their schedule, so they skip this.
   */
  async function seedInProcessSchedule(): Promise<void> {
    if (seeded || rt.coordination.kind !== 'memory') return;
    seeded = true;
    const jobKeys = await rt.storage.getKeys('sora:job');
    await eachLimited(jobKeys, 16, async (key) => {
      const record = await rt.repo.get(key.slice(key.lastIndexOf(':') + 1));
      if (record && !isTerminal(record.job.status))
        await rt.repo.activate(record.job.jobId, record.poll.nextAt);
    });
  }

  /** Refreshes the jobs due now, a batch at a time; resolves with how many were claimed. */
  async function pollOnce(): Promise<number> {
    await seedInProcessSchedule();
    const batch = rt.polling.concurrency * 4;
    let claimed = 0;
    // Several batches in one pass when many fell due at once (a restart), bounded so a pass ends.
    for (let round = 0; round < 8; round++) {
      const due = await rt.coordination.claimDue(rt.now().getTime(), batch, rt.polling.leaseMs);
      claimed += due.length;
      if (due.length > 0) rt.logger.debug('refreshing due jobs', { count: due.length });
      await eachLimited(due, rt.polling.concurrency, (jobId) => lifecycle.refresh(jobId));
      if (due.length < batch) break;
    }
    return claimed;
  }

  function schedule(): void {
    if (timer || !rt.loop.running) return;
    timer = setTimeout(() => {
      timer = undefined;
      pass = pollOnce().catch((error) => {
        rt.logger.error('polling pass failed', {
          error: error instanceof Error ? error.message : String(error),
        });
        return 0;
      });
      void pass.then(() => {
        pass = undefined;
        schedule();
      });
    }, rt.polling.tickMs);
  }

  return {
    pollOnce,
    /** Starts the loop (idempotent). */
    start(): void {
      if (rt.loop.running) return;
      rt.loop.running = true;
      // A pass still finishing from before a stop schedules the next one itself.
      if (!pass) schedule();
    },
    /** Stops the loop; a pass in progress finishes on its own. */
    stop(): void {
      rt.loop.running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    /** Stops the loop and waits for a pass in progress. */
    async close(): Promise<void> {
      rt.loop.running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await pass;
    },
    isRunning: () => rt.loop.running,
  };
}

/** The poller of one handler. */
export type Poller = ReturnType<typeof createPoller>;
