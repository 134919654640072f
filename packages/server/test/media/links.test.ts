import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/blobs/types.js';
import { contentDisposition, downloadFilename } from '../../src/media/filename.js';
import { mediaUrlFor } from '../../src/media/links.js';
import { createMediaSigner } from '../../src/media/signing.js';

const now = () => new Date('2026-02-01T08:00:00.750Z');
const signer = createMediaSigner({ secret: 'links-secret', now });

describe('mediaUrlFor', () => {
  it('links to the media route for 15 minutes by default', async () => {
    const link = await mediaUrlFor({
      baseUrl: 'https://app.example/api/sora/',
      jobId: 'job_1',
      variant: 'video',
      signer,
      now,
    });
    expect(link.expiresAt).toBe('2026-02-01T08:15:00.000Z');
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe('https://app.example/api/sora/media/job_1/video');
    expect(url.searchParams.get('exp')).toBe(String(Date.parse(link.expiresAt) / 1000));
    expect(url.searchParams.has('dl')).toBe(false);
    expect(
      await signer.verify({
        jobId: 'job_1',
        variant: 'video',
        exp: url.searchParams.get('exp') ?? '',
        sig: url.searchParams.get('sig') ?? '',
      }),
    ).toBe(true);
  });

  it('honours the TTL and the download flag', async () => {
    const link = await mediaUrlFor({
      baseUrl: 'https://app.example',
      jobId: 'job_2',
      variant: 'thumbnail',
      download: true,
      ttlSeconds: 60,
      signer,
      now,
    });
    expect(link.expiresAt).toBe('2026-02-01T08:01:00.000Z');
    expect(new URL(link.url).searchParams.get('dl')).toBe('1');
  });

  it("links straight to the store's URL when asked to and the store has one", async () => {
    const seen: unknown[] = [];
    const blobs = {
      publicUrl: async (key: string, options: unknown) => {
        seen.push(key, options);
        return `https://cdn.example/${key}`;
      },
    } as unknown as BlobStore;
    const link = await mediaUrlFor({
      baseUrl: 'https://app.example',
      jobId: 'job_3',
      variant: 'video',
      download: true,
      prompt: 'Sunset',
      signer,
      now,
      blobs,
      usePublicUrls: true,
    });
    expect(link.url).toBe('https://cdn.example/videos/job_3/video.mp4');
    expect(seen).toEqual([
      'videos/job_3/video.mp4',
      { expiresAt: new Date(link.expiresAt), download: 'Sunset.mp4' },
    ]);
  });
});

describe('download file names', () => {
  it.each([
    ['A cat on a skateboard', 'A_cat_on_a_skateboard.mp4'],
    ['', 'video.mp4'],
    ['🎬🎬🎬', 'video.mp4'],
    ['../../etc/passwd', 'etc_passwd.mp4'],
    ['line\r\nContent-Type: text/html', 'line_Content-Type_text_html.mp4'],
    ['x'.repeat(200), `${'x'.repeat(60)}.mp4`],
    // Cut between whole words, never mid-word or after a comma.
    [
      'A paper boat drifting down a rainy street at dusk, close-up, soft light',
      'A_paper_boat_drifting_down_a_rainy_street_at_dusk_close-up.mp4',
    ],
    [
      'Neon koi circling in a midnight pond, slow motion, reflections',
      'Neon_koi_circling_in_a_midnight_pond_slow_motion.mp4',
    ],
  ])('names %j as %j', (prompt, expected) => {
    expect(downloadFilename(prompt, 'video')).toBe(expected);
  });

  it('never lets a prompt break out of the header', () => {
    const header = contentDisposition('evil"; filename="x.exe\r\nSet-Cookie: a=b', 'video');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(
      /^attachment; filename="[^"]+\.mp4"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+-]+\.mp4$/,
    );
  });

  it('keeps Unicode in filename*', () => {
    expect(contentDisposition('Café 東京', 'thumbnail')).toBe(
      `attachment; filename="Cafe.jpg"; filename*=UTF-8''Caf%C3%A9%20%E6%9D%B1%E4%BA%AC.jpg`,
    );
  });
});
