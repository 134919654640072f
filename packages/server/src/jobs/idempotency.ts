/**
 * `Idempotency-Key` on `POST /videos`: the same key from the same identity within 24 hours
 * answers the job it made the first time instead of making another.
 */
import { sha256Hex } from '../crypto.js';
import type { SoraStorage } from '../storage.js';
import { keys } from './storage-keys.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

interface Remembered {
  jobId: string;
  expiresAt: number;
}

/** The storage key for one identity's client key (hashed: the client chooses it). */
export async function idempotencyStorageKey(owner: string, clientKey: string): Promise<string> {
  return keys.idempotency(owner, await sha256Hex(clientKey));
}

/** The job made earlier with this key, if still remembered. */
export async function recallIdempotent(
  storage: SoraStorage,
  key: string,
  nowMs: number,
): Promise<string | null> {
  const value = (await storage.getItem(key)) as Remembered | null;
  return value && typeof value.jobId === 'string' && value.expiresAt > nowMs ? value.jobId : null;
}

/** Remembers which job a key made. */
export async function rememberIdempotent(
  storage: SoraStorage,
  key: string,
  jobId: string,
  nowMs: number,
): Promise<void> {
  await storage.setItem(key, { jobId, expiresAt: nowMs + IDEMPOTENCY_TTL_MS } satisfies Remembered, {
    ttl: IDEMPOTENCY_TTL_MS / 1000,
  });
}

/** Whether a client key is acceptable (printable, bounded). */
export function isValidIdempotencyKey(value: string): boolean {
  return value.length >= 1 && value.length <= 255 && /^[\x21-\x7e]+$/.test(value);
}
