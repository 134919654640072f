/** Making the `MediaLink` that `GET /videos/:jobId/media` answers. */
import type { MediaLink, Variant } from '@sora-kit/core';
import type { BlobStore } from '../blobs/types.js';
import { blobKey } from './blob-keys.js';
import { downloadFilename } from './filename.js';
import type { MediaSigner } from './signing.js';

/** Options of {@link mediaUrlFor}. */
export interface MediaUrlOptions {
  /**
   * The handler's public base: a URL (`https://example.com/api/sora`) or the mount path
   * (`/api/sora`, a link relative to the page's origin). No trailing slash needed.
   */
  baseUrl: string;
  jobId: string;
  variant: Variant;
  download?: boolean;
  signer: MediaSigner;
  now: () => Date;
  /** Link lifetime in seconds (default 900, the contract's 15 minutes). */
  ttlSeconds?: number;
  /** With `usePublicUrls`, a store offering `publicUrl` links straight to itself (a CDN). */
  blobs?: BlobStore;
  usePublicUrls?: boolean;
  /** The job's prompt, to name a download when linking straight to the store. */
  prompt?: string;
}

/**
 * A signed, short-lived link to one variant of one job: our own media route by default, or the
 * store's public/pre-signed URL when `usePublicUrls` is set and the store has one.
 *
 * @example
 * const link = await mediaUrlFor({ baseUrl: 'https://app.example/api/sora', jobId, variant: 'video', signer, now });
 */
export async function mediaUrlFor(options: MediaUrlOptions): Promise<MediaLink> {
  const now = options.now();
  // Whole seconds: the signed `exp` has one-second precision, and expiresAt must not outlive it.
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + (options.ttlSeconds ?? 900) * 1000);
  if (options.usePublicUrls && options.blobs?.publicUrl) {
    const download = options.download ? downloadFilename(options.prompt ?? '', options.variant) : undefined;
    const url = await options.blobs.publicUrl(blobKey(options.jobId, options.variant), {
      expiresAt,
      download,
    });
    if (url) return { url, expiresAt: expiresAt.toISOString() };
  }
  const query = await options.signer.sign({
    jobId: options.jobId,
    variant: options.variant,
    expiresAt,
    download: options.download,
  });
  const base = options.baseUrl.replace(/\/+$/, '');
  const path = `/media/${encodeURIComponent(options.jobId)}/${options.variant}`;
  return { url: `${base}${path}?${query}`, expiresAt: expiresAt.toISOString() };
}
