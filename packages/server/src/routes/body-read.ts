/**
 * Reading a request body with a size limit and a deadline. A body over the limit is refused as
 * soon as it passes it (never buffered whole); one that trickles in slower than the deadline is
 * cut off (408) instead of holding a connection and its buffers for minutes; one the client
 * abandons is logged once at debug level, since no one is left to answer.
 */
import { concatBytes } from '../blobs/streams.js';
import { HttpError } from '../http-error.js';
import type { Logger } from '../logger.js';

/** How a route reads its body. */
export interface BodyReading {
  /** Largest body, in bytes. */
  maxBytes: number;
  /** What the body is, for the 413 message ("request body", "reference image"). */
  what: string;
  /** Longest time the whole body may take to arrive. */
  timeoutMs: number;
  logger: Logger;
}

function tooLarge(what: string, limit: number): HttpError {
  return new HttpError(413, 'payload_too_large', `The ${what} is larger than ${limit} bytes.`);
}

/** Reads `request`'s body within `reading`'s size and time limits. */
export async function readBody(request: Request, reading: BodyReading): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > reading.maxBytes)
    throw tooLarge(reading.what, reading.maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  let timedOut = false;
  // Cancelling the reader ends the pending read at once (done: true). A client that goes away
  // does not always error the body stream (it can just stop): the request's signal says so.
  const deadline = setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => {});
  }, reading.timeoutMs);
  const abandon = () => {
    reader.cancel().catch(() => {});
  };
  request.signal?.addEventListener('abort', abandon, { once: true });
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) {
        throw new HttpError(408, 'invalid_request', 'The request body took too long to arrive.');
      }
      if (request.signal?.aborted) throw new Error('the client went away');
      // A stream that ends short of its Content-Length was cut off, however it ended.
      if (done && Number.isFinite(declared) && total < declared) throw new Error('the body ended early');
      if (done) break;
      total += value.byteLength;
      if (total > reading.maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(reading.what, reading.maxBytes);
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // The client went away mid-body: nobody will see the answer; one quiet line is enough.
    reading.logger.debug('request body aborted by the client', { received: total });
    throw new HttpError(400, 'invalid_request', 'The request body was cut off.', { cause: error });
  } finally {
    clearTimeout(deadline);
    request.signal?.removeEventListener('abort', abandon);
  }
  return concatBytes(parts, total);
}
