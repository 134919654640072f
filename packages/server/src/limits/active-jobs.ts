/**
 * Active (not yet ended) jobs, per identity and across all identities. Each admitted job holds a
 * slot named by its reservation until `settle()`; a slot whose settle never came (a crashed
 * instance) is freed after a time-to-live so that the caps cannot leak shut forever.
 */
import type { Storage } from 'unstorage';

/** Slots in use: reservation id → admission time (epoch ms). */
export type ActiveSlots = Record<string, number>;

/** Reads the slots under `key`, dropping those older than `ttlMs` and any malformed entry. */
export async function readSlots(
  storage: Storage,
  key: string,
  now: number,
  ttlMs: number,
): Promise<ActiveSlots> {
  return liveSlots(await storage.getItem(key), now, ttlMs);
}

/** The slots of a stored value that are still alive at `now`. Pure. */
export function liveSlots(value: unknown, now: number, ttlMs: number): ActiveSlots {
  const slots: ActiveSlots = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return slots;
  for (const [id, at] of Object.entries(value)) {
    if (typeof at === 'number' && at > now - ttlMs) slots[id] = at;
  }
  return slots;
}

/** Writes `slots` back, or removes the key when none is left. */
export async function writeSlots(
  storage: Storage,
  key: string,
  slots: ActiveSlots,
  ttlMs: number,
): Promise<void> {
  if (Object.keys(slots).length === 0) {
    await storage.removeItem(key);
    return;
  }
  await storage.setItem(key, slots, { ttl: Math.ceil(ttlMs / 1000) });
}
