/**
 * The one error class of the client: every failed call rejects with a `SoraApiError` whose `code`
 * is the contract's error code (or `network_error` / `aborted` / `invalid_response` for failures
 * that never reached a well-formed answer). Branch on `code`, never on `message`.
 */
import type { ApiError, ApiErrorCode } from './contract.js';

/** Codes the client itself produces when no error envelope was received. */
export type ClientErrorCode = 'network_error' | 'aborted' | 'invalid_response';

/** What a `SoraApiError` is built from. */
export interface SoraApiErrorInit {
  status: number;
  code: ApiErrorCode | ClientErrorCode | (string & {});
  message: string;
  details?: unknown;
  /** Seconds to wait before trying again (from `Retry-After`). */
  retryAfterSeconds?: number;
  /** @deprecated Use `retryAfterSeconds` (the same seconds; the unit is in the name). */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * A failed API call. `status` is the HTTP status, or `0` when no answer arrived (offline, DNS,
 * CORS, aborted); `code` is the contract's error code.
 *
 * @example
 * ```ts
 * try { await client.createVideo({ prompt }) }
 * catch (e) { if (e instanceof SoraApiError && e.code === 'rate_limited') wait(e.retryAfterSeconds) }
 * ```
 */
export class SoraApiError extends Error {
  /** HTTP status; `0` when the request never got an answer. */
  readonly status: number;
  /** The contract's error code (`invalid_request`, `not_found`, …) or a client code. */
  readonly code: ApiErrorCode | ClientErrorCode | (string & {});
  /** For `invalid_request`: `[{ path, message }]`. */
  readonly details?: unknown;
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterSeconds?: number;

  constructor(init: SoraApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'SoraApiError';
    this.status = init.status;
    this.code = init.code;
    if (init.details !== undefined) this.details = init.details;
    const retryAfterSeconds = init.retryAfterSeconds ?? init.retryAfter;
    if (retryAfterSeconds !== undefined) this.retryAfterSeconds = retryAfterSeconds;
  }

  /** @deprecated Use `retryAfterSeconds` (the same seconds; the unit is in the name). */
  get retryAfter(): number | undefined {
    return this.retryAfterSeconds;
  }

  /** True when the request never reached the server or got no answer (offline, CORS, DNS). */
  get isNetworkError(): boolean {
    return this.code === 'network_error';
  }
}

/** Whether a value is a `SoraApiError` (also across two copies of the package on a page). */
export function isSoraApiError(value: unknown): value is SoraApiError {
  return value instanceof SoraApiError || (value instanceof Error && value.name === 'SoraApiError');
}

/**
 * Reads `Retry-After` as seconds: either delta-seconds or an HTTP date (relative to `now`).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  const trimmed = header?.trim();
  if (!trimmed) return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The error as a `SoraApiError`, or null (for signals and status checks). */
export function toApiError(error: unknown): SoraApiError | null {
  return isSoraApiError(error) ? error : null;
}

function isEnvelope(body: unknown): body is ApiError {
  const error = (body as Partial<ApiError> | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Builds the error for a non-2xx response, reading the contract's envelope when there is one. */
export async function errorFromResponse(response: Response): Promise<SoraApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const body: unknown = await response.json().catch(() => undefined);
  if (isEnvelope(body)) {
    return new SoraApiError({
      status: response.status,
      code: body.error.code,
      message: body.error.message,
      details: body.error.details,
      retryAfterSeconds,
    });
  }
  return new SoraApiError({
    status: response.status,
    code: response.status >= 500 ? 'internal' : 'invalid_response',
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
    retryAfterSeconds,
  });
}

/** Wraps a failure that produced no response (offline, aborted, timeout) as a `SoraApiError`. */
export function errorFromFailure(cause: unknown): SoraApiError {
  if (isSoraApiError(cause)) return cause;
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'AbortError') {
    return new SoraApiError({ status: 0, code: 'aborted', message: 'The request was aborted', cause });
  }
  const message = name === 'TimeoutError' ? 'The request timed out' : 'The server could not be reached';
  return new SoraApiError({ status: 0, code: 'network_error', message, cause });
}
