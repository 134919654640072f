/**
 * Where our own copies of videos, thumbnails, spritesheets and reference images live.
 * One small interface, several drivers (`fsBlobs`, `vercelBlobs`, `s3Blobs`), in the manner of
 * unstorage's drivers.
 */

/** What is known about a stored blob. */
export interface BlobInfo {
  key: string;
  bytes: number;
  contentType: string;
  /** A strong validator, quoted as an HTTP ETag (`"…"`). */
  etag: string;
  lastModified: Date;
}

/** An inclusive byte range, as HTTP ranges are. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A blob store. Keys are `/`-separated paths made by the handler, never by users. */
export interface BlobStore {
  /**
   * Streams `body` into the store. The blob appears under `key` only once it is whole: a reader
   * never sees a partial write, and a failed write leaves nothing behind.
   */
  put(key: string, body: ReadableStream<Uint8Array>, options: { contentType: string }): Promise<BlobInfo>;
  /** Streams the blob, or the given range of it; `null` when there is no such blob. */
  get(key: string, range?: ByteRange): Promise<{ info: BlobInfo; body: ReadableStream<Uint8Array> } | null>;
  stat(key: string): Promise<BlobInfo | null>;
  /** Removes the blob; removing a missing blob is not an error. */
  delete(key: string): Promise<void>;
  /** A URL the browser can fetch directly (a public or pre-signed URL), when the store has one. */
  publicUrl?(key: string, options: { expiresAt: Date; download?: string }): Promise<string | null>;
}
