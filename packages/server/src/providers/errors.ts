/** Why a provider call failed, in our terms. */
export type ProviderErrorKind =
  | 'rate_limited' // 429: come back later
  | 'unavailable' // network error, timeout, 5xx: transient
  | 'rejected' // 400/422: the request itself is wrong (or refused by moderation)
  | 'not_found' // the provider no longer knows the video
  | 'unauthorized' // bad key or no permission: a host configuration problem
  | 'invalid_webhook' // a webhook that failed verification
  | 'unknown';

/** An upstream failure. Callers branch on `kind` and `retryable`, never on the message. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly kind: ProviderErrorKind;
  readonly status: number | undefined;
  /** Milliseconds the provider asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;
  /** A provider-specific code such as `moderation_blocked`, when given. */
  readonly code: string | undefined;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; code?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code;
  }

  /** Whether trying the same call again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable';
  }
}
