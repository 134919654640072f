/** `Content-Disposition` for downloads: a safe file name derived from the job's prompt. */
import type { Variant } from '@sora-kit/core';

const MAX_NAME = 60;

/** The file extension each variant is saved with. */
export const VARIANT_EXTENSIONS: Record<Variant, string> = {
  video: '.mp4',
  thumbnail: '.jpg',
  spritesheet: '.jpg',
};

/** An ASCII-only file name for a variant, from the prompt (e.g. `A_cat_on_a_skateboard.mp4`). */
export function downloadFilename(prompt: string, variant: Variant): string {
  return `${asciiName(unicodeName(prompt))}${VARIANT_EXTENSIONS[variant]}`;
}

/**
 * An attachment disposition with an ASCII `filename` and an RFC 5987 `filename*` carrying the
 * Unicode name, so every browser saves something sensible and nothing can break out of the header.
 *
 * @example contentDisposition('A café at dawn', 'video')
 * // attachment; filename="A_cafe_at_dawn.mp4"; filename*=UTF-8''A%20caf%C3%A9%20at%20dawn.mp4
 */
export function contentDisposition(prompt: string, variant: Variant): string {
  const unicode = unicodeName(prompt);
  const extension = VARIANT_EXTENSIONS[variant];
  return `attachment; filename="${asciiName(unicode)}${extension}"; filename*=UTF-8''${encodeRfc5987(`${unicode}${extension}`)}`;
}

/** The prompt without controls, path separators or quotes, collapsed and shortened. */
function unicodeName(prompt: string): string {
  const cleaned = prompt
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"\\/:*?<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = Array.from(cleaned).slice(0, MAX_NAME).join('').trim().replace(/^\.+/, '');
  return short || 'video';
}

/** Letters, digits, `-`, `_` and `.` only; everything else becomes `_`. */
function asciiName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[_.]+|_+$/g, '');
  return ascii || 'video';
}

/** `encodeURIComponent` plus the characters RFC 5987's attr-char excludes. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
