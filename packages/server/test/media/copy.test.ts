import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import type { BlobStore } from '../../src/blobs/types.js';
import { blobKey } from '../../src/media/blob-keys.js';
import { copyAssets } from '../../src/media/copy.js';
import { AssetExpiredError, InvalidMediaError, MissingVariantError } from '../../src/media/errors.js';
import { ProviderError } from '../../src/providers/errors.js';
import { knownBytes } from '../blobs/contract.js';
import { bytesOf, fixture } from './helpers.js';
import { scriptedProvider } from './provider-double.js';

let dir: string;
let blobs: BlobStore;
let video: Uint8Array;
const thumb = knownBytes(2000, 1);
const sprite = knownBytes(3000, 2);
const now = () => new Date('2026-05-01T00:00:00Z');
const delays: number[] = [];
const retry = { sleep: async (ms: number) => void delays.push(ms) };
const ALL = ['video', 'thumbnail', 'spritesheet'] as const;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-copy-'));
  blobs = fsBlobs(dir);
  video = new Uint8Array(await readFile(fixture('faststart-160x90-2s.mp4')));
  delays.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const stored = async (variant: 'video' | 'thumbnail' | 'spritesheet') => {
  const got = await blobs.get(blobKey('job_1', variant));
  return got ? { type: got.info.contentType, bytes: await bytesOf(got.body) } : null;
};
const base = {
  blobs: undefined as unknown as BlobStore,
  providerVideoId: 'video_abc',
  jobId: 'job_1',
  variants: ALL,
  now,
  retry,
};

describe('copyAssets', () => {
  it('stores every variant and describes the asset from the stored file, not the request', async () => {
    const { provider } = scriptedProvider({
      video: [{ kind: 'ok', bytes: video, contentType: 'video/mp4' }],
      thumbnail: [{ kind: 'ok', bytes: thumb, contentType: 'image/jpeg' }],
      spritesheet: [{ kind: 'ok', bytes: sprite }],
    });
    const asset = await copyAssets({ ...base, blobs, provider });
    expect(asset).toEqual({
      contentType: 'video/mp4',
      bytes: video.byteLength,
      width: 160,
      height: 90,
      seconds: 2,
      variants: ['video', 'thumbnail', 'spritesheet'],
    });
    expect(await stored('video')).toEqual({ type: 'video/mp4', bytes: video });
    expect(await stored('thumbnail')).toEqual({ type: 'image/jpeg', bytes: thumb });
    // The provider said octet-stream: we store the variant's real type.
    expect((await stored('spritesheet'))?.type).toBe('image/jpeg');
  });

  it('retries a download whose stream breaks off mid-body, and stores it whole', async () => {
    const { provider, calls } = scriptedProvider({
      video: [
        { kind: 'cut', bytes: video, after: 8192 },
        { kind: 'ok', bytes: video, contentType: 'video/mp4' },
      ],
      thumbnail: [{ kind: 'ok', bytes: thumb }],
    });
    const asset = await copyAssets({ ...base, blobs, provider, variants: ['video', 'thumbnail'] });
    expect(calls.filter((v) => v === 'video')).toHaveLength(2);
    expect(delays).toEqual([500]);
    expect(asset.bytes).toBe(video.byteLength);
    expect((await stored('video'))?.bytes).toEqual(video);
  });

  it('treats a body that ends before its Content-Length as cut off', async () => {
    const { provider, calls } = scriptedProvider({
      video: [
        { kind: 'short', bytes: video, after: 10_000 },
        { kind: 'ok', bytes: video },
      ],
    });
    await copyAssets({ ...base, blobs, provider, variants: ['video'] });
    expect(calls).toEqual(['video', 'video']);
    expect((await stored('video'))?.bytes).toEqual(video);
  });

  it('retries transient provider errors with growing delays, honouring Retry-After', async () => {
    const { provider } = scriptedProvider({
      video: [
        { kind: 'throw', error: new ProviderError('unavailable', 'bad gateway', { status: 502 }) },
        {
          kind: 'throw',
          error: new ProviderError('rate_limited', 'slow down', { status: 429, retryAfterMs: 3000 }),
        },
        { kind: 'throw', error: new ProviderError('unavailable', 'bad gateway', { status: 503 }) },
        { kind: 'ok', bytes: video },
      ],
    });
    await copyAssets({ ...base, blobs, provider, variants: ['video'] });
    expect(delays).toEqual([500, 3000, 2000]);
  });

  it('gives up after a bounded number of tries and leaves no partial video', async () => {
    const { provider, calls } = scriptedProvider({ video: [{ kind: 'cut', bytes: video, after: 4096 }] });
    await expect(copyAssets({ ...base, blobs, provider, variants: ['video'] })).rejects.toThrow();
    expect(calls).toHaveLength(4);
    expect(await blobs.stat(blobKey('job_1', 'video'))).toBeNull();
    const files = await readdir(dir, { recursive: true, withFileTypes: true });
    expect(files.filter((f) => f.isFile())).toEqual([]);
  });

  it('does not retry a final provider error', async () => {
    const { provider, calls } = scriptedProvider({
      video: [{ kind: 'throw', error: new ProviderError('unauthorized', 'bad key', { status: 401 }) }],
    });
    await expect(copyAssets({ ...base, blobs, provider, variants: ['video'] })).rejects.toBeInstanceOf(
      ProviderError,
    );
    expect(calls).toHaveLength(1);
  });

  it("fails with AssetExpiredError past the provider's expiry, before downloading", async () => {
    const { provider, calls } = scriptedProvider({ video: [{ kind: 'ok', bytes: video }] });
    const expiresAt = now().getTime() - 1;
    await expect(copyAssets({ ...base, blobs, provider, expiresAt })).rejects.toBeInstanceOf(
      AssetExpiredError,
    );
    expect(calls).toEqual([]);
  });

  it('fails with AssetExpiredError when the provider no longer has the video', async () => {
    const { provider } = scriptedProvider({
      video: [{ kind: 'throw', error: new ProviderError('not_found', 'gone', { status: 404 }) }],
    });
    await expect(copyAssets({ ...base, blobs, provider })).rejects.toBeInstanceOf(AssetExpiredError);
  });

  it('stops retrying once the expiry passes between tries', async () => {
    let clock = now().getTime();
    const { provider, calls } = scriptedProvider({ video: [{ kind: 'cut', bytes: video, after: 100 }] });
    const sleep = async (ms: number) => {
      clock += ms;
    };
    const run = copyAssets({
      ...base,
      blobs,
      provider,
      now: () => new Date(clock),
      expiresAt: clock + 1000,
      retry: { sleep, attempts: 10 },
    });
    await expect(run).rejects.toBeInstanceOf(AssetExpiredError);
    expect(calls.length).toBe(2);
  });

  it('completes without a thumbnail or spritesheet the provider cannot give', async () => {
    const { provider } = scriptedProvider({
      video: [{ kind: 'ok', bytes: video }],
      thumbnail: [{ kind: 'throw', error: new ProviderError('not_found', 'no thumbnail', { status: 404 }) }],
      spritesheet: [{ kind: 'cut', bytes: sprite, after: 100 }],
    });
    const asset = await copyAssets({ ...base, blobs, provider });
    expect(asset.variants).toEqual(['video']);
    expect(await stored('spritesheet')).toBeNull();
  });

  it('fails without a video', async () => {
    const { provider } = scriptedProvider({ thumbnail: [{ kind: 'ok', bytes: thumb }] });
    await expect(copyAssets({ ...base, blobs, provider, variants: ['thumbnail'] })).rejects.toBeInstanceOf(
      MissingVariantError,
    );
  });

  it('fails with InvalidMediaError when the video is not an MP4', async () => {
    const { provider } = scriptedProvider({ video: [{ kind: 'ok', bytes: knownBytes(5000) }] });
    await expect(copyAssets({ ...base, blobs, provider, variants: ['video'] })).rejects.toBeInstanceOf(
      InvalidMediaError,
    );
  });

  it('is idempotent: running twice leaves exactly one copy of each variant', async () => {
    const scripts = () =>
      scriptedProvider({
        video: [{ kind: 'ok', bytes: video }],
        thumbnail: [{ kind: 'ok', bytes: thumb }],
        spritesheet: [{ kind: 'ok', bytes: sprite }],
      }).provider;
    const first = await copyAssets({ ...base, blobs, provider: scripts() });
    const second = await copyAssets({ ...base, blobs, provider: scripts() });
    expect(second).toEqual(first);
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile() && !f.name.startsWith('.'))
      .map((f) => f.name)
      .sort();
    expect(files).toEqual(['spritesheet.jpg', 'thumbnail.jpg', 'video.mp4']);
    expect((await stored('video'))?.bytes).toEqual(video);
  });

  it('keeps a thumbnail stored whole by an earlier run when this run cannot fetch it', async () => {
    const firstRun = scriptedProvider({
      video: [{ kind: 'ok', bytes: video }],
      thumbnail: [{ kind: 'ok', bytes: thumb }],
    });
    await copyAssets({ ...base, blobs, provider: firstRun.provider, variants: ['video', 'thumbnail'] });
    const secondRun = scriptedProvider({
      video: [{ kind: 'ok', bytes: video }],
      thumbnail: [{ kind: 'cut', bytes: thumb, after: 10 }],
    });
    const asset = await copyAssets({
      ...base,
      blobs,
      provider: secondRun.provider,
      variants: ['video', 'thumbnail'],
    });
    expect(asset.variants).toEqual(['video', 'thumbnail']);
    expect((await stored('thumbnail'))?.bytes).toEqual(thumb);
  });

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    const { provider, calls } = scriptedProvider({ video: [{ kind: 'cut', bytes: video, after: 100 }] });
    const sleep = async () => {
      controller.abort(new Error('lease lost'));
      throw new Error('lease lost');
    };
    await expect(
      copyAssets({ ...base, blobs, provider, signal: controller.signal, retry: { sleep } }),
    ).rejects.toThrow('lease lost');
    expect(calls).toHaveLength(1);
  });
});
