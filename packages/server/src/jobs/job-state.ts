/**
 * The one writer of job state. Every stored change of a job record, the schedule entry that follows
 * it and every change published to event streams go through here, so what storage holds, what the
 * poller will claim and what watchers hear cannot drift apart. (A test fails when code elsewhere
 * saves a record or publishes a change itself.)
 */
import { isTerminal } from '@sora-kit/core/protocol';
import type { ChangeFeed } from './feed.js';
import type { JobRecord, Repository } from './repository.js';

/** Writes of job state; see the module comment. */
export interface JobState {
  /** Stores a new record, not yet visible to watchers (its create is still on its way upstream). */
  insert(record: Omit<JobRecord, 'indexChunk' | 'rev'>): Promise<JobRecord>;
  /**
   * Saves `record` (a compare-and-set on its `rev`), keeps it on the refresh schedule while it is
   * not terminal, and publishes it when the job a browser sees changed from `previous` (or there
   * is no `previous`).
   */
  save(record: JobRecord, previous?: JobRecord): Promise<JobRecord>;
  /** Tells watchers about a job whose record did not change but became theirs to see (a new job). */
  publish(record: JobRecord): Promise<void>;
  /** Deletes the record and tells watchers it is gone. */
  remove(record: JobRecord): Promise<void>;
}

/** The writer over a repository and a change feed. */
export function createJobState(repo: Repository, feed: ChangeFeed): JobState {
  return {
    insert: (record) => repo.insert(record),
    async save(record, previous) {
      const saved = await repo.save(record);
      // The schedule follows the record, so the poller's next claim finds the job when it is due.
      if (!isTerminal(saved.job.status)) await repo.activate(saved.job.jobId, saved.poll.nextAt);
      if (!previous || previous.job !== record.job) await feed.publish(saved.owner, saved.job.jobId, 'job');
      return saved;
    },
    publish: (record) => feed.publish(record.owner, record.job.jobId, 'job'),
    async remove(record) {
      await repo.remove(record);
      await feed.publish(record.owner, record.job.jobId, 'deleted');
    },
  };
}
