/**
 * Signed media links: an HMAC-SHA256 (Web Crypto, so it runs on Node, Bun, Deno and Workers) over
 * the job, the variant, the expiry and the download flag. A link works without cookies until it
 * expires and cannot be moved to another job, another variant or another disposition.
 */
import type { Variant } from '@sora-kit/core';
import { sameText } from '../crypto.js';

/** Options of {@link createMediaSigner}. */
export interface MediaSignerOptions {
  /** The HMAC key; at least 32 random bytes are advised. */
  secret: string;
  /** The clock, injected so that tests control expiry. */
  now: () => Date;
}

/** What a link is signed for. */
export interface MediaSignInput {
  jobId: string;
  variant: Variant;
  expiresAt: Date;
  /** Whether the link asks for an attachment (`dl=1`). */
  download?: boolean;
}

/** The parts of a request that {@link MediaSigner.verify} checks, exactly as they came in. */
export interface MediaVerifyInput {
  jobId: string;
  variant: string;
  exp?: string;
  sig?: string;
  dl?: string;
}

/** Signs and verifies media links. */
export interface MediaSigner {
  /** The link's query string: `exp=<unix seconds>&sig=<64 lowercase hex digits>[&dl=1]`. */
  sign(input: MediaSignInput): Promise<string>;
  /** `true` only for an untampered, unexpired signature made for this job and variant. */
  verify(input: MediaVerifyInput): Promise<boolean>;
}

const encoder = new TextEncoder();

/**
 * Creates a media link signer.
 *
 * @example
 * const signer = createMediaSigner({ secret: process.env.SORA_MEDIA_SECRET!, now: () => new Date() });
 * const query = await signer.sign({ jobId, variant: 'video', expiresAt: new Date(Date.now() + 9e5) });
 */
export function createMediaSigner(options: MediaSignerOptions): MediaSigner {
  if (!options.secret) throw new TypeError('createMediaSigner needs a non-empty secret');
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(options.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );

  return {
    async sign({ jobId, variant, expiresAt, download }) {
      const exp = Math.floor(expiresAt.getTime() / 1000);
      const mac = await crypto.subtle.sign(
        'HMAC',
        await key,
        message(jobId, variant, String(exp), download === true),
      );
      const sig = toHex(new Uint8Array(mac));
      return `exp=${exp}&sig=${sig}${download ? '&dl=1' : ''}`;
    },

    async verify({ jobId, variant, exp, sig, dl }) {
      // One spelling per link: canonical decimal `exp` (no leading zero) and lowercase hex `sig`,
      // compared as text with the signature we make, so no other string verifies.
      if (!exp || !/^[1-9]\d{0,11}$/.test(exp) || !sig || !/^[0-9a-f]{64}$/.test(sig)) return false;
      if (dl !== undefined && dl !== '1') return false;
      if (Number(exp) * 1000 <= options.now().getTime()) return false;
      const mac = await crypto.subtle.sign('HMAC', await key, message(jobId, variant, exp, dl === '1'));
      return sameText(toHex(new Uint8Array(mac)), sig);
    },
  };
}

/** The signed text; newline-separated fields cannot be shifted into one another. */
function message(jobId: string, variant: string, exp: string, download: boolean): Uint8Array<ArrayBuffer> {
  return encoder.encode(['sora-kit-media-v1', jobId, variant, exp, download ? '1' : '0'].join('\n'));
}

/** Lowercase hex: one spelling per byte string (base64url had four for each signature). */
function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
