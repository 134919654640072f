/**
 * OpenRouter's webhook signature: `X-OpenRouter-Signature: t=<unix seconds>,v1=<hex>` where the
 * hex is HMAC-SHA256 of `"<t>,<raw body>"` with the workspace signing secret. Web Crypto only, so
 * the same code signs in the fake (browser or Node) and verifies in the adapter (any runtime).
 */

/** Deliveries older (or newer) than this are refused, so a captured request cannot be replayed later. */
export const OPENROUTER_SIGNATURE_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Builds the signature header value for a raw body at a unix time (seconds). */
export async function signOpenRouterWebhook(
  secret: string,
  rawBody: string,
  unixSeconds: number,
): Promise<string> {
  const key = await hmacKey(secret, 'sign');
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${unixSeconds},${rawBody}`));
  return `t=${unixSeconds},v1=${toHex(mac)}`;
}

/** Why a signature was refused. */
export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'mismatch';

/** The parsed parts of a signature header: one timestamp and any number of `v1` candidates. */
export function parseSignatureHeader(header: string): { t: number; v1: string[] } | undefined {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === 't' && value && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (name === 'v1' && value) v1.push(value);
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

/**
 * Checks a delivery: a well-formed header, a timestamp within the tolerance of `nowMs`, and an
 * HMAC over the exact raw bytes. `crypto.subtle.verify` compares in constant time.
 * Resolves to `undefined` when valid, else the problem.
 */
export async function checkOpenRouterSignature(
  secret: string,
  rawBody: string,
  header: string | null,
  nowMs: number,
  toleranceSeconds = OPENROUTER_SIGNATURE_TOLERANCE_SECONDS,
): Promise<SignatureProblem | undefined> {
  if (!header) return 'missing';
  const parsed = parseSignatureHeader(header);
  if (!parsed) return 'malformed';
  if (Math.abs(nowMs / 1000 - parsed.t) > toleranceSeconds) return 'stale';
  const key = await hmacKey(secret, 'verify');
  const data = encoder.encode(`${parsed.t},${rawBody}`);
  for (const candidate of parsed.v1) {
    const mac = fromHex(candidate);
    if (mac && (await crypto.subtle.verify('HMAC', key, mac, data))) return undefined;
  }
  return 'mismatch';
}

/** A stable id for a body, used when a delivery carries no idempotency key. */
export async function bodyDigest(rawBody: string): Promise<string> {
  return `sha256:${toHex(await crypto.subtle.digest('SHA-256', encoder.encode(rawBody)))}`;
}
