/**
 * `memoryBlobs()`: a {@link BlobStore} in memory, for browsers (Storybook) and tests where no
 * file system exists. Blobs are the fake's small fixtures, so holding them whole is fine here; a
 * real deployment uses `fsBlobs`, Vercel Blob or S3.
 */
import { clampRange } from '../blobs/range.js';
import { assertSafeKey } from '../blobs/safe-key.js';
import { collectBytes } from '../blobs/streams.js';
import type { BlobInfo, BlobStore } from '../blobs/types.js';

/** Options of {@link memoryBlobs}. */
export interface MemoryBlobsOptions {
  /** The clock stamped on `lastModified` (default: the wall clock). */
  now?: () => Date;
}

interface StoredBlob {
  info: BlobInfo;
  bytes: Uint8Array;
}

async function etagOf(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `"${hex.slice(0, 32)}"`;
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * A blob store in memory. Each call makes an independent store; nothing is shared between them.
 *
 * @example
 * const handler = createSoraHandler({ provider, secret, storage: createStorage(), blobs: memoryBlobs() });
 */
export function memoryBlobs(options: MemoryBlobsOptions = {}): BlobStore {
  const now = options.now ?? (() => new Date());
  const blobs = new Map<string, StoredBlob>();
  return {
    async put(key, body, { contentType }) {
      assertSafeKey(key);
      // Collected before storing, so a failed stream leaves nothing behind.
      const bytes = await collectBytes(body);
      const info: BlobInfo = {
        key,
        bytes: bytes.byteLength,
        contentType,
        etag: await etagOf(bytes),
        lastModified: now(),
      };
      blobs.set(key, { info, bytes });
      return info;
    },
    async get(key, range) {
      assertSafeKey(key);
      const blob = blobs.get(key);
      if (!blob) return null;
      const { start, end } = clampRange(range, blob.bytes.byteLength);
      return { info: blob.info, body: streamOf(blob.bytes.slice(start, end + 1)) };
    },
    async stat(key) {
      assertSafeKey(key);
      return blobs.get(key)?.info ?? null;
    },
    async delete(key) {
      assertSafeKey(key);
      blobs.delete(key);
    },
  };
}
