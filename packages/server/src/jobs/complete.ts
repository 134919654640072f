/**
 * The last step of a job: copy the provider's files into our blob store, then (only then) mark it
 * completed. The copy is idempotent, so a copy cut short by a crash simply runs again on resume.
 */
import type { JobError } from '@sora-kit/core';
import { jobBlobKeys } from '../media/blob-keys.js';
import { copyAssets } from '../media/copy.js';
import { AssetExpiredError, InvalidMediaError, MissingVariantError } from '../media/errors.js';
import type { ProviderVideo } from '../providers/types.js';
import { announceTerminal } from './finish.js';
import type { JobRecord } from './repository.js';
import type { Runtime } from './runtime.js';
import { keys } from './storage-keys.js';
import { completed, expiredError } from './transitions.js';

/** Later passes a copy gets when an optional variant (thumbnail, spritesheet) failed every try. */
const OPTIONAL_COPY_RETRIES = 2;

/**
 * The openai SDK leaves one abort listener on a caller's signal per request (3 variants, each
 * retried): they all go with the copy's signal, so Node's warning at 11 would be a false leak alarm.
 * Node only (the handler also runs in browsers, for Storybook), without a static `node:` import.
 */
function allowListeners(signal: AbortSignal, count: number): void {
  type NodeEvents = { setMaxListeners(n: number, target: AbortSignal): void };
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  (host.process?.getBuiltinModule?.('node:events') as NodeEvents | undefined)?.setMaxListeners(count, signal);
}

/** What the copy step borrows from the lifecycle. */
export interface CompleteHelpers {
  fail(record: JobRecord, error: JobError): Promise<JobRecord>;
  onUpstreamError(record: JobRecord, error: unknown): Promise<void>;
}

/** Copies the assets of a job the provider finished, holding (and renewing) the job's lease. */
export async function copyAndComplete(
  rt: Runtime,
  record: JobRecord,
  token: string,
  video: ProviderVideo,
  helpers: CompleteHelpers,
): Promise<void> {
  const jobId = record.job.jobId;
  const leaseKey = keys.lease(jobId);
  const controller = new AbortController();
  allowListeners(controller.signal, 64);
  const stop = () => controller.abort();
  rt.stopping.addEventListener('abort', stop, { once: true });
  // A long copy must not lose its lease to another instance, which would copy the same files.
  const renewal = setInterval(
    () => {
      rt.leases.renew(leaseKey, token, rt.polling.leaseMs).then(
        (held) => {
          if (!held) controller.abort();
        },
        () => {},
      );
    },
    Math.max(1000, Math.floor(rt.polling.leaseMs / 3)),
  );
  try {
    // The job's own provider, never the default (the lifecycle has failed jobs of retired ones).
    const provider = rt.providers.get(record.job.provider) ?? rt.provider;
    const { variants } = await rt.providers.capabilitiesOf(provider);
    const asset = await copyAssets({
      provider,
      blobs: rt.blobs,
      providerVideoId: record.providerVideoId ?? video.id,
      jobId,
      variants,
      signal: controller.signal,
      expiresAt: video.expiresAt,
      now: rt.now,
      retry: rt.copyRetry,
      logger: rt.logger,
      onStored: (variant, bytes) => rt.metrics.blobBytes.inc({ variant }, bytes),
    });
    const missing = variants.filter((variant) => !asset.variants.includes(variant));
    if (
      missing.length > 0 &&
      (record.poll.optionalRetries ?? 0) < OPTIONAL_COPY_RETRIES &&
      record.poll.failures + 1 < rt.polling.failureBudget
    ) {
      // A thumbnail or spritesheet that failed every try is worth another pass later (the copy is
      // idempotent) before the job completes without it.
      const poll = { ...record.poll, optionalRetries: (record.poll.optionalRetries ?? 0) + 1 };
      await helpers.onUpstreamError({ ...record, poll }, new Error(`could not copy ${missing.join(', ')}`));
      return;
    }
    const current = await rt.repo.get(jobId);
    if (!current) {
      // Deleted while we copied: drop what we just stored.
      await Promise.all(jobBlobKeys(jobId).map((key) => rt.blobs.delete(key).catch(() => {})));
      return;
    }
    if (current.job.status !== record.job.status || current.job.attempts !== record.job.attempts) return;
    const saved = await rt.jobs.save(completed(current, asset, rt.now().toISOString()), current);
    await announceTerminal(rt, saved);
  } catch (error) {
    // Cut short by a shutdown: the lease lapses and another instance copies it again, no failure counted.
    if (rt.stopping.aborted) return;
    if (error instanceof AssetExpiredError) {
      await helpers.fail(record, expiredError());
    } else if (error instanceof InvalidMediaError || error instanceof MissingVariantError) {
      await helpers.fail(record, {
        code: 'upstream_failed',
        message: 'The provider sent a file that is not a playable video.',
        retryable: true,
      });
    } else {
      await helpers.onUpstreamError(record, error);
    }
  } finally {
    clearInterval(renewal);
    rt.stopping.removeEventListener('abort', stop);
  }
}
