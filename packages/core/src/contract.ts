/**
 * Wire types of the sora-kit HTTP contract, described in docs/contract.md at the repository root.
 * Field names are camelCase; times are ISO 8601 strings in UTC.
 * The server, the client and the elements all import these from here, once.
 */

/** Where a job is in its life. `completed` means our own copy of the video is stored and playable. */
export type JobStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

/** The files a completed job offers. */
export type Variant = 'video' | 'thumbnail' | 'spritesheet';

/** Every variant, in the order the contract lists them. */
export const VARIANTS: readonly Variant[] = ['video', 'thumbnail', 'spritesheet'];

/** Why a job failed. */
export type JobErrorCode =
  | 'moderation_blocked'
  | 'invalid_reference'
  | 'expired'
  | 'upstream_failed'
  | 'timeout'
  | 'internal';

/** The failure of a job, with whether a retry may succeed. */
export interface JobError {
  code: JobErrorCode | (string & {});
  message: string;
  retryable: boolean;
}

/** What the server learned from the stored video file itself. */
export interface JobAsset {
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  seconds: number;
  variants: Variant[];
}

/** One video generation, as the browser sees it. */
export interface Job {
  /** Ours (e.g. `job_01JD…`), never the provider's id; URL-safe. */
  jobId: string;
  status: JobStatus;
  /** Integer 0..100; 100 only when completed. */
  progress: number;
  prompt: string;
  model: string;
  /** `"1280x720"` (width x height). */
  size: string;
  seconds: number;
  provider: string;
  /** jobId of the job this one remixes. */
  remixOf?: string;
  hasReference: boolean;
  /** 1 + number of retries. */
  attempts: number;
  error?: JobError;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
  /** Present once completed. */
  asset?: JobAsset;
}

/** A page of the caller's jobs, newest first. */
export interface JobPage {
  items: Job[];
  nextCursor: string | null;
}

/** A signed, short-lived link to one variant of one job; works without cookies until it expires. */
export interface MediaLink {
  url: string;
  expiresAt: string;
}

/** One model a provider offers, with the values it accepts. */
export interface ModelCapabilities {
  id: string;
  sizes: string[];
  seconds: number[];
  reference: boolean;
  remix: boolean;
  /** USD per second of video, by size. */
  pricePerSecondUsd?: Record<string, number>;
  /** The name of the provider serving this model, when the handler runs several (`"openrouter"`, …). */
  provider?: string;
}

/** What the configured provider can do, and the handler's input limits. */
export interface Capabilities {
  provider: string;
  models: ModelCapabilities[];
  limits: { maxPromptChars: number; maxReferenceBytes: number };
}

/** Error codes of the HTTP API (`unavailable`: this server cannot do it now — storage failing or busy; retry after `Retry-After`). */
export type ApiErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'not_ready'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'quota_exceeded'
  | 'upstream_error'
  | 'upstream_unavailable'
  | 'unavailable'
  | 'internal';

/** The body of every error response. */
export interface ApiError {
  error: { code: ApiErrorCode | (string & {}); message: string; details?: unknown };
}

/** One entry of `ApiError.error.details` for `invalid_request`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** The input of `POST /videos` (JSON, or multipart with an `input_reference` file). */
export interface CreateVideoInput {
  prompt: string;
  model?: string;
  size?: string;
  seconds?: number;
  /** An image (png, jpeg or webp) the video starts from; sent as multipart. */
  inputReference?: Blob;
}

/** The input of `POST /videos/:jobId/remix`. */
export interface RemixVideoInput {
  prompt: string;
}

/** Statuses after which a job never changes again (until a retry). */
export function isTerminal(status: JobStatus): boolean {
  return status === 'completed' || status === 'failed';
}
