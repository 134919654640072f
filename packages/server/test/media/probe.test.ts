import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import type { BlobStore } from '../../src/blobs/types.js';
import { InvalidMediaError } from '../../src/media/errors.js';
import { probeVideo } from '../../src/media/probe.js';
import { fixture, streamOf } from './helpers.js';

/** A store that records every ranged read, to see how much of the file a probe fetched. */
function counting(blobs: BlobStore, reads: { start: number; end: number }[]): BlobStore {
  return {
    ...blobs,
    get: (key, range) => {
      reads.push(range ?? { start: 0, end: Number.POSITIVE_INFINITY });
      return blobs.get(key, range);
    },
  };
}

describe('probeVideo', () => {
  let dir: string;
  let blobs: BlobStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sora-probe-'));
    blobs = fsBlobs(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads width, height and duration of a +faststart MP4 from its first bytes only', async () => {
    const bytes = await readFile(fixture('faststart-160x90-2s.mp4'));
    await blobs.put('v/a.mp4', streamOf(bytes), { contentType: 'video/mp4' });
    const reads: { start: number; end: number }[] = [];
    const probe = await probeVideo(counting(blobs, reads), 'v/a.mp4', { chunkBytes: 8192 });
    expect(probe).toEqual({
      contentType: 'video/mp4',
      bytes: bytes.byteLength,
      width: 160,
      height: 90,
      seconds: 2,
    });
    expect(reads).toEqual([{ start: 0, end: 8191 }]);
  });

  it('jumps over the media data to a moov at the end instead of reading everything', async () => {
    const bytes = await readFile(fixture('moov-at-end-96x160-3s.mp4'));
    await blobs.put('v/b.mp4', streamOf(bytes), { contentType: 'video/mp4' });
    const reads: { start: number; end: number }[] = [];
    const probe = await probeVideo(counting(blobs, reads), 'v/b.mp4', { chunkBytes: 2048 });
    expect(probe).toMatchObject({ width: 96, height: 160, seconds: 3, bytes: bytes.byteLength });
    const fetched = reads.reduce((sum, r) => sum + Math.min(r.end, bytes.byteLength - 1) - r.start + 1, 0);
    expect(fetched).toBeLessThan(bytes.byteLength / 2);
  });

  it('reads the duration of a fragmented MP4 from its fragments', async () => {
    const bytes = await readFile(fixture('fragmented-128x72-2s.mp4'));
    await blobs.put('v/f.mp4', streamOf(bytes), { contentType: 'video/mp4' });
    expect(await probeVideo(blobs, 'v/f.mp4')).toMatchObject({ width: 128, height: 72, seconds: 2 });
  });

  it('refuses a blob that is not an MP4', async () => {
    await blobs.put('v/c.mp4', streamOf(new TextEncoder().encode('hello, not a video')), {
      contentType: 'video/mp4',
    });
    await expect(probeVideo(blobs, 'v/c.mp4')).rejects.toBeInstanceOf(InvalidMediaError);
  });

  it('refuses a missing blob', async () => {
    await expect(probeVideo(blobs, 'v/none.mp4')).rejects.toBeInstanceOf(InvalidMediaError);
  });
});
