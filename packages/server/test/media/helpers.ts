/** Small helpers shared by the media tests. */

/** A web stream of the given bytes, in chunks of `chunk` bytes. */
export function streamOf(bytes: Uint8Array, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/** Reads a whole web stream into one buffer. */
export async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A committed test fixture's URL. */
export function fixture(name: string): URL {
  return new URL(`./fixtures/${name}`, import.meta.url);
}
