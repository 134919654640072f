/**
 * The background loop of a long-running server: every tick, refresh the active jobs that are due.
 * On start it simply picks up every unfinished job in storage, which is how a restart resumes.
 * Serverless hosts never start it; reads refresh stale jobs lazily instead (see routes/videos.ts).
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

/** Creates the poller of one handler. */
export function createPoller(rt: Runtime, lifecycle: Lifecycle) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let pass: Promise<number> | undefined;

  /** Refreshes every due active job once; resolves with how many were due. */
  async function pollOnce(): Promise<number> {
    const ids = await rt.repo.listActive();
    const now = rt.now().getTime();
    const due: string[] = [];
    await eachLimited(ids, 16, async (jobId) => {
      const record = await rt.repo.get(jobId);
      if (!record || isTerminal(record.job.status) || record.poll.nextAt <= now) due.push(jobId);
    });
    await eachLimited(due, rt.polling.concurrency, (jobId) => lifecycle.refresh(jobId));
    return due.length;
  }

  function schedule(): void {
    if (timer || !running) return;
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
      if (running) return;
      running = true;
      // A pass still finishing from before a stop schedules the next one itself.
      if (!pass) schedule();
    },
    /** Stops the loop; a pass in progress finishes on its own. */
    stop(): void {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    /** Stops the loop and waits for a pass in progress. */
    async close(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await pass;
    },
    isRunning: () => running,
  };
}

/** The poller of one handler. */
export type Poller = ReturnType<typeof createPoller>;
