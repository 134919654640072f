/** Web stream helpers shared by the blob drivers and the media code. */

/**
 * Iterates a web stream's chunks. Leaving the loop early (break or throw) cancels the stream, as
 * the standard async iterator does; written out because the DOM typings lack that iterator.
 */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Reads a (small, bounded) stream into one buffer. */
export async function collectBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const part of chunksOf(stream)) {
    parts.push(part);
    length += part.byteLength;
  }
  return concatBytes(parts, length);
}

/** The `parts` in one buffer of `length` bytes (their total). */
export function concatBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/**
 * Drops the first `skip` bytes of a stream and ends it after `take` more, cancelling the source
 * then. Used when a server sent a wider range than asked for.
 */
export function sliceStream(
  stream: ReadableStream<Uint8Array>,
  skip: number,
  take: number,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let toSkip = skip;
  let left = take;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (left > 0) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const from = Math.min(toSkip, value.byteLength);
        toSkip -= from;
        if (from === value.byteLength) continue;
        const part = value.subarray(from, from + Math.min(left, value.byteLength - from));
        left -= part.byteLength;
        controller.enqueue(part);
        if (left > 0) return;
      }
      await reader.cancel().catch(() => {});
      controller.close();
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
