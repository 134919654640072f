import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import { bytesOf, streamOf } from '../media/helpers.js';
import { blobStoreContract, failingStream, knownBytes } from './contract.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sora-fs-blobs-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

blobStoreContract('fsBlobs', async () => fsBlobs(await freshDir()));

describe('fsBlobs on disk', () => {
  it('streams a range that spans several reads byte for byte', async () => {
    const blobs = fsBlobs(await freshDir());
    const bytes = knownBytes(1_500_000, 5);
    await blobs.put('videos/job_r/video.mp4', streamOf(bytes), { contentType: 'video/mp4' });
    for (const [start, end] of [
      [1_000, 1_200_000],
      [262_143, 524_288],
      [0, 1_499_999],
    ] as const) {
      const part = await blobs.get('videos/job_r/video.mp4', { start, end });
      expect(await bytesOf(part?.body ?? streamOf(new Uint8Array()))).toEqual(bytes.slice(start, end + 1));
    }
  });

  it('leaves no temp file behind when a write is cut off', async () => {
    const dir = await freshDir();
    const blobs = fsBlobs(dir);
    await expect(
      blobs.put('videos/job_x/video.mp4', failingStream(knownBytes(100_000)), { contentType: 'video/mp4' }),
    ).rejects.toThrow('connection reset');
    const files = await readdir(dir, { recursive: true, withFileTypes: true });
    expect(files.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([]);
  });

  it('keeps blobs inside its directory', async () => {
    const dir = await freshDir();
    const blobs = fsBlobs(join(dir, 'store'));
    await blobs.put('videos/job_y/video.mp4', streamOf(knownBytes(10)), { contentType: 'video/mp4' });
    await expect(
      blobs.put('../outside', streamOf(knownBytes(10)), { contentType: 'text/plain' }),
    ).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['store']);
  });

  it('removes the job directory with its last blob', async () => {
    const dir = await freshDir();
    const blobs = fsBlobs(dir);
    await blobs.put('videos/job_z/video.mp4', streamOf(knownBytes(10)), { contentType: 'video/mp4' });
    await blobs.delete('videos/job_z/video.mp4');
    expect(await readdir(join(dir, 'videos'))).toEqual([]);
  });
});
