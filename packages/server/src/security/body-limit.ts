/**
 * Request body size limits: a JSON body over 64 KB or a multipart body over the reference limit
 * (plus room for the form fields) answers 413 `payload_too_large` before it is read whole.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Options of {@link bodySizeLimit}. */
export interface BodySizeOptions {
  /** Largest JSON (or any non-multipart) body, in bytes. Default 64 KB. */
  jsonBytes?: number;
  /** Largest reference image, in bytes; a multipart body may be this plus {@link MULTIPART_OVERHEAD_BYTES}. */
  maxReferenceBytes: number;
}

/** Default limit of a JSON body: a 4,000-character prompt is at most 16 KB of UTF-8. */
export const DEFAULT_JSON_BODY_BYTES = 64 * 1024;
/** Room in a multipart body for the boundaries, part headers and the text fields. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    // The rest of the body is not read: the connection cannot be reused, and the answer says so.
    onError: (c) =>
      c.json(
        { error: { code: 'payload_too_large', message: `The request body is over ${maxBytes} bytes` } },
        413,
        { Connection: 'close', 'Cache-Control': 'no-store' },
      ),
  });
}

/**
 * Hono middleware limiting request bodies by kind. Uses hono's `bodyLimit`, which checks
 * `Content-Length` first and counts a streamed body as it arrives, so a lying or missing length
 * cannot get a larger body through.
 */
export function bodySizeLimit(options: BodySizeOptions): MiddlewareHandler {
  const json = tooLarge(options.jsonBytes ?? DEFAULT_JSON_BODY_BYTES);
  const multipart = tooLarge(options.maxReferenceBytes + MULTIPART_OVERHEAD_BYTES);
  return (c, next) => {
    const type = c.req.header('content-type')?.toLowerCase() ?? '';
    return type.startsWith('multipart/form-data') ? multipart(c, next) : json(c, next);
  };
}
