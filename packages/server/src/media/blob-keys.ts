/**
 * Blob keys of a job's files. Keys are made here, never from raw user input, and each part is
 * checked so that a key can never climb out of the store (`..`, `/`, `%2e`, …).
 */
import type { Variant } from '@sora-kit/core';

/** The file name each variant is stored under. */
const FILE_NAMES: Record<Variant | 'reference', string> = {
  video: 'video.mp4',
  thumbnail: 'thumbnail.jpg',
  spritesheet: 'spritesheet.jpg',
  reference: 'reference',
};

/** A job id as the handler makes them: letters, digits, `_` and `-`, not starting with a dot. */
const JOB_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether `jobId` is safe to use as one segment of a blob key. */
export function isSafeJobId(jobId: string): boolean {
  return JOB_ID.test(jobId);
}

/** Whether `value` names a variant (a media URL's `:variant` segment comes from the user). */
export function isVariant(value: string): value is Variant {
  return value === 'video' || value === 'thumbnail' || value === 'spritesheet';
}

/**
 * The blob key of one of a job's files.
 *
 * @example blobKey('job_01JD', 'video') // 'videos/job_01JD/video.mp4'
 * @throws TypeError when the job id or variant could escape the store's namespace.
 */
export function blobKey(jobId: string, variant: Variant | 'reference'): string {
  if (!isSafeJobId(jobId)) throw new TypeError('Invalid job id for a blob key');
  const name = Object.hasOwn(FILE_NAMES, variant) ? FILE_NAMES[variant] : undefined;
  if (!name) throw new TypeError('Invalid variant for a blob key');
  return `videos/${jobId}/${name}`;
}

/** Every key a job may have written, for deleting a job's blobs. */
export function jobBlobKeys(jobId: string): string[] {
  return (Object.keys(FILE_NAMES) as (Variant | 'reference')[]).map((v) => blobKey(jobId, v));
}
