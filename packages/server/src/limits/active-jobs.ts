/**
 * Active (not yet ended) jobs, per identity and across all identities. Each admitted job holds a
 * slot — one storage key of its own, named by its reservation — until `settle()`; a slot whose
 * settle never came (a crashed instance) expires after a time-to-live so the caps cannot leak shut.
 *
 * One key per slot means instances never overwrite each other's slots (a shared list would lose
 * entries to last-writer-wins). A claim writes its slot first, then counts: every instance sees
 * every slot that landed, and a claim with the cap already taken ahead of it withdraws.
 */
import type { SoraStorage } from '../storage.js';

/** A live slot: its reservation and when it was taken (epoch ms). */
export interface Slot {
  id: string;
  at: number;
}

/** The live slots under `base` (a key prefix ending in `:`), oldest first; expired ones are removed. */
export async function liveSlots(
  storage: SoraStorage,
  base: string,
  now: number,
  ttlMs: number,
): Promise<Slot[]> {
  const keys = await storage.getKeys(base);
  const slots = await Promise.all(
    keys.map(async (key): Promise<Slot | undefined> => {
      const at = await storage.getItem(key);
      const id = key.slice(key.lastIndexOf(':') + 1);
      if (typeof at === 'number' && at > now - ttlMs) return { id, at };
      await storage.removeItem(key); // expired or malformed: free it for everyone
      return undefined;
    }),
  );
  return rankSlots(slots.filter((s): s is Slot => s !== undefined));
}

/** Slots in a stable order every instance agrees on: by time taken, then by id. Pure. */
export function rankSlots(slots: Slot[]): Slot[] {
  return [...slots].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * How many slots stand ahead of `slot`: every other one taken no later than it. Slots taken in the
 * same millisecond count as ahead on both sides, so two simultaneous claims for the last place both
 * withdraw (a safe miss, retried after `Retry-After`) rather than both winning. Pure.
 */
export function slotsAhead(live: readonly Slot[], slot: Slot): number {
  return live.filter((s) => s.id !== slot.id && s.at <= slot.at).length;
}

/**
 * Takes a slot under `base` if the cap allows: writes it, counts the slots ahead of it, and
 * withdraws it when they fill the cap. True when the slot is held.
 */
export async function claimSlot(
  storage: SoraStorage,
  base: string,
  slot: Slot,
  cap: number,
  ttlMs: number,
): Promise<boolean> {
  await storage.setItem(`${base}${slot.id}`, slot.at, { ttl: Math.ceil(ttlMs / 1000) });
  const live = await liveSlots(storage, base, slot.at, ttlMs);
  if (slotsAhead(live, slot) < cap) return true;
  await storage.removeItem(`${base}${slot.id}`);
  return false;
}

/** Frees a slot (idempotent). */
export async function releaseSlot(storage: SoraStorage, base: string, id: string): Promise<void> {
  await storage.removeItem(`${base}${id}`);
}
