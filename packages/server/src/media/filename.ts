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
  return wholeWords(cleaned).replace(/^\.+/, '') || 'video';
}

/**
 * At most {@link MAX_NAME} characters, cut between words (a single over-long word is cut), without
 * trailing punctuation: `A boat, at dusk, close-up, soft light` never ends `…close-up,`.
 */
function wholeWords(text: string): string {
  const chars = Array.from(text);
  let kept = chars.join('');
  if (chars.length > MAX_NAME) {
    const head = chars.slice(0, MAX_NAME + 1).join('');
    const lastSpace = head.lastIndexOf(' ');
    kept = lastSpace > 0 ? head.slice(0, lastSpace) : chars.slice(0, MAX_NAME).join('');
  }
  return kept.replace(/[\s\p{P}\p{S}]+$/u, '');
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
