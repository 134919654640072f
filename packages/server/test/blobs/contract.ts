/**
 * The behaviour every BlobStore driver must show, written once and run against each adapter
 * (fs, Vercel Blob through msw, S3 through a local S3-compatible server).
 */
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/blobs/types.js';
import { bytesOf, streamOf } from '../media/helpers.js';

/** Makes a fresh, empty store for one test. */
export type StoreFactory = () => Promise<BlobStore> | BlobStore;

/** Deterministic test bytes: `length` bytes whose value depends on the position and a seed. */
export function knownBytes(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed * 17 + (i >> 8)) & 0xff;
  return out;
}

/** A stream that sends `head` bytes and then fails, like a dropped connection. */
export function failingStream(head: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new Error('connection reset'));
      sent = true;
      controller.enqueue(head);
    },
  });
}

/** Runs the shared suite. */
/** What a store's backing service guarantees beyond the interface. */
export interface ContractOptions {
  /**
   * Whether the service itself replaces an object atomically when two uploads of one key overlap.
   * S3, R2 and MinIO do; the local s3rver used in tests writes objects in place, so an overlap there
   * can tear the object whatever the driver does.
   */
  atomicOverlappingWrites?: boolean;
}

export function blobStoreContract(
  name: string,
  makeStore: StoreFactory,
  options: ContractOptions = {},
): void {
  describe(`${name} — BlobStore contract`, () => {
    it('returns the same bytes, type and size it was given', async () => {
      const store = await makeStore();
      const bytes = knownBytes(300_000);
      const put = await store.put('videos/job_a/video.mp4', streamOf(bytes), { contentType: 'video/mp4' });
      expect(put).toMatchObject({ key: 'videos/job_a/video.mp4', bytes: 300_000, contentType: 'video/mp4' });
      expect(put.etag).toMatch(/^"[^"]+"$/);
      const got = await store.get('videos/job_a/video.mp4');
      expect(got?.info).toMatchObject({ bytes: 300_000, contentType: 'video/mp4', etag: put.etag });
      expect(got?.info.lastModified).toBeInstanceOf(Date);
      expect(await bytesOf(got?.body ?? streamOf(new Uint8Array()))).toEqual(bytes);
    });

    it('stats a stored blob like put described it, and answers null for a missing one', async () => {
      const store = await makeStore();
      const put = await store.put('videos/job_b/thumbnail.jpg', streamOf(knownBytes(1000)), {
        contentType: 'image/jpeg',
      });
      const stat = await store.stat('videos/job_b/thumbnail.jpg');
      expect(stat).toMatchObject({ key: put.key, bytes: 1000, contentType: 'image/jpeg', etag: put.etag });
      expect(await store.stat('videos/job_b/missing.jpg')).toBeNull();
      expect(await store.get('videos/job_b/missing.jpg')).toBeNull();
    });

    it('streams an inclusive byte range, and clamps one that runs past the end', async () => {
      const store = await makeStore();
      const bytes = knownBytes(200_000, 3);
      await store.put('videos/job_c/video.mp4', streamOf(bytes), { contentType: 'video/mp4' });
      const middle = await store.get('videos/job_c/video.mp4', { start: 100, end: 19_999 });
      expect(middle?.info.bytes).toBe(200_000);
      expect(await bytesOf(middle?.body ?? streamOf(new Uint8Array()))).toEqual(bytes.slice(100, 20_000));
      const tail = await store.get('videos/job_c/video.mp4', { start: 199_990, end: 250_000 });
      expect(await bytesOf(tail?.body ?? streamOf(new Uint8Array()))).toEqual(bytes.slice(199_990));
      const first = await store.get('videos/job_c/video.mp4', { start: 0, end: 0 });
      expect(await bytesOf(first?.body ?? streamOf(new Uint8Array()))).toEqual(bytes.slice(0, 1));
    });

    it('overwrites a key whole, with a new ETag for new content', async () => {
      const store = await makeStore();
      const first = await store.put('videos/job_d/video.mp4', streamOf(knownBytes(5000, 1)), {
        contentType: 'video/mp4',
      });
      const second = await store.put('videos/job_d/video.mp4', streamOf(knownBytes(4000, 2)), {
        contentType: 'video/mp4',
      });
      expect(second.etag).not.toBe(first.etag);
      const got = await store.get('videos/job_d/video.mp4');
      expect(got?.info.bytes).toBe(4000);
      expect(await bytesOf(got?.body ?? streamOf(new Uint8Array()))).toEqual(knownBytes(4000, 2));
    });

    it('deletes a blob, and deleting a missing one is not an error', async () => {
      const store = await makeStore();
      await store.put('videos/job_e/video.mp4', streamOf(knownBytes(10)), { contentType: 'video/mp4' });
      await store.delete('videos/job_e/video.mp4');
      expect(await store.stat('videos/job_e/video.mp4')).toBeNull();
      expect(await store.get('videos/job_e/video.mp4')).toBeNull();
      await expect(store.delete('videos/job_e/video.mp4')).resolves.toBeUndefined();
    });

    it('leaves nothing behind when the incoming stream fails mid-way', async () => {
      const store = await makeStore();
      await expect(
        store.put('videos/job_f/video.mp4', failingStream(knownBytes(70_000)), { contentType: 'video/mp4' }),
      ).rejects.toThrow();
      expect(await store.stat('videos/job_f/video.mp4')).toBeNull();
    });

    it('keeps the previous copy intact when an overwrite fails', async () => {
      const store = await makeStore();
      await store.put('videos/job_g/video.mp4', streamOf(knownBytes(3000, 5)), { contentType: 'video/mp4' });
      await expect(
        store.put('videos/job_g/video.mp4', failingStream(knownBytes(70_000, 6)), {
          contentType: 'video/mp4',
        }),
      ).rejects.toThrow();
      const got = await store.get('videos/job_g/video.mp4');
      expect(await bytesOf(got?.body ?? streamOf(new Uint8Array()))).toEqual(knownBytes(3000, 5));
    });

    it('never shows a blob while it is still being written', async () => {
      const store = await makeStore();
      let release: () => void = () => {};
      let waiting: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      // Resolves once the store has taken the first chunk and asks for more: the write is under way.
      const underway = new Promise<void>((resolve) => {
        waiting = resolve;
      });
      let step = 0;
      const slow = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            step++;
            if (step === 1) return controller.enqueue(knownBytes(64_000));
            waiting();
            await gate;
            controller.enqueue(knownBytes(1000));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const writing = store.put('videos/job_h/video.mp4', slow, { contentType: 'video/mp4' });
      await underway;
      expect(await store.stat('videos/job_h/video.mp4')).toBeNull();
      release();
      await writing;
      expect((await store.stat('videos/job_h/video.mp4'))?.bytes).toBe(65_000);
    });

    it('leaves one whole copy when two writes race for the same key', async () => {
      const store = await makeStore();
      if (options.atomicOverlappingWrites === false) {
        // The service cannot promise this; check the driver's half: the last finished write wins whole.
        const a = knownBytes(150_000, 21);
        const b = knownBytes(120_000, 22);
        await store.put('videos/job_r/video.mp4', streamOf(a, 7000), { contentType: 'video/mp4' });
        await store.put('videos/job_r/video.mp4', streamOf(b, 5000), { contentType: 'video/mp4' });
        const got = await store.get('videos/job_r/video.mp4');
        expect(await bytesOf(got?.body ?? streamOf(new Uint8Array()))).toEqual(b);
        expect(got?.info.bytes).toBe(b.byteLength);
        return;
      }
      const a = knownBytes(150_000, 21);
      const b = knownBytes(120_000, 22);
      await Promise.all([
        store.put('videos/job_r/video.mp4', streamOf(a, 7000), { contentType: 'video/mp4' }),
        store.put('videos/job_r/video.mp4', streamOf(b, 5000), { contentType: 'video/mp4' }),
      ]);
      const got = await store.get('videos/job_r/video.mp4');
      const bytes = await bytesOf(got?.body ?? streamOf(new Uint8Array()));
      expect([a.byteLength, b.byteLength]).toContain(bytes.byteLength);
      expect(bytes).toEqual(bytes.byteLength === a.byteLength ? a : b);
      expect(got?.info.bytes).toBe(bytes.byteLength);
    });

    it.each([
      '../escape',
      'videos/../../etc/passwd',
      'videos/%2e%2e/x',
      '/absolute',
      'videos//double',
      'videos/.hidden',
      'videos\\back',
      '',
    ])('rejects the key %j that could escape the store', async (key) => {
      const store = await makeStore();
      await expect(store.put(key, streamOf(knownBytes(10)), { contentType: 'text/plain' })).rejects.toThrow();
      await expect(store.get(key)).rejects.toThrow();
      await expect(store.stat(key)).rejects.toThrow();
      await expect(store.delete(key)).rejects.toThrow();
    });
  });
}
