/**
 * The handler's one error type and its one renderer: every failure leaves as the contract's
 * `ApiError` envelope with the matching status, never a stack trace or a key.
 */
import type { ApiError, ApiErrorCode } from '@sora-kit/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isUnavailableError } from './coordination/unavailable.js';
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

/** Converts anything thrown into an HttpError, logging what the caller must not see. */
export function toHttpError(error: unknown, logger: Logger): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ProviderError) return upstreamHttpError(error);
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
  return c.json(body, http.status);
}
