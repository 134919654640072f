/**
 * The placeholder a store shows between "Generate" and the server's answer.
 */
import type { Job } from './contract.js';

/** Prefix of the ids of jobs the server has not confirmed yet. */
export const PENDING_PREFIX = 'pending_';

/** Whether a job is the store's optimistic placeholder (no server id yet; no actions apply). */
export function isPendingJob(job: Pick<Job, 'jobId'>): boolean {
  return job.jobId.startsWith(PENDING_PREFIX);
}
