/**
 * The sample media of @sora-kit/sample-media must be what their names say: the handler reads a
 * job's asset (size, duration) from the stored file, so a mislabelled clip would show the wrong
 * numbers. And the eight scenes must look different, or the history is a column of twins.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CLIPS, LENGTHS, SIZES, samplePath } from '@sora-kit/sample-media';
import { fsBlobs, probeVideo } from '@sora-kit/server';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const mediaDir = fileURLToPath(new URL('../../../../sample-media/media/', import.meta.url));

describe('sample media', () => {
  it('every clip is an H.264 MP4 of the size and length in its name, faststart and small', async () => {
    const blobs = fsBlobs(mediaDir);
    for (const [clip] of CLIPS.entries()) {
      for (const size of SIZES) {
        for (const seconds of LENGTHS) {
          const name = samplePath('video', size, seconds, clip);
          const probe = await probeVideo(blobs, name);
          expect({
            name,
            size: `${probe.width}x${probe.height}`,
            seconds: Math.round(probe.seconds),
          }).toEqual({
            name,
            size,
            seconds,
          });
          expect(probe.bytes).toBeLessThan(100 * 1024);
          const head = await readFile(`${mediaDir}${name}`);
          expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));
          expect(head.includes('avc1')).toBe(true);
        }
      }
    }
  });

  it('every poster is a JPEG of its video’s shape; every spritesheet a 4 × 3 grid of frames', async () => {
    for (const [clip] of CLIPS.entries()) {
      for (const size of SIZES) {
        const [width, height] = size.split('x').map(Number) as [number, number];
        const poster = await sharp(`${mediaDir}${samplePath('thumbnail', size, 4, clip)}`).metadata();
        expect(poster.format).toBe('jpeg');
        expect(Math.abs((poster.width ?? 0) / (poster.height ?? 1) - width / height)).toBeLessThan(0.02);
        const sheet = await sharp(`${mediaDir}${samplePath('spritesheet', size, 4, clip)}`).metadata();
        // 4 columns × 3 rows of frames, each 128 px on its long side.
        const tile = { width: (sheet.width ?? 0) / 4, height: (sheet.height ?? 0) / 3 };
        expect(Math.max(tile.width, tile.height)).toBe(128);
        expect(Math.abs(tile.width / tile.height - width / height)).toBeLessThan(0.05);
      }
    }
  });

  it('the eight scenes differ: their posters, shrunk to 8 × 8, are far apart pixel by pixel', async () => {
    const tiny = await Promise.all(
      CLIPS.map((_, clip) =>
        sharp(`${mediaDir}${samplePath('thumbnail', '1280x720', 4, clip)}`)
          .resize(8, 8, { fit: 'fill' })
          .removeAlpha()
          .raw()
          .toBuffer(),
      ),
    );
    for (let a = 0; a < tiny.length; a++) {
      for (let b = a + 1; b < tiny.length; b++) {
        const [x, y] = [tiny[a] ?? Buffer.alloc(0), tiny[b] ?? Buffer.alloc(0)];
        const meanDifference = x.reduce((sum, v, i) => sum + Math.abs(v - (y[i] ?? 0)), 0) / x.length;
        expect({ pair: [CLIPS[a], CLIPS[b]], far: meanDifference > 20 }).toEqual({
          pair: [CLIPS[a], CLIPS[b]],
          far: true,
        });
      }
    }
  });
});
