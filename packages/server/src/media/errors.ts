/** Errors of the media layer, one class per meaning, with codes the handler maps to responses. */

/** A reference image the handler refuses; `status` and `code` are the contract's envelope. */
export class MediaInputError extends Error {
  override readonly name = 'MediaInputError';
  readonly status: 400 | 413 | 415;
  readonly code: 'invalid_request' | 'payload_too_large' | 'unsupported_media_type';

  constructor(
    status: 400 | 413 | 415,
    code: MediaInputError['code'],
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = status;
    this.code = code;
  }
}

/** Too many reference images are waiting to be decoded: 503 `unavailable`, try again shortly. */
export class MediaBusyError extends Error {
  override readonly name = 'MediaBusyError';
  readonly status = 503 as const;
  readonly code = 'unavailable' as const;
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('Too many images are being processed; try again shortly.');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The provider's copy of a video expired before ours was made. The job lifecycle maps it to the
 * job error code `expired`, retryable: a retry starts a new generation upstream.
 */
export class AssetExpiredError extends Error {
  override readonly name = 'AssetExpiredError';
  readonly code = 'expired' as const;

  constructor(
    message = "The provider's copy of the video expired before it was stored",
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A stored video that could not be read as an MP4 (no `moov`, no video track). The lifecycle maps
 * it to `upstream_failed`: the provider sent something that is not a playable video.
 */
export class InvalidMediaError extends Error {
  override readonly name = 'InvalidMediaError';
  readonly code = 'invalid_media' as const;
}

/** The provider has no file for a required variant (the video). */
export class MissingVariantError extends Error {
  override readonly name = 'MissingVariantError';
  readonly code = 'missing_variant' as const;
}
