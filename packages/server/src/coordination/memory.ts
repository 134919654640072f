/**
 * In-process coordination: the embedded default for one process. JavaScript runs one callback at a
 * time, so each operation here is atomic as long as it does not await — none does.
 */
import type { SoraStorage } from '../storage.js';
import { type Coordination, ONCE_TTL_MS, type OnceClaim, type SlotClaim } from './types.js';

/** Options of {@link memoryCoordination}. */
export interface MemoryCoordinationOptions {
  /** Epoch ms; injected so tests drive lease expiry. Default `Date.now`. */
  now?: () => number;
  /**
   * Where once-only markers are also kept, so a restarted process does not fire a hook again
   * (the handler's storage by default for its own in-process coordination).
   */
  storage?: SoraStorage;
}

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** The value of a finished {@link Coordination.beginOnce} key. */
const DONE = 'done';

/** Where done markers are kept in the handler's storage: under a root of their own, since a marker named after a record (`<key>:settled`) cannot sit below that record's key in file storage (a file is no folder). */
const MARKER_PREFIX = 'sora:once-marker:';

/**
 * Coordination for a single process (or several handlers inside one process).
 *
 * @example createSoraHandler({ ..., coordination: memoryCoordination() })
 */
export function memoryCoordination(options: MemoryCoordinationOptions = {}): Coordination {
  const now = options.now ?? Date.now;
  const leases = new Map<string, Expiring<string>>();
  const sets = new Map<string, Map<string, number>>();
  const counters = new Map<string, Expiring<number>>();
  const due = new Map<string, number>();
  const listeners = new Set<(topic: string) => void>();

  function live<T>(map: Map<string, Expiring<T>>, key: string): Expiring<T> | undefined {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= now()) map.delete(key);
    return entry && entry.expiresAt > now() ? entry : undefined;
  }

  function acquire(key: string, ttlMs: number): string | null {
    if (live(leases, key)) return null;
    const token = crypto.randomUUID();
    leases.set(key, { value: token, expiresAt: now() + ttlMs });
    return token;
  }

  /**
   * The claim is taken in the Map before anything awaits (so racing callers see it at once); the
   * storage marker of a finished key then tells a restarted process it was done before.
   */
  async function beginOnce(key: string, holdMs: number): Promise<OnceClaim> {
    const name = `run-once:${key}`;
    const held = live(leases, name);
    if (held) return held.value === DONE ? { state: 'done' } : { state: 'busy' };
    const token = crypto.randomUUID();
    leases.set(name, { value: token, expiresAt: now() + holdMs });
    if (options.storage && (await options.storage.hasItem(`${MARKER_PREFIX}${name}`))) {
      leases.set(name, { value: DONE, expiresAt: now() + ONCE_TTL_MS });
      return { state: 'done' };
    }
    return { state: 'run', token };
  }

  async function finishOnce(key: string, token: string): Promise<void> {
    const name = `run-once:${key}`;
    if (live(leases, name)?.value !== token) return;
    leases.set(name, { value: DONE, expiresAt: now() + ONCE_TTL_MS });
    await options.storage?.setItem(`${MARKER_PREFIX}${name}`, now());
  }

  function claimSlot(key: string, member: string, cap: number, at: number, expiresAt: number): SlotClaim {
    const set = sets.get(key) ?? new Map<string, number>();
    sets.set(key, set);
    for (const [m, until] of set) if (until <= at) set.delete(m);
    if (set.has(member)) return { ok: true };
    if (set.size >= cap) return { ok: false, freesAt: Math.min(...set.values()) };
    set.set(member, expiresAt);
    return { ok: true };
  }

  function addWithin(key: string, amount: number, limit: number | undefined, ttlMs: number): boolean {
    const current = live(counters, key);
    const next = Math.max(0, (current?.value ?? 0) + amount);
    if (amount > 0 && limit !== undefined && next > limit) return false;
    counters.set(key, { value: next, expiresAt: current?.expiresAt ?? now() + ttlMs });
    return true;
  }

  function claimDue(at: number, limit: number, holdMs: number): string[] {
    const ids = [...due].filter(([, dueAt]) => dueAt <= at);
    ids.sort((a, b) => a[1] - b[1]);
    const claimed = ids.slice(0, limit).map(([id]) => id);
    for (const id of claimed) due.set(id, at + holdMs);
    return claimed;
  }

  return {
    kind: 'memory',
    acquire: async (key, ttlMs) => acquire(key, ttlMs),
    renew: async (key, token, ttlMs) => {
      const held = live(leases, key);
      if (held?.value !== token) return false;
      held.expiresAt = now() + ttlMs;
      return true;
    },
    release: async (key, token) => {
      if (live(leases, key)?.value === token) leases.delete(key);
    },
    beginOnce,
    finishOnce,
    claimSlot: async (key, member, o) => claimSlot(key, member, o.cap, o.now, o.expiresAt),
    releaseSlot: async (key, member) => {
      sets.get(key)?.delete(member);
    },
    addWithin: async (key, amount, o) => addWithin(key, amount, o.limit, o.ttlMs),
    schedule: async (jobId, dueAt) => {
      due.set(jobId, dueAt);
    },
    unschedule: async (jobId) => {
      due.delete(jobId);
    },
    claimDue: async (at, limit, holdMs) => claimDue(at, limit, holdMs),
    scheduled: async () => due.size,
    publish: async (topic) => {
      for (const listener of listeners) listener(topic);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ping: async () => {},
    close: async () => {
      listeners.clear();
    },
  };
}

const perStorage = new WeakMap<SoraStorage, Coordination>();

/**
 * The default coordination of handlers that were given none: one in-process coordination per
 * storage object, so several handlers sharing a storage inside one process agree with each other.
 */
export function inProcessCoordinationFor(storage: SoraStorage, now?: () => number): Coordination {
  let coordination = perStorage.get(storage);
  if (!coordination) {
    coordination = memoryCoordination({ now, storage });
    perStorage.set(storage, coordination);
  }
  return coordination;
}
