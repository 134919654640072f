/** The default budgets of reference-image decoding (apart from reference.ts, which loads sharp). */

/** Default pixel budget: a 48-megapixel phone photo fits; a 7999×7999 bomb (64 M) does not. */
export const DEFAULT_REFERENCE_PIXELS = 50_000_000;
/** Default time budget of one decode and resize, in seconds. */
export const DEFAULT_REFERENCE_DECODE_SECONDS = 10;
