/**
 * Starting work: a new job (create or remix) and a retry of a failed one. A job is written before
 * the provider is called, so a crash in between leaves a job the poller re-sends (same
 * idempotency key); a create the provider refuses leaves no job behind, except a moderation or
 * reference refusal, which is kept as a failed job so the user sees why.
 */
import type { Job, JobError, ValidCreateVideo } from '@sora-kit/core';
import type { Identity } from '../auth/types.js';
import { blobKey } from '../media/blob-keys.js';
import { withFields } from '../observability/logger.js';
import { withJobSpans } from '../observability/tracing.js';
import { ProviderError } from '../providers/errors.js';
import type { ProviderReference } from '../providers/types.js';
import { JobStateError, StartRefusedError } from './errors.js';
import { announceCreated } from './finish.js';
import type { Lifecycle } from './lifecycle.js';
import type { JobRecord } from './repository.js';
import type { Runtime } from './runtime.js';
import { retried } from './transitions.js';

/** What a new job is made from. */
export interface NewJob {
  identity: Identity;
  owner: string;
  input: ValidCreateVideo;
  reference?: ProviderReference;
  remixOf?: string;
  remixSource?: string;
  reservation?: string;
  /** See {@link JobRecord.keyBase}. */
  keyBase?: string;
  /** The provider's name (a remix stays with its source's); default: the one serving the model. */
  provider?: string;
  /** The id of the request asking for it, named on the log lines of its creation. */
  requestId?: string;
}

/** A refusal kept as a failed job, or undefined when the refusal should leave nothing behind. */
function refusalAsJobError(error: unknown): JobError | undefined {
  if (!(error instanceof ProviderError) || error.kind !== 'rejected') return undefined;
  if (error.code === 'moderation_blocked') {
    return {
      code: 'moderation_blocked',
      message: 'The provider refused this prompt or image.',
      retryable: false,
    };
  }
  if (error.code === 'invalid_reference') {
    return {
      code: 'invalid_reference',
      message: 'The provider could not use this reference image.',
      retryable: false,
    };
  }
  return undefined;
}

/** What a refused start throws: the provider's refusal as a domain error, anything else as is. */
function refusalError(error: unknown): unknown {
  return error instanceof ProviderError ? new StartRefusedError(error) : error;
}

async function settleFailed(rt: Runtime, reservation: string | undefined): Promise<void> {
  if (reservation && rt.admission) await rt.admission.settle(reservation, 'failed').catch(() => {});
}

function newJob(rt: Runtime, jobId: string, request: NewJob & { provider: string }): Job {
  const at = rt.now().toISOString();
  const job: Job = {
    jobId,
    status: 'queued',
    progress: 0,
    prompt: request.input.prompt,
    model: request.input.model,
    size: request.input.size,
    seconds: request.input.seconds,
    provider: request.provider,
    hasReference: request.reference !== undefined,
    attempts: 1,
    createdAt: at,
    updatedAt: at,
  };
  if (request.remixOf) job.remixOf = request.remixOf;
  return job;
}

/** Creates a job and sends it upstream; answers the stored record (maybe already failed). */
export async function createJob(rt: Runtime, lifecycle: Lifecycle, request: NewJob): Promise<JobRecord> {
  const jobId = rt.id();
  // The provider calls below (their spans) are about this job.
  return withJobSpans(jobId, () => createWithId(rt, lifecycle, request, jobId));
}

async function createWithId(
  rt: Runtime,
  lifecycle: Lifecycle,
  request: NewJob,
  jobId: string,
): Promise<JobRecord> {
  const logger = request.requestId ? withFields(rt.logger, { requestId: request.requestId }) : rt.logger;
  const nowMs = rt.now().getTime();
  if (request.reference) {
    const bytes = request.reference.bytes;
    const body = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
    await rt.blobs.put(blobKey(jobId, 'reference'), body, { contentType: request.reference.contentType });
  }
  const provider = request.provider ?? (await rt.providers.forModel(request.input.model)).name;
  const record = await rt.jobs.insert({
    job: newJob(rt, jobId, { ...request, provider }),
    identity: request.identity.id,
    owner: request.owner,
    attemptStartedAt: nowMs,
    creatingSince: nowMs,
    poll: { nextAt: nowMs, failures: 0 },
    ...(request.remixSource ? { remixSource: request.remixSource } : {}),
    ...(request.reservation ? { reservation: request.reservation } : {}),
    ...(request.keyBase ? { keyBase: request.keyBase } : {}),
  });
  try {
    const started = await lifecycle.startAttempt(record, request.reference);
    await rt.jobs.publish(started);
    await announceCreated(rt, started, logger);
    return (await rt.repo.get(jobId)) ?? started;
  } catch (error) {
    const kept = refusalAsJobError(error);
    if (kept) {
      await announceCreated(rt, record, logger);
      return lifecycle.fail(record, kept);
    }
    logger.warn('create refused upstream', {
      jobId,
      error: error instanceof Error ? error.message : String(error),
    });
    await rt.jobs.remove(record);
    await rt.blobs.delete(blobKey(jobId, 'reference')).catch(() => {});
    await settleFailed(rt, request.reservation);
    throw refusalError(error);
  }
}

/** Starts a failed job over (same id, attempts + 1, the stored reference reused). */
export async function retryJob(
  rt: Runtime,
  lifecycle: Lifecycle,
  record: JobRecord,
  reservation?: string,
): Promise<JobRecord> {
  if (record.job.status !== 'failed') {
    throw new JobStateError('Only a failed video can be retried.');
  }
  return withJobSpans(record.job.jobId, () => retryStarted(rt, lifecycle, record, reservation));
}

async function retryStarted(
  rt: Runtime,
  lifecycle: Lifecycle,
  record: JobRecord,
  reservation: string | undefined,
): Promise<JobRecord> {
  const nowMs = rt.now().getTime();
  const next = retried(record, nowMs, rt.now().toISOString());
  if (reservation) next.reservation = reservation;
  const saved = await rt.jobs.save(next, record);
  await rt.repo.activate(record.job.jobId);
  try {
    await lifecycle.startAttempt(saved);
    return (await rt.repo.get(record.job.jobId)) ?? saved;
  } catch (error) {
    const kept = refusalAsJobError(error);
    if (kept) return lifecycle.fail(saved, kept);
    // Put the job back as it was: the retry did not happen.
    const current = (await rt.repo.get(record.job.jobId)) ?? saved;
    await rt.jobs.save({ ...record, rev: current.rev }, current);
    await rt.repo.deactivate(record.job.jobId);
    await settleFailed(rt, reservation);
    throw refusalError(error);
  }
}
