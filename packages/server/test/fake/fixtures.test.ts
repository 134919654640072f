/**
 * The committed sample media must be what their names say: the handler reads a job's asset
 * (size, duration) from the stored file, so a mislabelled fixture would show the wrong numbers.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fsBlobs, probeVideo } from '@sora-kit/server';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const mediaDir = fileURLToPath(new URL('../../media/', import.meta.url));

describe('sample media fixtures', () => {
  it('every clip is an H.264 MP4 of the size and length in its name, and small', async () => {
    const blobs = fsBlobs(mediaDir);
    const clips = (await readdir(mediaDir)).filter((name) => name.endsWith('.mp4'));
    expect(clips).toHaveLength(18);
    for (const name of clips) {
      const [, width, height, seconds] = /^video-(\d+)x(\d+)-(\d+)s\.mp4$/.exec(name) ?? [];
      const probe = await probeVideo(blobs, name);
      expect({ name, width: probe.width, height: probe.height, seconds: Math.round(probe.seconds) }).toEqual({
        name,
        width: Number(width),
        height: Number(height),
        seconds: Number(seconds),
      });
      expect(probe.bytes).toBeLessThan(60 * 1024);
      const head = await readFile(`${mediaDir}${name}`);
      // faststart: the `moov` box comes before `mdat`, so players start before the end arrives.
      expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));
      expect(head.includes('avc1')).toBe(true);
    }
  });

  it('every thumbnail is a JPEG of its size; every spritesheet a JPEG grid', async () => {
    const images = (await readdir(mediaDir)).filter((name) => name.endsWith('.jpg'));
    expect(images).toHaveLength(12);
    for (const name of images) {
      const [, kind, width, height] = /^(thumbnail|spritesheet)-(\d+)x(\d+)\.jpg$/.exec(name) ?? [];
      const meta = await sharp(`${mediaDir}${name}`).metadata();
      expect(meta.format).toBe('jpeg');
      if (kind === 'thumbnail') {
        expect([meta.width, meta.height]).toEqual([Number(width), Number(height)]);
      } else {
        // 4 columns × 3 rows of frames, each an eighth of the video's width and height.
        expect(Math.abs((meta.width ?? 0) - Number(width) / 2)).toBeLessThanOrEqual(8);
        expect(Math.abs((meta.height ?? 0) - (Number(height) * 3) / 8)).toBeLessThanOrEqual(8);
      }
    }
  });
});
