/**
 * Hashing and key derivation on Web Crypto, so the handler runs on any runtime with `crypto.subtle`.
 * A leaf module: every folder may import it (auth signs cookies with it, jobs and routes hash keys,
 * media links and the metrics token compare with `sameText`).
 */

const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a string, as hex. Used to turn identities and client keys into safe storage keys. */
export async function sha256Hex(value: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
}

/**
 * Derives a separate key for one purpose from the host's secret (HMAC-SHA-256 of the purpose),
 * so a cookie key can never sign a media link and the other way round.
 */
export async function deriveSecret(secret: string, purpose: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(`sora-kit:${purpose}`)));
}

/**
 * Whether `a` and `b` are the same string. Runs over the longer of the two whatever their contents,
 * so a forger learns nothing from how long a refusal takes.
 */
export function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
