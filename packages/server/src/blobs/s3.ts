/**
 * `s3Blobs()`: blobs in any S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, …) through the
 * official AWS SDK v3. The SDK is an optional peer dependency, loaded on first use, so hosts that
 * do not use S3 never install it:
 * `npm i @aws-sdk/client-s3 @aws-sdk/lib-storage` (and `@aws-sdk/s3-request-presigner` for
 * `presignedUrls`).
 *
 * Writes stream through `@aws-sdk/lib-storage`'s multipart upload, holding at most
 * `partSize × queueSize` bytes; S3 only publishes an object once its upload completes, and a
 * failed upload is aborted, so a partial blob is never visible.
 */
import { importOptional } from '../optional-peer.js';
import { clampRange, rangeLength } from './range.js';
import { assertSafeKey } from './safe-key.js';
import { sliceStream } from './streams.js';
import type { BlobInfo, BlobStore, ByteRange } from './types.js';

/** Options of {@link s3Blobs}. */
export interface S3BlobsOptions {
  bucket: string;
  /** Prepended to every key, e.g. `"sora-kit/"`. */
  prefix?: string;
  /** `us-east-1`, …; `auto` for Cloudflare R2. Defaults to the SDK's own resolution. */
  region?: string;
  /** The service endpoint for non-AWS stores, e.g. `https://<account>.r2.cloudflarestorage.com`. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), needed by MinIO and most local servers. */
  forcePathStyle?: boolean;
  /** Static credentials; otherwise the SDK's default chain (environment, profile, role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Bytes per uploaded part (default 8 MiB; S3's minimum is 5 MiB). */
  partSize?: number;
  /** Parts uploaded at once (default 2): memory use is about `partSize × queueSize`. */
  queueSize?: number;
  /** Let `publicUrl` hand out pre-signed GET URLs, so browsers fetch from the bucket directly. */
  presignedUrls?: boolean;
  /** The clock pre-signed URLs count their lifetime from. */
  now?: () => Date;
}

type S3Module = typeof import('@aws-sdk/client-s3');
interface Sdk {
  s3: S3Module;
  client: InstanceType<S3Module['S3Client']>;
  Upload: typeof import('@aws-sdk/lib-storage')['Upload'];
}

/**
 * A {@link BlobStore} on an S3-compatible bucket.
 *
 * @example
 * const blobs = s3Blobs({ bucket: 'videos', region: 'auto', endpoint: process.env.R2_ENDPOINT });
 */
export function s3Blobs(options: S3BlobsOptions): BlobStore {
  const prefix = options.prefix ?? '';
  let loading: Promise<Sdk> | undefined;
  const sdk = () => {
    loading ??= loadSdk(options);
    return loading;
  };
  const keyOf = (key: string) => {
    assertSafeKey(key);
    return `${prefix}${key}`;
  };

  const stat = async (key: string): Promise<BlobInfo | null> => {
    const objectKey = keyOf(key);
    const { s3, client } = await sdk();
    try {
      const head = await client.send(new s3.HeadObjectCommand({ Bucket: options.bucket, Key: objectKey }));
      return toInfo(key, head.ContentLength, head.ContentType, head.ETag, head.LastModified);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  return {
    async put(key, body, { contentType }) {
      const objectKey = keyOf(key);
      const { client, Upload } = await sdk();
      const upload = new Upload({
        client,
        params: { Bucket: options.bucket, Key: objectKey, Body: body, ContentType: contentType },
        partSize: options.partSize ?? 8 * 1024 * 1024,
        queueSize: options.queueSize ?? 2,
        leavePartsOnError: false,
      });
      await upload.done();
      const info = await stat(key);
      if (!info) throw new Error(`The bucket lost ${key} right after storing it`);
      return info;
    },

    async get(key, range?: ByteRange) {
      const objectKey = keyOf(key);
      if (range) clampRange(range, Number.MAX_SAFE_INTEGER); // validates the range's shape
      const { s3, client } = await sdk();
      try {
        const object = await client.send(
          new s3.GetObjectCommand({
            Bucket: options.bucket,
            Key: objectKey,
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
        );
        const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(object.ContentRange ?? '');
        const total = served ? Number(served[3]) : object.ContentLength;
        const info = toInfo(key, total, object.ContentType, object.ETag, object.LastModified);
        if (!object.Body) throw new Error(`The bucket sent no body for ${key}`);
        const body = object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
        if (!range) return { info, body };
        // Some S3-compatible servers widen a range (s3rver reads `bytes=0-0` as everything).
        const wanted = clampRange(range, info.bytes);
        const start = served ? Number(served[1]) : 0;
        const end = served ? Number(served[2]) : info.bytes - 1;
        if (start === wanted.start && end === wanted.end) return { info, body };
        if (start > wanted.start || end < wanted.end) {
          await body.cancel();
          throw new Error(`The bucket served bytes ${start}-${end} for ${wanted.start}-${wanted.end}`);
        }
        return { info, body: sliceStream(body, wanted.start - start, rangeLength(wanted)) };
      } catch (error) {
        if (isNotFound(error)) return null;
        if (statusOf(error) === 416) {
          const info = await stat(key);
          return info && { info, body: new ReadableStream({ start: (c) => c.close() }) };
        }
        throw error;
      }
    },

    stat,

    async delete(key) {
      const objectKey = keyOf(key);
      const { s3, client } = await sdk();
      await client.send(new s3.DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey }));
    },

    async publicUrl(key, { expiresAt, download }) {
      if (!options.presignedUrls) return null;
      const objectKey = keyOf(key);
      const { s3, client } = await sdk();
      const { getSignedUrl } = await importOptional<typeof import('@aws-sdk/s3-request-presigner')>(
        '@aws-sdk/s3-request-presigner',
        's3Blobs({ presignedUrls: true })',
      );
      const now = (options.now ?? (() => new Date()))();
      const seconds = Math.floor((expiresAt.getTime() - now.getTime()) / 1000);
      const command = new s3.GetObjectCommand({
        Bucket: options.bucket,
        Key: objectKey,
        ResponseContentDisposition: download
          ? `attachment; filename="${download.replace(/["\\]/g, '_')}"`
          : undefined,
      });
      // S3 caps pre-signed URLs at seven days.
      return getSignedUrl(client, command, {
        expiresIn: Math.min(604_800, Math.max(1, seconds)),
        signingDate: now,
      });
    },
  };
}

async function loadSdk(options: S3BlobsOptions): Promise<Sdk> {
  const s3 = await importOptional<S3Module>('@aws-sdk/client-s3', 's3Blobs()');
  const { Upload } = await importOptional<typeof import('@aws-sdk/lib-storage')>(
    '@aws-sdk/lib-storage',
    's3Blobs()',
  );
  const client = new s3.S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
  });
  return { s3, client, Upload };
}

function toInfo(
  key: string,
  bytes: number | undefined,
  contentType: string | undefined,
  etag: string | undefined,
  lastModified: Date | undefined,
): BlobInfo {
  return {
    key,
    bytes: bytes ?? 0,
    contentType: contentType ?? 'application/octet-stream',
    etag: etag?.startsWith('"') ? etag : `"${etag ?? ''}"`,
    lastModified: lastModified ?? new Date(0),
  };
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'NotFound' || name === 'NoSuchKey' || statusOf(error) === 404;
}
