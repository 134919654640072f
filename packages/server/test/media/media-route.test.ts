import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobAsset } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsBlobs } from '../../src/blobs/fs.js';
import type { BlobInfo, BlobStore } from '../../src/blobs/types.js';
import { blobKey } from '../../src/media/blob-keys.js';
import { mediaUrlFor } from '../../src/media/links.js';
import { createMediaSigner } from '../../src/media/signing.js';
import { createMediaRoutes, type MediaJobView } from '../../src/routes/media.js';
import { knownBytes } from '../blobs/contract.js';
import { streamOf } from './helpers.js';

const SIZE = 10_000;
const bytes = knownBytes(SIZE, 11);
const asset: JobAsset = {
  contentType: 'video/mp4',
  bytes: SIZE,
  width: 160,
  height: 90,
  seconds: 2,
  variants: ['video', 'thumbnail'],
};

interface World {
  app: ReturnType<typeof createMediaRoutes>;
  jobs: Map<string, MediaJobView>;
  info: BlobInfo;
  blobs: BlobStore;
  link(options?: {
    jobId?: string;
    variant?: 'video' | 'thumbnail' | 'spritesheet';
    download?: boolean;
  }): Promise<string>;
  advance(ms: number): void;
}

let dir: string;
let world: World;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-media-route-'));
  const blobs = fsBlobs(dir);
  let now = new Date('2026-03-01T10:00:00Z');
  const clock = () => now;
  const signer = createMediaSigner({ secret: 'route-secret', now: clock });
  const jobs = new Map<string, MediaJobView>([
    ['job_done', { status: 'completed', asset, prompt: 'A café at dawn, "rainy" / wet' }],
    ['job_running', { status: 'in_progress', prompt: 'still going' }],
  ]);
  const info = await blobs.put(blobKey('job_done', 'video'), streamOf(bytes, 1000), {
    contentType: 'video/mp4',
  });
  await blobs.put(blobKey('job_done', 'thumbnail'), streamOf(knownBytes(500)), { contentType: 'image/jpeg' });
  const app = createMediaRoutes({ blobs, signer, now: clock, findJob: async (id) => jobs.get(id) ?? null });
  world = {
    app,
    jobs,
    info,
    blobs,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    async link({ jobId = 'job_done', variant = 'video', download } = {}) {
      const link = await mediaUrlFor({
        baseUrl: 'http://localhost/',
        jobId,
        variant,
        download,
        signer,
        now: clock,
      });
      return link.url;
    },
  };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const get = async (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  world.app.request(url, { method, headers });
const body = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('GET /media/:jobId/:variant — ranges', () => {
  it('serves the whole file with CDN headers', async () => {
    const response = await get(await world.link());
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-length')).toBe(String(SIZE));
    expect(response.headers.get('etag')).toBe(world.info.etag);
    expect(response.headers.get('last-modified')).toBe(world.info.lastModified.toUTCString());
    expect(response.headers.get('cache-control')).toBe('private, max-age=900');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await body(response)).toEqual(bytes);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=100-199', 100, 199],
    ['bytes=0-0', 0, 0],
    ['bytes=9999-9999', 9999, 9999],
    ['bytes=9990-', 9990, 9999],
    ['bytes=5000-', 5000, 9999],
    ['bytes=-1', 9999, 9999],
    ['bytes=-500', 9500, 9999],
    ['bytes=-20000', 0, 9999],
    ['bytes=9000-20000', 9000, 9999],
    ['bytes=0-99,50-199', 0, 199],
  ])('answers %s with 206 and exactly bytes %i-%i', async (range, start, end) => {
    const response = await get(await world.link(), { range });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(await body(response)).toEqual(bytes.slice(start, end + 1));
  });

  it.each(['bytes=10000-', 'bytes=20000-30000', 'bytes=-0'])(
    'answers the unsatisfiable %s with 416',
    async (range) => {
      const response = await get(await world.link(), { range });
      expect(response.status).toBe(416);
      expect(response.headers.get('content-range')).toBe(`bytes */${SIZE}`);
      expect(await response.json()).toMatchObject({ error: { code: 'range_not_satisfiable' } });
    },
  );

  it.each(['bytes=0-9,100-109', 'items=0-9', 'bytes=abc', 'bytes=5-2'])(
    'serves the whole file (200) for %s, which it does not serve as one range',
    async (range) => {
      const response = await get(await world.link(), { range });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-range')).toBeNull();
      expect(await body(response)).toEqual(bytes);
    },
  );
});

describe('GET /media/:jobId/:variant — validators', () => {
  it('answers 304 to a matching If-None-Match, with no body', async () => {
    const url = await world.link();
    for (const value of [world.info.etag, `W/${world.info.etag}`, `"other", ${world.info.etag}`, '*']) {
      const response = await get(url, { 'if-none-match': value });
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(world.info.etag);
      expect((await body(response)).byteLength).toBe(0);
    }
    expect((await get(url, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('answers 304 to If-Modified-Since at or after the last change, unless If-None-Match disagrees', async () => {
    const url = await world.link();
    const later = new Date(world.info.lastModified.getTime() + 5000).toUTCString();
    expect((await get(url, { 'if-modified-since': later })).status).toBe(304);
    expect((await get(url, { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
    expect((await get(url, { 'if-modified-since': later, 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('honours a Range under a matching If-Range and sends the whole file otherwise', async () => {
    const url = await world.link();
    const byTag = await get(url, { range: 'bytes=0-9', 'if-range': world.info.etag });
    expect(byTag.status).toBe(206);
    const byDate = await get(url, { range: 'bytes=0-9', 'if-range': world.info.lastModified.toUTCString() });
    expect(byDate.status).toBe(206);
    const stale = await get(url, { range: 'bytes=0-9', 'if-range': '"old-etag"' });
    expect(stale.status).toBe(200);
    expect(await body(stale)).toEqual(bytes);
    const weak = await get(url, { range: 'bytes=0-9', 'if-range': `W/${world.info.etag}` });
    expect(weak.status).toBe(200);
    const oldDate = await get(url, { range: 'bytes=0-9', 'if-range': 'Thu, 01 Jan 1970 00:00:00 GMT' });
    expect(oldDate.status).toBe(200);
  });
});

describe('GET /media/:jobId/:variant — signed links', () => {
  it('HEAD answers the same headers as GET and no body', async () => {
    const response = await get(await world.link(), { range: 'bytes=10-19' }, 'HEAD');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-length')).toBe('10');
    expect(response.headers.get('content-range')).toBe(`bytes 10-19/${SIZE}`);
    expect((await body(response)).byteLength).toBe(0);
  });

  it('refuses an expired link with 403, and counts max-age down to expiry', async () => {
    const url = await world.link();
    world.advance(600_000);
    const fresh = await get(url);
    expect(fresh.headers.get('cache-control')).toBe('private, max-age=300');
    world.advance(300_000);
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('refuses a tampered link, or one moved to another job or variant, with 403', async () => {
    const url = new URL(await world.link(), 'http://localhost');
    const tampered = new URL(url);
    tampered.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 60));
    const other = new URL(url);
    other.pathname = '/media/job_other/video';
    const variant = new URL(url);
    variant.pathname = '/media/job_done/thumbnail';
    const unsigned = new URL(url);
    unsigned.search = '';
    for (const candidate of [tampered, other, variant, unsigned]) {
      const response = await get(candidate.toString());
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('stops working once the job is deleted (404)', async () => {
    const url = await world.link();
    world.jobs.delete('job_done');
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 409 not_ready for a job that is not completed', async () => {
    const response = await get(await world.link({ jobId: 'job_running' }));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'not_ready' } });
  });

  it('answers 404 for a variant the job does not have', async () => {
    const response = await get(await world.link({ variant: 'spritesheet' }));
    expect(response.status).toBe(404);
  });

  it('serves other variants with their own type', async () => {
    const response = await get(await world.link({ variant: 'thumbnail' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(await body(response)).toEqual(knownBytes(500));
  });

  it('asks for an attachment named after the prompt when the link is a download', async () => {
    const response = await get(await world.link({ download: true }));
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toBe(
      `attachment; filename="A_cafe_at_dawn_rainy_wet.mp4"; filename*=UTF-8''A%20caf%C3%A9%20at%20dawn%2C%20rainy%20wet.mp4`,
    );
  });

  it('redirects to the store when public URLs are on and the store has them', async () => {
    const signer = createMediaSigner({ secret: 'route-secret', now: () => new Date('2026-03-01T10:00:00Z') });
    const blobs: BlobStore = { ...world.blobs, publicUrl: async (key) => `https://cdn.example/${key}` };
    const app = createMediaRoutes({
      blobs,
      signer,
      now: () => new Date('2026-03-01T10:00:00Z'),
      findJob: async (id) => world.jobs.get(id) ?? null,
      usePublicUrls: true,
    });
    const response = await app.request(await world.link());
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://cdn.example/videos/job_done/video.mp4');
  });
});
