/**
 * copyAssets against the fake OpenAI provider: the real adapter code, the committed fixtures, and
 * the fake's fault injection (cut downloads).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePath } from '@sora-kit/sample-media';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import type { BlobStore } from '../../src/blobs/types.js';
import { blobKey } from '../../src/media/blob-keys.js';
import { copyAssets } from '../../src/media/copy.js';
import { probeVideo } from '../../src/media/probe.js';
import { clipForPrompt } from '../../src/providers/fake-kit/media.js';
import { fakeProvider } from '../../src/providers/fake-provider.js';
import { bytesOf, fixture, streamOf } from './helpers.js';

const MEDIA = new URL('../../../sample-media/media/dawn/', import.meta.url);
const noWait = { sleep: async () => {} };
let dir: string;
let blobs: BlobStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-copy-fake-'));
  blobs = fsBlobs(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The sample clip the fake serves for a prompt (from @sora-kit/sample-media). */
async function sampleFor(prompt: string, size: string, seconds: number): Promise<Uint8Array> {
  const path = samplePath('video', size, seconds, clipForPrompt(prompt));
  return new Uint8Array(await readFile(new URL(`../../../sample-media/media/${path}`, import.meta.url)));
}

/** Creates a video on the fake and lets it finish. */
async function finishedVideo(provider: ReturnType<typeof fakeProvider>, size = '1280x720', seconds = 4) {
  const created = await provider.create({
    prompt: 'a calm lake',
    model: 'sora-2',
    size,
    seconds,
    idempotencyKey: `k-${size}`,
  });
  await provider.fake.advance(60_000);
  const video = await provider.retrieve(created.id);
  expect(video.status).toBe('completed');
  return video;
}

describe('the sample clips (one scene of @sora-kit/sample-media)', async () => {
  const names = (await readdir(MEDIA)).filter((name) => name.endsWith('.mp4')).sort();

  it('include a video for every size and length the fake offers', () => {
    expect(names.length).toBeGreaterThanOrEqual(18);
  });

  it.each(names)('%s probes as the size and length its name says', async (name) => {
    const [, width, height, seconds] = /^video-(\d+)x(\d+)-(\d+)s\.mp4$/.exec(name) ?? [];
    const bytes = new Uint8Array(await readFile(new URL(name, MEDIA)));
    await blobs.put('videos/fixture/video.mp4', streamOf(bytes), { contentType: 'video/mp4' });
    const probe = await probeVideo(blobs, 'videos/fixture/video.mp4');
    expect(probe).toEqual({
      contentType: 'video/mp4',
      bytes: bytes.byteLength,
      width: Number(width),
      height: Number(height),
      seconds: Number(seconds),
    });
  });
});

describe('copyAssets from the fake provider', () => {
  it('copies all three variants of a finished video', async () => {
    const provider = fakeProvider();
    const video = await finishedVideo(provider, '720x1280', 8);
    const asset = await copyAssets({
      provider,
      blobs,
      providerVideoId: video.id,
      jobId: 'job_fake',
      variants: ['video', 'thumbnail', 'spritesheet'],
      retry: noWait,
    });
    expect(asset).toMatchObject({ contentType: 'video/mp4', width: 720, height: 1280, seconds: 8 });
    expect(asset.variants).toEqual(['video', 'thumbnail', 'spritesheet']);
    const stored = await blobs.get(blobKey('job_fake', 'video'));
    expect(await bytesOf(stored?.body ?? streamOf(new Uint8Array()))).toEqual(
      await sampleFor('a calm lake', '720x1280', 8),
    );
  });

  it('describes the file it stored, not what was requested', async () => {
    const clip = new Uint8Array(await readFile(fixture('faststart-160x90-2s.mp4')));
    const provider = fakeProvider({
      media: async (variant) => (variant === 'video' ? clip : new Uint8Array([0xff, 0xd8, 0xff])),
    });
    const video = await finishedVideo(provider, '1280x720', 12);
    const asset = await copyAssets({
      provider,
      blobs,
      providerVideoId: video.id,
      jobId: 'job_odd',
      variants: ['video'],
    });
    expect(asset).toMatchObject({ width: 160, height: 90, seconds: 2, bytes: clip.byteLength });
  });

  it('survives downloads the fake cuts off halfway, retrying until whole', async () => {
    // The fake rolls once per download: the first two downloads are cut, later ones pass.
    const rolls = [0, 0];
    const provider = fakeProvider({ faults: { cutDownloadRate: 0.5, random: () => rolls.shift() ?? 0.99 } });
    const video = await finishedVideo(provider);
    const asset = await copyAssets({
      provider,
      blobs,
      providerVideoId: video.id,
      jobId: 'job_cut',
      variants: ['video', 'thumbnail'],
      retry: noWait,
    });
    expect(rolls).toEqual([]);
    expect(asset).toMatchObject({ width: 1280, height: 720, seconds: 4, variants: ['video', 'thumbnail'] });
    const stored = await blobs.get(blobKey('job_cut', 'video'));
    expect(await bytesOf(stored?.body ?? streamOf(new Uint8Array()))).toEqual(
      await sampleFor('a calm lake', '1280x720', 4),
    );
  });
});
