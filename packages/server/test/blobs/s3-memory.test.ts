import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Blobs } from '../../src/blobs/s3.js';

const TOTAL = 64 * 1024 * 1024;
const PART = 5 * 1024 * 1024;
let dir: string;
let server: S3rver;
let endpoint: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-s3-memory-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'mem' }],
  });
  endpoint = `http://127.0.0.1:${((await server.run()) as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('s3Blobs memory', () => {
  // The figure includes s3rver, which runs in this process and holds the parts it receives; it
  // stays flat (about 32 MB) whatever the file's size, where a buffering upload would grow with it.
  it('uploads 64 MB holding only a few parts in memory at a time', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const blobs = s3Blobs({
      bucket: 'mem',
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      partSize: PART,
      queueSize: 2,
    });
    await blobs.stat('warm-up'); // loads the SDK before measuring
    gc();
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    let sent = 0;
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (chunks++ % 32 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        }
        if (sent >= TOTAL) return controller.close();
        controller.enqueue(new Uint8Array(64 * 1024).fill(sent & 0xff));
        sent += 64 * 1024;
      },
    });
    const info = await blobs.put('videos/job_mem/video.mp4', body, { contentType: 'video/mp4' });
    expect(info.bytes).toBe(TOTAL);
    const growth = peak - before;
    console.log(
      `s3 upload of 64 MB in 5 MB parts: peak arrayBuffers growth ${(growth / 2 ** 20).toFixed(1)} MB`,
    );
    expect(growth).toBeLessThan(TOTAL * 0.75);
  });
});
