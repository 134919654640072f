/**
 * Reference images (`input_reference`): accepted only as PNG, JPEG or WebP — judged by their magic
 * bytes, not by the name or the declared type — and resized to exactly the video's size, because
 * the provider rejects a reference whose dimensions differ from the requested `size`.
 *
 * Resizing needs the optional package `sharp`. Without it, a reference that already has the video's
 * exact size passes unchanged and any other is refused with a 400 `invalid_request` that says so (the handler logs
 * one line about it at startup, see `sharp-probe.ts`).
 *
 * Decoding is the costliest thing a request can make us do, so it has budgets: a pixel count read
 * from the header before anything is decoded, a time limit, and (in the caller) a bound on how many
 * images decode at once.
 */
import { importOptional, MissingPeerError } from '../optional-peer.js';
import { imageSize } from '../providers/fake/image-size.js';
import type { ProviderReference } from '../providers/types.js';
import { MediaInputError } from './errors.js';
import { DEFAULT_REFERENCE_DECODE_SECONDS, DEFAULT_REFERENCE_PIXELS } from './reference-budget.js';

type ReferenceType = ProviderReference['contentType'];

/** Options of {@link prepareReference}. */
export interface PrepareReferenceOptions {
  /** Largest accepted upload, in bytes (the contract's `limits.maxReferenceBytes`). */
  maxBytes: number;
  /** Largest image, in pixels, as a guard against decompression bombs (default {@link DEFAULT_REFERENCE_PIXELS}). */
  maxInputPixels?: number;
  /** Longest decode and resize, in seconds (default {@link DEFAULT_REFERENCE_DECODE_SECONDS}). */
  timeoutSeconds?: number;
}

const EXTENSIONS: Record<ReferenceType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/**
 * Checks and resizes an uploaded reference image to `size` (`"1280x720"`), cropping to cover
 * around the centre. The output keeps the input's format.
 *
 * @throws MediaInputError 413 `payload_too_large` over `maxBytes`; 415 `unsupported_media_type`
 * when not png, jpeg or webp; 400 `invalid_request` for a bad size or an undecodable image.
 */
export async function prepareReference(
  file: Blob & { name?: string },
  size: string,
  options: PrepareReferenceOptions,
): Promise<ProviderReference> {
  const dimensions = parseSize(size);
  if (file.size > options.maxBytes) {
    throw new MediaInputError(
      413,
      'payload_too_large',
      `The reference image is larger than ${options.maxBytes} bytes`,
    );
  }
  const input = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffImageType(input);
  if (!contentType) {
    throw new MediaInputError(
      415,
      'unsupported_media_type',
      'The reference image must be a PNG, JPEG or WebP file',
    );
  }
  const bytes = await resize(input, contentType, dimensions, {
    maxPixels: options.maxInputPixels ?? DEFAULT_REFERENCE_PIXELS,
    timeoutSeconds: options.timeoutSeconds ?? DEFAULT_REFERENCE_DECODE_SECONDS,
  });
  return { bytes, contentType, filename: `reference.${EXTENSIONS[contentType]}` };
}

/** The image type named by the file's first bytes, or `null` for anything else. */
export function sniffImageType(bytes: Uint8Array): ReferenceType | null {
  const starts = (signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

function parseSize(size: string): { width: number; height: number } {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(size);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 1 || height < 1) {
    throw new MediaInputError(400, 'invalid_request', `Invalid size "${size}", expected WIDTHxHEIGHT`);
  }
  return { width, height };
}

function unreadable(error: unknown): MediaInputError {
  return new MediaInputError(400, 'invalid_request', 'The reference image could not be read', {
    cause: error,
  });
}

async function resize(
  input: Uint8Array,
  type: ReferenceType,
  { width, height }: { width: number; height: number },
  budget: { maxPixels: number; timeoutSeconds: number },
): Promise<Uint8Array> {
  // Loaded on first use: hosts that never take references never load the native image library.
  let sharp: typeof import('sharp');
  try {
    ({ default: sharp } = await importOptional<{ default: typeof import('sharp') }>(
      'sharp',
      'Resizing reference images',
    ));
  } catch (error) {
    if (!(error instanceof MissingPeerError)) throw error;
    const actual = imageSize(input);
    if (actual?.width === width && actual.height === height) return input;
    throw new MediaInputError(
      400,
      'invalid_request',
      `The reference image must be exactly ${width}x${height} pixels: this server cannot resize images (the optional package "sharp" is not installed)`,
      { cause: error },
    );
  }
  // The header says how big the image is; a bomb is refused before a single pixel is decoded.
  const header = await sharp(input)
    .metadata()
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  if ((header.width ?? 0) * (header.height ?? 0) > budget.maxPixels) {
    throw new MediaInputError(
      413,
      'payload_too_large',
      `The reference image is over ${budget.maxPixels} pixels (${header.width}×${header.height})`,
    );
  }
  try {
    // rotate() applies the EXIF orientation first, so a portrait photo is cropped as seen.
    const pipeline = sharp(input, { limitInputPixels: budget.maxPixels })
      .timeout({ seconds: budget.timeoutSeconds })
      .rotate()
      .resize(width, height, { fit: 'cover', position: 'centre' });
    const encoded =
      type === 'image/png'
        ? pipeline.png()
        : type === 'image/webp'
          ? pipeline.webp({ quality: 90 })
          : pipeline.jpeg({ quality: 90, mozjpeg: true });
    return new Uint8Array(await encoded.toBuffer());
  } catch (error) {
    throw unreadable(error);
  }
}
