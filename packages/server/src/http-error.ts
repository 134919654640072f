/**
 * The handler's one error type and its one renderer: every failure leaves as the contract's
 * `ApiError` envelope with the matching status, never a stack trace or a key.
 */
import type { ApiError, ApiErrorCode } from '@sora-kit/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isUnavailableError } from './coordination/unavailable.js';
import { JobStateError, StartRefusedError } from './jobs/errors.js';
import type { Logger } from './logger.js';
import { ProviderError } from './providers/errors.js';

/** An error the handler answers with a given status and contract code. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  readonly details: unknown;
  /** Seconds for a `Retry-After` header (429, 503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: ApiErrorCode,
    message: string,
    options: { details?: unknown; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The 404 a missing job and someone else's job both answer, identically. */
export function jobNotFound(): HttpError {
  return new HttpError(404, 'not_found', 'No such video.');
}

/** A 400 `invalid_request` listing what is wrong, field by field (the first issue leads). */
export function invalidRequest(issues: { path: string; message: string }[]): HttpError {
  return new HttpError(400, 'invalid_request', issues[0]?.message ?? 'The request is not valid.', {
    details: issues,
  });
}

/** Maps a provider failure during a create, remix or retry to the contract's 502/503. */
export function upstreamHttpError(error: ProviderError): HttpError {
  if (error.kind === 'rate_limited' || error.kind === 'unavailable') {
    const retryAfterSeconds =
      error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000);
    return new HttpError(
      503,
      'upstream_unavailable',
      'The video provider is unavailable; try again shortly.',
      {
        retryAfterSeconds,
      },
    );
  }
  return new HttpError(502, 'upstream_error', 'The video provider could not take this request.');
}

/** A create, remix or retry the provider turned down: the request's fault (400) or the provider's. */
function startRefusal(error: ProviderError): HttpError {
  if (error.kind === 'rejected') {
    return new HttpError(400, 'invalid_request', 'The video provider refused this request.');
  }
  return upstreamHttpError(error);
}

const CONTRACT_CODES = new Set<string>([
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'not_ready',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'quota_exceeded',
  'upstream_error',
  'upstream_unavailable',
  'unavailable',
  'internal',
] satisfies ApiErrorCode[]);

// Errors thrown by other modules (media input checks) carry a status and a contract code; they
// are recognised by shape so this file needs no import of them.
function fromShape(error: unknown): HttpError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, code } = error as Error & { status?: unknown; code?: unknown };
  if (typeof status !== 'number' || typeof code !== 'string' || status < 400 || status > 599) {
    return undefined;
  }
  // Only errors speaking the contract's own codes; anything else (an SDK's error) is internal.
  if (!CONTRACT_CODES.has(code)) return undefined;
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return new HttpError(status as ContentfulStatusCode, code as ApiErrorCode, error.message, {
    details: (error as { details?: unknown }).details,
    retryAfterSeconds: typeof retryAfter === 'number' ? retryAfter : undefined,
  });
}

const httpExceptionCodes: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** File-system and storage failures that say "cannot write here now", not "this request is wrong". */
const STORAGE_FAILURES = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EIO', 'EMFILE', 'ENFILE']);
/** Seconds a caller is told to wait when storage fails: long enough for an operator to notice. */
const STORAGE_RETRY_AFTER_SECONDS = 30;

/** The first error in `error`'s cause chain carrying one of {@link STORAGE_FAILURES}. */
function storageFailure(error: unknown): (Error & { code: string }) | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && STORAGE_FAILURES.has(code)) return e as Error & { code: string };
  }
  return undefined;
}

/** Converts anything thrown into an HttpError, logging what the caller must not see. */
export function toHttpError(error: unknown, logger: Logger): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ProviderError) return upstreamHttpError(error);
  if (error instanceof JobStateError) return new HttpError(409, 'conflict', error.message);
  if (error instanceof StartRefusedError) return startRefusal(error.providerError);
  const storage = storageFailure(error);
  if (storage) {
    // One line naming the cause for the operator (a read-only data dir, a full disk); the caller
    // hears only that the service is unavailable for now.
    logger.error('storage write failed', { cause: `${storage.code}: ${storage.message}` });
    return new HttpError(503, 'unavailable', 'The service cannot save anything right now; try again later.', {
      retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS,
    });
  }
  if (error instanceof HTTPException) {
    const code = httpExceptionCodes[error.status];
    if (code) return new HttpError(error.status as ContentfulStatusCode, code, error.message || code);
  }
  const shaped = fromShape(error);
  if (shaped) return shaped;
  if (isUnavailableError(error)) {
    logger.warn('storage unavailable', { error: error instanceof Error ? error.message : String(error) });
    return new HttpError(503, 'unavailable', 'The service is briefly unavailable; try again shortly.', {
      retryAfterSeconds: 5,
    });
  }
  logger.error('unhandled error', {
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  return new HttpError(500, 'internal', 'Something went wrong on the server.');
}

/** Renders the `ApiError` envelope; used by the handler's one `onError`. */
export function renderError(c: Context, error: unknown, logger: Logger): Response {
  const http = toHttpError(error, logger);
  const body: ApiError = { error: { code: http.code, message: http.message } };
  if (http.details !== undefined) body.error.details = http.details;
  if (http.retryAfterSeconds !== undefined) c.header('Retry-After', String(http.retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  // A body refused for its size or pace is left unread: say so, rather than keep-alive then close.
  if (http.status === 413 || http.status === 408) c.header('Connection', 'close');
  return c.json(body, http.status);
}
