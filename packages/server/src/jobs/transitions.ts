/**
 * Pure state transitions of a job. The lifecycle shell does the I/O and asks these what the next
 * state is, so every rule (progress only rises, 100 only when completed, which failures are final)
 * lives here and is tested without storage or clocks.
 */
import { isTerminal, type JobAsset, type JobError, type JobStatus } from '@sora-kit/core/protocol';
import type { ProviderVideo } from '../providers/types.js';
import type { JobRecord, StoredReading } from './repository.js';

/**
 * Whether a job is due for a refresh at `nowMs`: still running and its next poll time reached. The
 * poller's claim, a read that refreshes stale jobs lazily and an event stream all ask this.
 */
export function isDue(record: JobRecord, nowMs: number): boolean {
  return !isTerminal(record.job.status) && record.poll.nextAt <= nowMs;
}

/** What to do after reading the provider's view of a job. */
export type RefreshDecision =
  | { type: 'progress'; status: Exclude<JobStatus, 'completed' | 'failed'>; progress: number }
  | { type: 'copy' }
  | { type: 'fail'; error: JobError };

/** Progress as the contract wants it: an integer, 0..99 until the job is completed. */
export function clampProgress(progress: number | undefined): number {
  if (progress === undefined || !Number.isFinite(progress)) return 0;
  return Math.max(0, Math.min(99, Math.floor(progress)));
}

/** Reads a provider video against the job it belongs to. */
export function decideRefresh(record: JobRecord, video: ProviderVideo, nowMs: number): RefreshDecision {
  if (video.status === 'failed') {
    return {
      type: 'fail',
      error: video.error ?? {
        code: 'upstream_failed',
        message: 'The provider could not make this video.',
        retryable: true,
      },
    };
  }
  if (video.status === 'completed') {
    if (video.expiresAt !== undefined && video.expiresAt <= nowMs) {
      return { type: 'fail', error: expiredError() };
    }
    return { type: 'copy' };
  }
  // Progress never goes backwards within an attempt, whatever the provider says.
  const progress = Math.max(record.job.progress, clampProgress(video.progress));
  return { type: 'progress', status: video.status, progress };
}

/** The provider's copy was gone before ours was made. */
export function expiredError(): JobError {
  return {
    code: 'expired',
    message: "The provider's copy expired before it could be saved.",
    retryable: true,
  };
}

/** The attempt ran past the configured deadline. */
export function timeoutError(): JobError {
  return { code: 'timeout', message: 'The video did not finish in time.', retryable: true };
}

/** The failure budget is spent; the provider may still be working on it. */
export function upstreamFailedError(): JobError {
  return {
    code: 'upstream_failed',
    message: 'The video provider kept failing; the video may still be generating. Retry to check again.',
    retryable: true,
  };
}

/** A record with progress applied. */
export function withProgress(
  record: JobRecord,
  status: JobStatus,
  progress: number,
  nowIso: string,
): JobRecord {
  if (record.job.status === status && record.job.progress === progress) return record;
  return { ...record, job: { ...record.job, status, progress, updatedAt: nowIso } };
}

/**
 * The poll pacing with a progress reading taken at `nowMs`: the first reading above 0 is kept,
 * and the current one moves only when the percentage does, so a job stuck at one value shows as
 * overdue rather than as a slower pace.
 */
export function withReading(poll: JobRecord['poll'], progress: number, nowMs: number): JobRecord['poll'] {
  if (progress <= 0 || progress >= 100) return poll;
  const reading: StoredReading = { progress, at: nowMs };
  return {
    ...poll,
    firstReading: poll.firstReading ?? reading,
    currentReading: poll.currentReading?.progress === progress ? poll.currentReading : reading,
  };
}

/** A failed record. */
export function failed(record: JobRecord, error: JobError, nowIso: string): JobRecord {
  const { creatingSince: _creating, ...rest } = record;
  return { ...rest, job: { ...record.job, status: 'failed', error, updatedAt: nowIso } };
}

/** A completed record: only here does progress reach 100. */
export function completed(record: JobRecord, asset: JobAsset, nowIso: string): JobRecord {
  const { error: _error, ...job } = record.job;
  return {
    ...record,
    job: { ...job, status: 'completed', progress: 100, asset, completedAt: nowIso, updatedAt: nowIso },
    poll: { ...record.poll, failures: 0 },
  };
}

/** A failed job started over: same id, one more attempt, a fresh provider call. */
export function retried(record: JobRecord, nowMs: number, nowIso: string): JobRecord {
  const { error: _error, asset: _asset, completedAt: _done, ...job } = record.job;
  const { providerVideoId: _pv, ...rest } = record;
  return {
    ...rest,
    job: { ...job, status: 'queued', progress: 0, attempts: record.job.attempts + 1, updatedAt: nowIso },
    attemptStartedAt: nowMs,
    creatingSince: nowMs,
    poll: { nextAt: nowMs, failures: 0 },
  };
}

/** After a failed refresh: back off, or fail once the budget is spent. */
export function afterUpstreamFailure(
  record: JobRecord,
  budget: number,
): { type: 'backoff'; failures: number } | { type: 'fail'; error: JobError } {
  const failures = record.poll.failures + 1;
  return failures >= budget ? { type: 'fail', error: upstreamFailedError() } : { type: 'backoff', failures };
}

/** The idempotency key a provider create carries: one per job attempt. */
export function providerIdempotencyKey(record: JobRecord): string {
  return `${record.keyBase ?? `sora-kit-${record.job.jobId}`}-${record.job.attempts}`;
}
