/** The media route over a real socket (@hono/node-server): what a browser's <video> meets. */
import { mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import { blobKey } from '../../src/media/blob-keys.js';
import { mediaUrlFor } from '../../src/media/links.js';
import { createMediaSigner } from '../../src/media/signing.js';
import { createMediaRoutes } from '../../src/routes/media.js';
import { knownBytes } from '../blobs/contract.js';

const SIZE = 24 * 1024 * 1024;
const now = () => new Date('2026-04-01T00:00:00Z');
const signer = createMediaSigner({ secret: 'socket-secret', now });
let dir: string;
let server: ServerType;
let base: string;

/** A stream of SIZE known bytes, made chunk by chunk. */
function bigStream(): ReadableStream<Uint8Array> {
  const pattern = knownBytes(1024 * 1024, 4);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= SIZE) return controller.close();
      controller.enqueue(pattern.slice());
      sent += pattern.byteLength;
    },
  });
}

/** Descriptors this process holds open on files of the store (Linux). */
async function openStoreFiles(): Promise<number> {
  const links = await Promise.all(
    (await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  );
  return links.filter((target) => target.startsWith(dir)).length;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-media-socket-'));
  const blobs = fsBlobs(dir);
  await blobs.put(blobKey('job_big', 'video'), bigStream(), { contentType: 'video/mp4' });
  const app = createMediaRoutes({
    blobs,
    signer,
    now,
    findJob: async (id) => (id === 'job_big' ? { status: 'completed', prompt: 'big' } : null),
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const link = async () =>
  (await mediaUrlFor({ baseUrl: base, jobId: 'job_big', variant: 'video', signer, now })).url;

describe('the media route over HTTP', () => {
  it('answers a range with 206 and exactly those bytes', async () => {
    const response = await fetch(await link(), { headers: { range: 'bytes=1048570-1048585' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-length')).toBe('16');
    expect(response.headers.get('content-range')).toBe(`bytes 1048570-1048585/${SIZE}`);
    const pattern = knownBytes(1024 * 1024, 4);
    const expected = new Uint8Array([...pattern.slice(1048570), ...pattern.slice(0, 10)]);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(expected);
  });

  it('answers HEAD with the length and no body', async () => {
    const response = await fetch(await link(), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(SIZE));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
  });

  it('serves a whole large file in full', async () => {
    const response = await fetch(await link());
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(SIZE);
  });

  it('closes the file when the client goes away mid-download', async () => {
    const controller = new AbortController();
    const response = await fetch(await link(), { signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    expect(await openStoreFiles()).toBe(1);
    controller.abort();
    await reader?.cancel().catch(() => {});
    await vi.waitFor(async () => expect(await openStoreFiles()).toBe(0), { timeout: 5000 });
  });
});
