import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Blobs } from '../../src/blobs/s3.js';
import { bytesOf, streamOf } from '../media/helpers.js';
import { blobStoreContract, failingStream, knownBytes } from './contract.js';

const BUCKET = 'sora-test';
let dir: string;
let server: S3rver;
let endpoint: string;
let prefixes = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const address = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A store on the local S3-compatible server; a fresh prefix per test keeps tests apart. */
const store = (extra: Partial<Parameters<typeof s3Blobs>[0]> = {}) =>
  s3Blobs({
    bucket: BUCKET,
    prefix: `t${++prefixes}/`,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    ...extra,
  });

// s3rver writes objects in place, unlike S3, R2 and MinIO (see ContractOptions).
blobStoreContract('s3Blobs', () => store(), { atomicOverlappingWrites: false });

describe('s3Blobs specifics', () => {
  it('streams a blob larger than one part through a multipart upload', async () => {
    const blobs = store({ partSize: 5 * 1024 * 1024 });
    const bytes = knownBytes(11 * 1024 * 1024, 9);
    const info = await blobs.put('videos/job_mp/video.mp4', streamOf(bytes, 256 * 1024), {
      contentType: 'video/mp4',
    });
    expect(info.bytes).toBe(bytes.byteLength);
    const tail = await blobs.get('videos/job_mp/video.mp4', {
      start: bytes.byteLength - 100,
      end: bytes.byteLength - 1,
    });
    expect(await bytesOf(tail?.body ?? new ReadableStream())).toEqual(bytes.slice(-100));
  });

  it('leaves nothing when a multipart upload is cut off after its first parts', async () => {
    const blobs = store({ partSize: 5 * 1024 * 1024 });
    await expect(
      blobs.put('videos/job_cut/video.mp4', failingStream(knownBytes(12 * 1024 * 1024)), {
        contentType: 'video/mp4',
      }),
    ).rejects.toThrow();
    expect(await blobs.stat('videos/job_cut/video.mp4')).toBeNull();
  });

  it('hands out pre-signed URLs that fetch the blob when asked to', async () => {
    const blobs = store({ presignedUrls: true });
    await blobs.put('videos/job_url/thumbnail.jpg', streamOf(knownBytes(500)), { contentType: 'image/jpeg' });
    const url = await blobs.publicUrl?.('videos/job_url/thumbnail.jpg', {
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(url).toContain('X-Amz-Signature=');
    const response = await fetch(url ?? '');
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(knownBytes(500));
    expect(await store().publicUrl?.('videos/job_url/thumbnail.jpg', { expiresAt: new Date() })).toBeNull();
  });
});
