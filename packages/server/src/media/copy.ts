/**
 * Copies a finished generation from the provider into our blob store — streamed, never whole in
 * memory — and reads the asset's real properties from the stored MP4. Runs before a job is marked
 * completed; idempotent (fixed keys, atomic overwrite), so a lifecycle may simply run it again.
 */
import { type JobAsset, VARIANTS, type Variant } from '@sora-kit/core/protocol';
import type { BlobStore } from '../blobs/types.js';
import type { Logger } from '../logger.js';
import { ProviderError } from '../providers/errors.js';
import type { VideoProvider } from '../providers/types.js';
import { blobKey } from './blob-keys.js';
import { AssetExpiredError, MissingVariantError } from './errors.js';
import { guardStream } from './guarded-stream.js';
import { type ProbeOptions, probeVideo } from './probe.js';
import { abortableSleep, type RetryPolicy, retryDelay } from './retry.js';

/** Options of {@link copyAssets}. */
export interface CopyAssetsOptions {
  provider: VideoProvider;
  blobs: BlobStore;
  /** The provider's id of the finished video. */
  providerVideoId: string;
  /** Our job id; names the blob keys. */
  jobId: string;
  /** The variants the provider offers (its capabilities); `video` is required. */
  variants: readonly Variant[];
  signal?: AbortSignal;
  /** When the provider's files are gone (epoch ms or a Date), if known. */
  expiresAt?: number | Date;
  now?: () => Date;
  retry?: RetryPolicy;
  probe?: ProbeOptions;
  /** Told the size of each variant once it is stored (metrics). */
  onStored?(variant: Variant, bytes: number): void;
  /** Told about retried downloads and optional variants left out. */
  logger?: Pick<Logger, 'warn'>;
}

/** What the provider offers when it does not say the content type. */
const DEFAULT_TYPES: Record<Variant, string> = {
  video: 'video/mp4',
  thumbnail: 'image/jpeg',
  spritesheet: 'image/jpeg',
};

/**
 * Streams each offered variant into `blobs` and probes the stored video.
 *
 * @returns the asset as read from the stored file (not as requested).
 * @throws AssetExpiredError when the provider's copy expired (or is gone) before ours was made.
 * @throws MissingVariantError when the provider offers no video.
 * @throws InvalidMediaError when the stored video is not a readable MP4.
 */
export async function copyAssets(options: CopyAssetsOptions): Promise<JobAsset> {
  if (!options.variants.includes('video')) {
    throw new MissingVariantError('The provider offers no video for this job');
  }
  const videoKey = blobKey(options.jobId, 'video');
  await copyVariant(options, 'video');
  const stored: Variant[] = ['video'];
  for (const variant of VARIANTS) {
    if (variant === 'video' || !options.variants.includes(variant)) continue;
    if (await copyOptional(options, variant)) stored.push(variant);
  }
  const probe = await probeVideo(options.blobs, videoKey, options.probe);
  return { ...probe, variants: VARIANTS.filter((v) => stored.includes(v)) };
}

/** A thumbnail or spritesheet: its failure never fails the job. */
async function copyOptional(options: CopyAssetsOptions, variant: Variant): Promise<boolean> {
  try {
    await copyVariant(options, variant);
    return true;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    options.logger?.warn('An optional variant could not be copied', {
      jobId: options.jobId,
      variant,
      error: error instanceof Error ? error.name : 'unknown',
    });
    // An earlier run may have stored it whole already (writes are atomic): keep that copy.
    return (await options.blobs.stat(blobKey(options.jobId, variant)).catch(() => null)) !== null;
  }
}

/** One variant, retried on transient failures and cut-off streams. */
async function copyVariant(options: CopyAssetsOptions, variant: Variant): Promise<void> {
  const policy = options.retry ?? {};
  const attempts = Math.max(1, policy.attempts ?? 4);
  const sleep = policy.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    assertNotExpired(options);
    try {
      return await transfer(options, variant);
    } catch (error) {
      const retry = classify(error, options);
      if (!retry || attempt >= attempts) throw retry?.final ?? error;
      options.logger?.warn('Download failed, trying again', {
        jobId: options.jobId,
        variant,
        attempt,
        error: error instanceof Error ? error.message : 'unknown',
      });
      await sleep(retryDelay(policy, attempt, retry.retryAfterMs), options.signal);
    }
  }
}

/** One try: the provider's stream straight into the store. */
async function transfer(options: CopyAssetsOptions, variant: Variant): Promise<void> {
  const download = await options.provider.download(options.providerVideoId, variant, {
    signal: options.signal,
  });
  const guarded = guardStream(download.body, download.bytes);
  const contentType =
    download.contentType && !download.contentType.startsWith('application/octet-stream')
      ? download.contentType
      : DEFAULT_TYPES[variant];
  try {
    const info = await options.blobs.put(blobKey(options.jobId, variant), guarded.body, { contentType });
    options.onStored?.(variant, info.bytes);
  } catch (error) {
    if (guarded.cut) throw new CutOffError(error);
    throw error;
  }
}

/** A failed try whose stream broke off: worth another try. */
class CutOffError extends Error {
  constructor(cause: unknown) {
    super('The download was cut off', { cause });
  }
}

/** Whether to retry `error`; `final` replaces it when retries run out or it is terminal. */
function classify(
  error: unknown,
  options: CopyAssetsOptions,
): { retryAfterMs?: number; final?: Error } | null {
  if (options.signal?.aborted) return null;
  if (error instanceof ProviderError && error.kind === 'not_found') {
    // The provider says the video finished; if it no longer has the file, its copy is gone.
    throw new AssetExpiredError("The provider no longer has the video's files", { cause: error });
  }
  if (error instanceof ProviderError && error.retryable) {
    return { retryAfterMs: error.retryAfterMs, final: error };
  }
  if (error instanceof CutOffError) return { final: error.cause instanceof Error ? error.cause : error };
  return null;
}

function assertNotExpired(options: CopyAssetsOptions): void {
  if (options.expiresAt === undefined) return;
  const expiresAt = options.expiresAt instanceof Date ? options.expiresAt.getTime() : options.expiresAt;
  const now = (options.now ?? (() => new Date()))().getTime();
  if (now >= expiresAt) throw new AssetExpiredError();
}
