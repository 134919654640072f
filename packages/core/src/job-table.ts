/**
 * The store's jobs by id, as signals: the newest-first list, and one cached computed per id.
 * Deleted ids are remembered so a poll or event that raced the delete cannot bring a job back.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import type { Job } from './contract.js';
import { isPendingJob } from './optimistic.js';

/** The mutable heart of a store. */
export interface JobTable {
  readonly jobs: ReadonlySignal<readonly Job[]>;
  job(jobId: string): ReadonlySignal<Job | undefined>;
  get(jobId: string): Job | undefined;
  all(): Job[];
  isPending(jobId: string): boolean;
  /** Adds or replaces a job unless ours is newer (by `updatedAt`) or it was deleted here. */
  upsert(job: Job, options?: { force?: boolean }): void;
  upsertMany(jobs: readonly Job[]): void;
  insertPending(job: Job): void;
  remove(jobId: string): void;
  /** Undoes a `remove` (a delete the server refused). */
  restore(jobId: string, job: Job | undefined): void;
}

function newestFirst(a: Job, b: Job): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.jobId < b.jobId ? 1 : a.jobId > b.jobId ? -1 : 0;
}

/** Whether `incoming` should replace `current`: newer, or as new but different (never a no-op write). */
function isNewer(incoming: Job, current: Job | undefined): boolean {
  if (!current) return true;
  const delta = Date.parse(incoming.updatedAt) - Date.parse(current.updatedAt);
  if (Number.isNaN(delta) || delta > 0) return true;
  return delta === 0 && JSON.stringify(incoming) !== JSON.stringify(current);
}

/** Creates an empty job table. */
export function createJobTable(): JobTable {
  const byId = signal<ReadonlyMap<string, Job>>(new Map());
  const deleted = new Set<string>();
  const perJob = new Map<string, ReadonlySignal<Job | undefined>>();
  const jobs = computed<readonly Job[]>(() => [...byId.value.values()].sort(newestFirst));

  function write(mutate: (next: Map<string, Job>) => boolean) {
    const next = new Map(byId.value);
    if (mutate(next)) byId.value = next;
  }
  function merge(next: Map<string, Job>, job: Job, force: boolean): boolean {
    if (deleted.has(job.jobId)) return false;
    if (!force && !isNewer(job, next.get(job.jobId))) return false;
    next.set(job.jobId, job);
    return true;
  }

  return {
    jobs,
    job(jobId) {
      let cached = perJob.get(jobId);
      if (!cached) {
        cached = computed(() => byId.value.get(jobId));
        perJob.set(jobId, cached);
      }
      return cached;
    },
    get: (jobId) => byId.peek().get(jobId),
    all: () => [...byId.peek().values()],
    isPending: (jobId) => isPendingJob({ jobId }),
    upsert(job, options) {
      write((next) => merge(next, job, options?.force ?? false));
    },
    upsertMany(list) {
      write((next) => list.reduce((changed, job) => merge(next, job, false) || changed, false));
    },
    insertPending(job) {
      write((next) => {
        next.set(job.jobId, job);
        return true;
      });
    },
    remove(jobId) {
      if (!isPendingJob({ jobId })) deleted.add(jobId);
      write((next) => next.delete(jobId));
    },
    restore(jobId, job) {
      deleted.delete(jobId);
      if (job) write((next) => merge(next, job, true));
    },
  };
}
