/**
 * The placeholder a store shows between "Generate" and the server's answer.
 */
import type { CreateVideoInput, Job } from './contract.js';
import { randomId } from './endpoint.js';

/** Prefix of the ids of jobs the server has not confirmed yet. */
export const PENDING_PREFIX = 'pending_';

/** Whether a job is the store's optimistic placeholder (no server id yet; no actions apply). */
export function isPendingJob(job: Pick<Job, 'jobId'>): boolean {
  return job.jobId.startsWith(PENDING_PREFIX);
}

/** A queued job at progress 0 standing for a create request in flight. */
export function optimisticJob(input: CreateVideoInput, now: number): Job {
  const at = new Date(now).toISOString();
  return {
    jobId: `${PENDING_PREFIX}${randomId()}`,
    status: 'queued',
    progress: 0,
    prompt: input.prompt,
    model: input.model ?? '',
    size: input.size ?? '',
    seconds: input.seconds ?? 0,
    provider: '',
    hasReference: input.inputReference !== undefined,
    attempts: 1,
    createdAt: at,
    updatedAt: at,
  };
}
