import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaInputError } from '../../src/media/errors.js';
import { prepareReference } from '../../src/media/reference.js';

/** A real image of the given format and size: red on the left half, blue on the right. */
async function image(
  format: 'png' | 'jpeg' | 'webp' | 'gif',
  width: number,
  height: number,
): Promise<Uint8Array> {
  const half = Math.floor(width / 2);
  const left = await sharp({ create: { width: half, height, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  const buffer = await sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .toFormat(format)
    .toBuffer();
  return new Uint8Array(buffer);
}

const fileOf = (bytes: Uint8Array, name: string, type = '') =>
  new File([new Uint8Array(bytes)], name, { type });

describe('prepareReference', () => {
  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
  ] as const)('accepts a %s and resizes it to exactly the requested size', async (format, contentType) => {
    const input = await image(format, 640, 640);
    const reference = await prepareReference(fileOf(input, `photo.${format}`), '1280x720', {
      maxBytes: 10_000_000,
    });
    expect(reference.contentType).toBe(contentType);
    const meta = await sharp(reference.bytes).metadata();
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({
      width: 1280,
      height: 720,
      format,
    });
  });

  it('crops around the centre to cover a portrait size', async () => {
    const input = await image('png', 800, 400);
    const reference = await prepareReference(fileOf(input, 'wide.png'), '720x1280', { maxBytes: 10_000_000 });
    const meta = await sharp(reference.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([720, 1280]);
    // The centre holds the red/blue seam: the left edge is red, the right edge blue.
    const { data, info } = await sharp(reference.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) =>
      Array.from(
        data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
      );
    expect(pixel(5, 640)).toEqual([255, 0, 0]);
    expect(pixel(714, 640)).toEqual([0, 0, 255]);
  });

  it('judges the type by the bytes, not by the name or declared type', async () => {
    const png = await image('png', 100, 100);
    const reference = await prepareReference(fileOf(png, 'looks-like.jpg', 'image/jpeg'), '64x64', {
      maxBytes: 1_000_000,
    });
    expect(reference.contentType).toBe('image/png');
  });

  it.each([
    ['a gif', async () => image('gif', 100, 100)],
    ['a text file', async () => new TextEncoder().encode('just some text, not an image')],
    ['an empty file', async () => new Uint8Array()],
  ])('refuses %s with 415 unsupported_media_type', async (_name, make) => {
    const bytes = await make();
    const error = await prepareReference(fileOf(bytes, 'x.png', 'image/png'), '1280x720', {
      maxBytes: 1_000_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaInputError);
    expect(error).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('refuses a file over the limit with 413 payload_too_large', async () => {
    const png = await image('png', 300, 300);
    const error = await prepareReference(fileOf(png, 'big.png'), '1280x720', {
      maxBytes: png.byteLength - 1,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('refuses a corrupt image with a valid signature with 400', async () => {
    const png = await image('png', 300, 300);
    const corrupt = png.slice(0, 40);
    const error = await prepareReference(fileOf(corrupt, 'bad.png'), '1280x720', {
      maxBytes: 1_000_000,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('refuses a malformed size with 400', async () => {
    const png = await image('png', 30, 30);
    await expect(
      prepareReference(fileOf(png, 'a.png'), '1280 by 720', { maxBytes: 1_000_000 }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });
});
