/**
 * Wraps a provider's download stream so that a cut-off transfer is recognised as such: a read
 * error, or an end before the announced `Content-Length`, errors the stream with
 * {@link StreamCutError} (so the blob store discards the partial write) and is remembered, so the
 * copier can tell "the network dropped" (retry) from "the store refused" (do not).
 */

/** The provider's stream broke off before the whole file arrived. */
export class StreamCutError extends Error {
  override readonly name = 'StreamCutError';
}

/** A wrapped stream and what happened to it. */
export interface GuardedStream {
  body: ReadableStream<Uint8Array>;
  /** Set once the source failed or ended short. */
  readonly cut: boolean;
  /** Bytes that went through so far. */
  readonly bytes: number;
}

/** Guards `source`, expecting `expectedBytes` when the provider announced a length. */
export function guardStream(source: ReadableStream<Uint8Array>, expectedBytes?: number): GuardedStream {
  const reader = source.getReader();
  const state = { cut: false, bytes: 0 };
  const fail = (
    controller: ReadableStreamDefaultController<Uint8Array>,
    message: string,
    cause?: unknown,
  ) => {
    state.cut = true;
    controller.error(new StreamCutError(message, { cause }));
  };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          return fail(controller, `The download broke off after ${state.bytes} bytes`, error);
        }
        if (result.done) {
          if (expectedBytes !== undefined && state.bytes < expectedBytes) {
            return fail(controller, `The download ended after ${state.bytes} of ${expectedBytes} bytes`);
          }
          return controller.close();
        }
        // More bytes than announced is not a cut: a compressed transfer decodes to more than its
        // Content-Length. Only a body that ends short is.
        state.bytes += result.value.byteLength;
        controller.enqueue(result.value);
      },
      async cancel(reason) {
        await reader.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
  return {
    body,
    get cut() {
      return state.cut;
    },
    get bytes() {
      return state.bytes;
    },
  };
}
