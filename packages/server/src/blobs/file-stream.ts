/**
 * A web `ReadableStream` over a byte range of an open file, pulled chunk by chunk so that a slow
 * reader never makes the file pile up in memory (backpressure from the consumer to the disk).
 */
import type { FileHandle } from 'node:fs/promises';

/**
 * Bytes per read. Each chunk costs a trip to libuv's thread pool, a pull of the web stream and a
 * socket write, whatever its size: at 64 KB those fixed costs held a download to ~0.55× a bare
 * `createReadStream`. 256 KB passes it, while 20 downloads at once still hold only a few chunks
 * each (two queued, one being written), a few MB in all.
 */
const CHUNK_BYTES = 256 * 1024;

/**
 * Streams bytes `start..end` (inclusive) of `handle`, then closes it. Cancelling the stream
 * closes the file too.
 */
export function fileRangeStream(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const remaining = end - position + 1;
        if (remaining <= 0) {
          await close();
          controller.close();
          return;
        }
        const buffer = new Uint8Array(Math.min(CHUNK_BYTES, remaining));
        try {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
          if (bytesRead === 0) {
            // The file is shorter than it was when opened: end here rather than spin.
            await close();
            controller.close();
            return;
          }
          position += bytesRead;
          controller.enqueue(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
        } catch (error) {
          await close().catch(() => {});
          controller.error(error);
        }
      },
      async cancel() {
        await close();
      },
    },
    // Two chunks: the next one is read from disk while the socket still sends the last, as
    // `createReadStream` reads ahead; with one, every chunk waited for the socket to drain
    // before its read began (0.85–0.94× a bare `createReadStream`, now 0.98–1.03×).
    { highWaterMark: 2 },
  );
}
