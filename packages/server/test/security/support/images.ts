/** Hostile and harmless reference images for the security suite and the fuzz runs. */
import sharp from 'sharp';

/** A 7999×7999 JPEG (64 M pixels, a few hundred KB): costly to decode, cheap to send. */
export async function bombJpeg(): Promise<Uint8Array> {
  const image = sharp({ create: { width: 7999, height: 7999, channels: 3, background: '#808080' } });
  return new Uint8Array(await image.jpeg({ quality: 50 }).toBuffer());
}

/** A small real PNG. */
export async function smallPng(): Promise<Uint8Array> {
  const image = sharp({ create: { width: 64, height: 36, channels: 3, background: '#336699' } });
  return new Uint8Array(await image.png().toBuffer());
}

/** JPEG magic bytes followed by garbage: sniffed as a JPEG, refused by the decoder. */
export function corruptJpeg(): Uint8Array {
  const bytes = new Uint8Array(2048).map((_, i) => (i * 37) % 251);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

/** A PNG whose header claims 65535×65535 pixels over a few bytes of data (a decompression bomb). */
export function lyingPng(): Uint8Array {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const ihdr = [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0xff, 0xff, 0, 0, 0xff, 0xff, 8, 2, 0, 0, 0];
  return new Uint8Array([...signature, ...ihdr, 0, 0, 0, 0, ...new Array(64).fill(0)]);
}

/** A multipart create body with `image` as its reference. */
export function createForm(image: Uint8Array, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('prompt', fields.prompt ?? 'from a picture');
  for (const [k, v] of Object.entries(fields)) if (k !== 'prompt') form.append(k, v);
  form.append(
    'input_reference',
    new Blob([image as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
    'ref.jpg',
  );
  return form;
}
