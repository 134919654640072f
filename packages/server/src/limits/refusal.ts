/** Turns an admission refusal into the contract's 429 answer. */
import type { Context } from 'hono';
import type { Admission } from './types.js';

/** A refused admission. */
export type AdmissionRefusal = Extract<Admission, { ok: false }>;

/**
 * The contract's answer to a refused admission: `429` with `rate_limited` or `quota_exceeded`,
 * a `Retry-After` header in seconds, and the same number in `details.retryAfterSeconds`.
 */
export function refusalResponse(c: Context, refusal: AdmissionRefusal): Response {
  c.header('Retry-After', String(refusal.retryAfterSeconds));
  return c.json(
    {
      error: {
        code: refusal.code,
        message: refusal.message,
        details: { retryAfterSeconds: refusal.retryAfterSeconds },
      },
    },
    429,
  );
}
