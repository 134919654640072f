/**
 * The store's jobs by id, as signals: the newest-first list, and one cached computed per id.
 * The list is kept sorted as jobs change (an update in place, an insert by binary search), so a
 * live event costs a copy of the list, not a sort. Deleted ids are remembered so a poll or event
 * that raced the delete cannot bring a job back.
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
  remove(jobId: string): void;
  /** Undoes a `remove` (a delete the server refused). */
  restore(jobId: string, job: Job | undefined): void;
}

interface State {
  byId: ReadonlyMap<string, Job>;
  list: readonly Job[];
}

/** Newest first by `createdAt`, then by id so the order is total. */
export function newestFirst(a: Job, b: Job): number {
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

function insertSorted(list: Job[], job: Job): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (newestFirst(list[mid] as Job, job) <= 0) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, job);
}

/** A draft of the next state: copied once per write, however many jobs the write touches. */
function draft(state: State) {
  const byId = new Map(state.byId);
  const list = [...state.list];
  return {
    byId,
    list,
    put(job: Job) {
      const current = byId.get(job.jobId);
      byId.set(job.jobId, job);
      if (current && current.createdAt === job.createdAt) {
        list[list.indexOf(current)] = job;
        return;
      }
      if (current) list.splice(list.indexOf(current), 1);
      insertSorted(list, job);
    },
    drop(jobId: string): boolean {
      const current = byId.get(jobId);
      if (!current) return false;
      byId.delete(jobId);
      list.splice(list.indexOf(current), 1);
      return true;
    },
  };
}

/** Creates an empty job table. */
export function createJobTable(): JobTable {
  const state = signal<State>({ byId: new Map(), list: [] });
  const deleted = new Set<string>();
  const perJob = new Map<string, ReadonlySignal<Job | undefined>>();

  function write(mutate: (next: ReturnType<typeof draft>) => boolean) {
    const next = draft(state.peek());
    if (mutate(next)) state.value = { byId: next.byId, list: next.list };
  }
  function merge(next: ReturnType<typeof draft>, job: Job, force: boolean): boolean {
    if (deleted.has(job.jobId)) return false;
    if (!force && !isNewer(job, next.byId.get(job.jobId))) return false;
    next.put(job);
    return true;
  }

  return {
    jobs: computed(() => state.value.list),
    job(jobId) {
      let cached = perJob.get(jobId);
      if (!cached) {
        cached = computed(() => state.value.byId.get(jobId));
        perJob.set(jobId, cached);
      }
      return cached;
    },
    get: (jobId) => state.peek().byId.get(jobId),
    all: () => [...state.peek().list],
    isPending: (jobId) => isPendingJob({ jobId }),
    upsert(job, options) {
      write((next) => merge(next, job, options?.force ?? false));
    },
    upsertMany(list) {
      write((next) => list.reduce((changed, job) => merge(next, job, false) || changed, false));
    },
    remove(jobId) {
      if (!isPendingJob({ jobId })) deleted.add(jobId);
      write((next) => next.drop(jobId));
    },
    restore(jobId, job) {
      deleted.delete(jobId);
      if (job) write((next) => merge(next, job, true));
    },
  };
}
