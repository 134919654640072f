/**
 * The job lifecycle shell: sends attempts upstream and refreshes jobs under their lease. Every
 * decision comes from ./transitions.ts and ./poll-delay.ts; this file does the I/O, in an order
 * that leaves a resumable job if the process dies between any two steps:
 *   record `queued` (with `creatingSince`) → provider create (idempotency key per attempt)
 *   → provider id stored → progress … → copy (idempotent) → `completed`.
 */
import { isTerminal, type JobError } from '@sora-kit/core/protocol';
import { blobKey } from '../media/blob-keys.js';
import { withJobSpans } from '../observability/tracing.js';
import { ProviderError } from '../providers/errors.js';
import { retiredProviderError } from '../providers/registry.js';
import type { ProviderReference, ProviderVideo } from '../providers/types.js';
import { copyAndComplete } from './complete.js';
import { announceTerminal } from './finish.js';
import { sha256Hex } from './hash.js';
import { nextPollDelay } from './poll-delay.js';
import type { JobRecord, StoredReading } from './repository.js';
import type { Runtime } from './runtime.js';
import { keys } from './storage-keys.js';
import {
  afterUpstreamFailure,
  decideRefresh,
  failed,
  isDue,
  providerIdempotencyKey,
  timeoutError,
  withProgress,
  withReading,
} from './transitions.js';

/** Creates the lifecycle of one handler. */
export function createLifecycle(rt: Runtime) {
  const inFlight = new Set<string>();
  const nowMs = () => rt.now().getTime();
  const nowIso = () => rt.now().toISOString();
  // A create still unanswered after this long is presumed lost (its process died) and is re-sent.
  const createGraceMs = () => Math.min(rt.polling.leaseMs, 30_000);

  /** Saves through the one writer of job state (schedule and watchers follow the record). */
  const persist = (record: JobRecord, previous?: JobRecord) => rt.jobs.save(record, previous);

  function delayFor(
    record: JobRecord,
    extra: { failures?: number; retryAfterMs?: number; progressEstimated?: boolean } = {},
  ): number {
    const sinceStart = (reading: StoredReading | undefined) =>
      reading && { progress: reading.progress, elapsedMs: reading.at - record.attemptStartedAt };
    return nextPollDelay({
      elapsedMs: nowMs() - record.attemptStartedAt,
      progress: record.job.progress,
      firstReading: sinceStart(record.poll.firstReading),
      currentReading: sinceStart(record.poll.currentReading),
      minDelayMs: rt.polling.minDelayMs,
      maxDelayMs: rt.polling.maxDelayMs,
      deadlineMs: rt.polling.deadlineMs,
      safetyNetDelayMs: rt.polling.webhooks ? rt.polling.safetyNetDelayMs : undefined,
      ...extra,
    });
  }

  /** Fails a job for good (until a retry) and runs the once-only follow-ups. */
  async function fail(record: JobRecord, error: JobError): Promise<JobRecord> {
    const saved = await persist(failed(record, error, nowIso()), record);
    await announceTerminal(rt, saved);
    return saved;
  }

  async function loadReference(record: JobRecord): Promise<ProviderReference | undefined> {
    if (!record.job.hasReference) return undefined;
    const blob = await rt.blobs.get(blobKey(record.job.jobId, 'reference'));
    if (!blob)
      throw new ProviderError('rejected', 'The reference image is missing', { code: 'invalid_reference' });
    const bytes = new Uint8Array(await new Response(blob.body).arrayBuffer());
    const contentType = blob.info.contentType as ProviderReference['contentType'];
    const extension = contentType.split('/')[1] ?? 'png';
    return { bytes, contentType, filename: `reference.${extension === 'jpeg' ? 'jpg' : extension}` };
  }

  async function callProvider(record: JobRecord, reference?: ProviderReference): Promise<ProviderVideo> {
    const provider = rt.providers.get(record.job.provider);
    if (!provider)
      throw new ProviderError('rejected', `provider ${record.job.provider} is no longer configured`);
    const idempotencyKey = providerIdempotencyKey(record);
    const { prompt, model, size, seconds } = record.job;
    if (record.remixSource) {
      if (!provider.remix) throw new ProviderError('rejected', 'This provider cannot remix videos');
      return provider.remix(record.remixSource, { prompt, idempotencyKey });
    }
    const input = {
      prompt,
      model,
      size,
      seconds,
      idempotencyKey,
      reference: reference ?? (await loadReference(record)),
      webhookUrl: rt.webhookUrl(provider.name),
    };
    return provider.create(input);
  }

  /**
   * Applies the provider's answer to a create or a refresh: the record as saved, and whether its
   * files are ready to copy (decided once, here).
   */
  async function applyVideo(
    record: JobRecord,
    video: ProviderVideo,
  ): Promise<{ record: JobRecord; copy: boolean }> {
    const decision = decideRefresh(record, video, nowMs());
    if (decision.type === 'fail') return { record: await fail(record, decision.error), copy: false };
    // Failed copies keep counting across passes (the retrieve before each one succeeds), so a
    // download that never works ends in the failure budget instead of looping to the deadline.
    if (decision.type === 'copy') {
      return {
        record: await persist({ ...record, poll: { ...record.poll, nextAt: nowMs() } }, record),
        copy: true,
      };
    }
    const progressed = withProgress(record, decision.status, decision.progress, nowIso());
    // A guessed progress gives no pace to aim at, so it is not kept as a reading.
    const estimated = video.progressEstimated === true;
    const next = estimated
      ? progressed
      : { ...progressed, poll: withReading(progressed.poll, decision.progress, nowMs()) };
    const delay = delayFor(next, { progressEstimated: estimated });
    const saved = await persist(
      { ...next, poll: { ...next.poll, nextAt: nowMs() + delay, failures: 0 } },
      record,
    );
    return { record: saved, copy: false };
  }

  /**
   * Sends the record's current attempt upstream (create, or remix) and stores the provider's id.
   * Throws the ProviderError of a refused or failed call; the caller decides what that means.
   */
  async function startAttempt(record: JobRecord, reference?: ProviderReference): Promise<JobRecord> {
    const video = await callProvider(record, reference);
    await rt.storage.setItem(keys.providerVideo(await sha256Hex(video.id)), record.job.jobId);
    const { creatingSince: _sent, ...rest } = record;
    const current = (await rt.repo.get(record.job.jobId)) ?? record;
    return (await applyVideo({ ...rest, rev: current.rev, providerVideoId: video.id }, video)).record;
  }

  async function onUpstreamError(record: JobRecord, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    rt.logger.warn('upstream refresh failed', { jobId: record.job.jobId, error: message });
    if (error instanceof ProviderError && error.kind === 'not_found' && record.providerVideoId) {
      // The provider lost the video (deleted, or gone): more polls cannot bring it back.
      await fail(record, {
        code: 'upstream_failed',
        message: 'The provider no longer knows this video.',
        retryable: true,
      });
      return;
    }
    if (error instanceof ProviderError && error.kind === 'rejected' && !record.providerVideoId) {
      const code =
        error.code === 'moderation_blocked' || error.code === 'invalid_reference'
          ? error.code
          : 'upstream_failed';
      await fail(record, {
        code,
        message: 'The provider refused this video.',
        retryable: code === 'upstream_failed',
      });
      return;
    }
    const verdict = afterUpstreamFailure(record, rt.polling.failureBudget);
    if (verdict.type === 'fail') {
      await fail(record, verdict.error);
      return;
    }
    const retryAfterMs = error instanceof ProviderError ? error.retryAfterMs : undefined;
    const delay = delayFor(record, { failures: verdict.failures, retryAfterMs });
    await persist(
      { ...record, poll: { ...record.poll, nextAt: nowMs() + delay, failures: verdict.failures } },
      record,
    );
  }

  /** One refresh of a job we hold the lease of. */
  async function refreshHeld(jobId: string, token: string, force: boolean): Promise<void> {
    const record = await rt.repo.get(jobId);
    if (!record || isTerminal(record.job.status)) {
      if (record) await announceTerminal(rt, record);
      else await rt.repo.deactivate(jobId);
      return;
    }
    if (!force && !isDue(record, nowMs())) {
      await rt.repo.activate(jobId, record.poll.nextAt); // claimed early: put it back where it belongs
      return;
    }
    if (!force) rt.metrics.scheduleLag.observe(Math.max(0, nowMs() - record.poll.nextAt) / 1000);
    const provider = rt.providers.get(record.job.provider);
    if (!provider) {
      // Its provider was removed from the options: nobody can finish it, so fail it now.
      await fail(record, retiredProviderError(record.job.provider));
      return;
    }
    if (nowMs() - record.attemptStartedAt > rt.polling.deadlineMs) {
      await fail(record, timeoutError());
      return;
    }
    if (!record.providerVideoId) {
      if (record.creatingSince !== undefined && nowMs() - record.creatingSince < createGraceMs()) {
        // Its create may still answer: look again once the grace is over.
        await rt.repo.activate(jobId, record.creatingSince + createGraceMs());
        return;
      }
      // The create's answer was lost (a crash): send it again; its idempotency key makes it the same video.
      const resending = await persist({ ...record, creatingSince: nowMs() }, record);
      await startAttempt(resending).catch((error) => onUpstreamError(resending, error));
      return;
    }
    let video: ProviderVideo;
    try {
      video = await provider.retrieve(record.providerVideoId, { startedAt: record.attemptStartedAt });
    } catch (error) {
      await onUpstreamError(record, error);
      return;
    }
    const applied = await applyVideo(record, video);
    if (applied.copy) await copyAndComplete(rt, applied.record, token, video, { fail, onUpstreamError });
  }

  /**
   * Refreshes one job if it is due (or `force`), holding its lease so that across every instance
   * only one upstream call per job is in flight. Returns without waiting when another holds it.
   */
  function refresh(jobId: string, options: { force?: boolean } = {}): Promise<void> {
    if (inFlight.has(jobId)) return Promise.resolve();
    return withJobSpans(jobId, () => refreshOnce(jobId, options.force === true));
  }

  async function refreshOnce(jobId: string, force: boolean): Promise<void> {
    inFlight.add(jobId);
    try {
      const leaseKey = keys.lease(jobId);
      const token = await rt.leases.acquire(leaseKey, rt.polling.leaseMs);
      if (!token) return;
      try {
        await refreshHeld(jobId, token, force);
      } finally {
        await rt.leases.release(leaseKey, token);
      }
    } catch (error) {
      rt.logger.error('refresh failed', {
        jobId,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      inFlight.delete(jobId);
    }
  }

  return { persist, fail, startAttempt, refresh, inFlight: () => inFlight.size };
}

/** The lifecycle of one handler. */
export type Lifecycle = ReturnType<typeof createLifecycle>;
