/**
 * Pure decisions of the OpenRouter adapter: a job's status in our terms, an estimated progress
 * (OpenRouter reports none), and an HTTP failure as a {@link ProviderError}.
 */
import { ProviderError, type ProviderErrorKind } from './errors.js';
import type { OpenRouterErrorBody, OpenRouterVideoJob } from './openrouter-wire.js';
import { retryAfterMs } from './retry-after.js';
import type { ProviderVideo } from './types.js';

/** Progress never claims more than this before the provider says `completed`. */
export const MAX_ESTIMATED_PROGRESS = 95;

// Refusals are only told apart by their message: the status schema has no code for them.
const REFUSAL = /moderat|content polic|safety|refus|blocked|prohibited|inappropriate|violat|nsfw/i;

/** Whether a failure message says the provider refused the prompt or image. */
export function isRefusal(message: string | undefined): boolean {
  return message !== undefined && REFUSAL.test(message);
}

/**
 * A progress estimate from elapsed time against the typical duration: linear to 90 at the
 * typical duration, then creeping towards {@link MAX_ESTIMATED_PROGRESS} without reaching it.
 * Never decreases as time passes.
 */
export function estimateProgress(elapsedMs: number, typicalMs: number): number {
  if (elapsedMs <= 0 || typicalMs <= 0) return 0;
  const ratio = elapsedMs / typicalMs;
  const value = ratio <= 1 ? ratio * 90 : MAX_ESTIMATED_PROGRESS - 5 / ratio;
  return Math.min(MAX_ESTIMATED_PROGRESS - 1, Math.floor(value));
}

/** A job as our {@link ProviderVideo}; `elapsedMs` is the time since the job was submitted, when known. */
export function toProviderVideo(
  job: OpenRouterVideoJob,
  elapsedMs: number | undefined,
  typicalMs: number,
): ProviderVideo {
  const message = job.error?.trim() || undefined;
  switch (job.status) {
    case 'pending':
      return { id: job.id, status: 'queued', progress: 0 };
    case 'in_progress':
      return {
        id: job.id,
        status: 'in_progress',
        ...(elapsedMs === undefined
          ? {}
          : { progress: estimateProgress(elapsedMs, typicalMs), progressEstimated: true }),
      };
    case 'completed': {
      const cost = job.usage?.cost;
      return {
        id: job.id,
        status: 'completed',
        progress: 100,
        ...(typeof cost === 'number' && Number.isFinite(cost) ? { costUsd: cost } : {}),
      };
    }
    case 'failed':
      return isRefusal(message)
        ? failed(job.id, 'moderation_blocked', message ?? 'The provider refused the request.', false)
        : failed(job.id, 'upstream_failed', message ?? 'The provider failed to generate the video.', true);
    case 'cancelled':
      // Nobody here cancelled it: the provider gave up, so trying again may well succeed.
      return failed(job.id, 'upstream_failed', message ?? 'The provider cancelled the generation.', true);
    case 'expired':
      return failed(job.id, 'expired', message ?? 'The provider expired the generation.', true);
    default:
      return failed(job.id, 'upstream_failed', `Unknown OpenRouter status "${String(job.status)}".`, true);
  }
}

function failed(
  id: string,
  code: 'moderation_blocked' | 'upstream_failed' | 'expired',
  message: string,
  retryable: boolean,
): ProviderVideo {
  return { id, status: 'failed', error: { code, message, retryable } };
}

function kindOf(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  // 402: the host's OpenRouter account is out of credits. Nothing is wrong with the request and
  // a top-up fixes it, so it is transient for users (503 upstream_unavailable), with a code the
  // host can alert on.
  if (status === 402) return 'unavailable';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'unavailable';
  if (status >= 400) return 'rejected';
  return 'unknown';
}

function messageOf(body: unknown): string | undefined {
  const error = (body as Partial<OpenRouterErrorBody> | null)?.error;
  return typeof error?.message === 'string' ? error.message : undefined;
}

/**
 * An error answer as a {@link ProviderError}. The message names the status and OpenRouter's
 * message, with the API key scrubbed should the upstream ever echo it.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  options: { nowMs: number; secret?: string },
): ProviderError {
  const kind = kindOf(status);
  let upstream = messageOf(body) ?? `HTTP ${status}`;
  if (options.secret) upstream = upstream.split(options.secret).join('[redacted]');
  const code =
    status === 402
      ? 'insufficient_credits'
      : kind === 'rejected' && isRefusal(upstream)
        ? 'moderation_blocked'
        : undefined;
  return new ProviderError(kind, `OpenRouter answered ${status}: ${upstream}`, {
    status,
    ...(code ? { code } : {}),
    ...(status === 429 || status === 503
      ? { retryAfterMs: retryAfterMs(headers.get('retry-after'), options.nowMs) }
      : {}),
  });
}
