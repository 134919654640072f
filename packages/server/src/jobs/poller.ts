/**
 * The background loop of a long-running server or worker: claim the jobs whose refresh is due from
 * the coordination's schedule and refresh them. The loop wakes when a job this process scheduled
 * falls due (one timer per such job) and at least every tick, for jobs other instances scheduled.
 * A claim reads only due entries, so a pass costs the same with ten active jobs or ten thousand; a
 * claimed job comes back by itself if its claimer dies. Serverless hosts never start it; reads
 * refresh stale jobs lazily instead (see routes/videos.ts).
 */
import { isTerminal } from '@sora-kit/core/protocol';
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

/**
 * Passes woken by due times start at least this long after the previous one ended, so many jobs
 * falling due together share one claim instead of a claim each.
 */
const WAKE_COALESCE_MS = 10;

/** Creates the poller of one handler or worker. */
export function createPoller(rt: Runtime, lifecycle: Lifecycle) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Wall-clock ms the loop's timer fires at. */
  let timerAt = Number.POSITIVE_INFINITY;
  let pass: Promise<number> | undefined;
  /** A job fell due while a pass was running: run another right after it. */
  let dueDuringPass = false;
  let lastPassEnd = 0;
  let seeded = false;
  /** One timer per job this process scheduled, firing at its due time. */
  const dueTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let stopWatching: (() => void) | undefined;

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

  function runPass(): void {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    dueDuringPass = false;
    pass = pollOnce().catch((error) => {
      rt.logger.error('polling pass failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      return 0;
    });
    void pass.then(() => {
      pass = undefined;
      lastPassEnd = Date.now();
      armIn(dueDuringPass ? WAKE_COALESCE_MS : rt.polling.tickMs);
    });
  }

  /** Arms the loop's timer to fire `delayMs` from now, unless it fires sooner already. */
  function armIn(delayMs: number): void {
    if (!rt.loop.running || pass) return;
    const wait = Math.max(0, delayMs);
    const at = Date.now() + wait;
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(runPass, wait);
  }

  /** A job this process scheduled fell due: run a pass soon. */
  function wake(): void {
    if (!rt.loop.running) return;
    if (pass) dueDuringPass = true;
    else armIn(lastPassEnd + WAKE_COALESCE_MS - Date.now());
  }

  /** Follows a job's due time (by the handler's clock, `rt.now()`) with a timer. */
  function watchDue(jobId: string, dueAt: number | undefined): void {
    const previous = dueTimers.get(jobId);
    if (previous) clearTimeout(previous);
    dueTimers.delete(jobId);
    if (dueAt === undefined || !rt.loop.running) return;
    const fire = () => {
      const early = dueAt - rt.now().getTime();
      if (early > 0) {
        // The timer ran ahead of the handler's clock: wait the rest.
        const again = setTimeout(fire, early);
        again.unref?.();
        dueTimers.set(jobId, again);
        return;
      }
      dueTimers.delete(jobId);
      wake();
    };
    const handle = setTimeout(fire, Math.max(0, dueAt - rt.now().getTime()));
    // The loop's own timer keeps a process alive; these only make it punctual.
    handle.unref?.();
    dueTimers.set(jobId, handle);
  }

  function stopTimers(): void {
    rt.loop.running = false;
    if (timer) clearTimeout(timer);
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    stopWatching?.();
    stopWatching = undefined;
    for (const handle of dueTimers.values()) clearTimeout(handle);
    dueTimers.clear();
  }

  return {
    pollOnce,
    /** Starts the loop (idempotent). */
    start(): void {
      if (rt.loop.running) return;
      rt.loop.running = true;
      stopWatching = rt.repo.onSchedule(watchDue);
      // A pass still finishing from before a stop arms the next one itself.
      if (!pass) armIn(rt.polling.tickMs);
    },
    /** Stops the loop; a pass in progress finishes on its own. */
    stop(): void {
      stopTimers();
    },
    /** Stops the loop and waits for a pass in progress. */
    async close(): Promise<void> {
      stopTimers();
      await pass;
    },
    isRunning: () => rt.loop.running,
  };
}

/** The poller of one handler or worker. */
export type Poller = ReturnType<typeof createPoller>;
