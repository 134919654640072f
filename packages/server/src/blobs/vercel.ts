/**
 * `vercelBlobs()`: blobs in a Vercel Blob store, through the official `@vercel/blob` SDK.
 *
 * Writes stream the body in one `PUT` (the store only publishes a blob once its upload finished,
 * so a cut-off upload leaves nothing); reads fetch the blob's URL with a `Range` header, which is
 * a cheap "simple operation" rather than an API call.
 *
 * `@vercel/blob` is an optional peer dependency, loaded on first use: `npm i @vercel/blob`.
 */
import { importOptional } from '../optional-peer.js';
import { clampRange } from './range.js';
import { assertSafeKey } from './safe-key.js';
import type { BlobInfo, BlobStore, ByteRange } from './types.js';

type VercelSdk = typeof import('@vercel/blob');

/** Options of {@link vercelBlobs}. */
export interface VercelBlobsOptions {
  /** A read-write token; defaults to the `BLOB_READ_WRITE_TOKEN` environment variable. */
  token?: string;
  /** Prepended to every key, e.g. `"sora-kit/"`, to share a store with other data. */
  prefix?: string;
  /**
   * The store's access. `private` (the default) keeps files behind the token, so they are only
   * reachable through our signed media route; `public` stores serve anyone with the URL and let
   * `publicUrl` link browsers straight to Vercel's CDN.
   */
  access?: 'private' | 'public';
  /** Seconds the CDN may cache a blob (Vercel's minimum is 60); short, as keys are overwritten. */
  cacheControlMaxAge?: number;
  /** Upload in parts (for very large files); the SDK then buffers a few parts in memory. */
  multipart?: boolean;
  /** The fetch used for reads; injectable for tests and unusual runtimes. */
  fetch?: typeof globalThis.fetch;
}

/**
 * A {@link BlobStore} on Vercel Blob.
 *
 * @example const blobs = vercelBlobs({ access: 'private', prefix: 'sora/' });
 */
export function vercelBlobs(options: VercelBlobsOptions = {}): BlobStore {
  const access = options.access ?? 'private';
  const prefix = options.prefix ?? '';
  const fetcher = options.fetch ?? globalThis.fetch;
  const token = () => options.token ?? process.env.BLOB_READ_WRITE_TOKEN ?? '';
  let loading: Promise<VercelSdk> | undefined;
  const sdk = () => {
    loading ??= importOptional<VercelSdk>('@vercel/blob', 'vercelBlobs()');
    return loading;
  };
  const pathnameOf = (key: string) => {
    assertSafeKey(key);
    return `${prefix}${key}`;
  };

  const stat = async (key: string): Promise<BlobInfo | null> => {
    const pathname = pathnameOf(key);
    const { head, BlobNotFoundError } = await sdk();
    try {
      const meta = await head(pathname, { token: token() });
      return {
        key,
        bytes: meta.size,
        contentType: meta.contentType,
        etag: quote(meta.etag),
        lastModified: meta.uploadedAt,
      };
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
  };

  return {
    async put(key, body, { contentType }) {
      const pathname = pathnameOf(key);
      const { put } = await sdk();
      await put(pathname, body, {
        access,
        token: token(),
        contentType,
        addRandomSuffix: false,
        allowOverwrite: true,
        cacheControlMaxAge: options.cacheControlMaxAge ?? 60,
        multipart: options.multipart ?? false,
      });
      const info = await stat(key);
      if (!info) throw new Error(`Vercel Blob lost ${key} right after storing it`);
      return info;
    },

    async get(key, range?: ByteRange) {
      if (range) clampRange(range, Number.MAX_SAFE_INTEGER); // validates the range's shape
      const headers: Record<string, string> =
        access === 'private' ? { authorization: `Bearer ${token()}` } : {};
      if (range) headers.range = `bytes=${range.start}-${range.end}`;
      const response = await fetcher(blobUrl(token(), access, pathnameOf(key)), { headers });
      if (response.status === 404) return null;
      if (response.status === 416) {
        // A range that starts past the end: an empty body, as the other drivers answer.
        const info = await stat(key);
        return info && { info, body: emptyStream() };
      }
      if (!response.ok || !response.body) throw new Error(`Vercel Blob read failed with ${response.status}`);
      if (range && response.status === 200 && range.start > 0) {
        await response.body.cancel();
        throw new Error('Vercel Blob ignored the Range header');
      }
      const info = infoFromResponse(key, response) ?? (await stat(key));
      if (!info) return null;
      return { info, body: response.body };
    },

    stat,

    async delete(key) {
      const pathname = pathnameOf(key);
      const { del } = await sdk();
      await del(pathname, { token: token() });
    },

    async publicUrl(key, { download }) {
      if (access !== 'public') return null;
      const url = new URL(blobUrl(token(), access, pathnameOf(key)));
      if (download) url.searchParams.set('download', '1');
      return url.toString();
    },
  };
}

/** The blob's CDN URL: `https://<store>.<access>.blob.vercel-storage.com/<pathname>`. */
function blobUrl(token: string, access: 'private' | 'public', pathname: string): string {
  // A read-write token reads `vercel_blob_rw_<storeId>_<secret>`.
  const storeId = token.split('_')[3];
  if (!storeId) throw new Error('vercelBlobs needs a read-write token (BLOB_READ_WRITE_TOKEN)');
  return `https://${storeId}.${access}.blob.vercel-storage.com/${pathname}`;
}

/** What a read's response headers say about the blob, when they say all of it. */
function infoFromResponse(key: string, response: Response): BlobInfo | null {
  const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
  const bytes = Number(
    total ?? (response.status === 200 ? response.headers.get('content-length') : undefined),
  );
  const etag = response.headers.get('etag');
  const lastModified = new Date(response.headers.get('last-modified') ?? '');
  if (!Number.isSafeInteger(bytes) || !etag || Number.isNaN(lastModified.getTime())) return null;
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  return { key, bytes, contentType, etag: quote(etag), lastModified };
}

/** Vercel answers bare ETags in its API; HTTP wants them quoted. */
function quote(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/') ? etag : `"${etag}"`;
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}
