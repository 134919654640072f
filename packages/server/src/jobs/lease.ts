/**
 * Leases, locks and once-only markers, all on the deployment's {@link Coordination}: a lease is the
 * engine's atomic take-if-free (`SET NX PX`, an upsert guarded by expiry, or a Map in one process),
 * renewed and released only by its token. Inside one instance, a lock also queues callers in memory
 * so they do not spin against each other.
 */

import { runOnce } from '../coordination/run-once.js';
import type { Coordination } from '../coordination/types.js';
import { CoordinationUnavailableError } from '../coordination/types.js';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Leases, locks and once-only markers over one coordination, with an in-process queue per key. */
export function createLeases(coordination: Coordination) {
  const queues = new Map<string, Promise<unknown>>();

  /** Waits for the lock at `key` (backing off while another instance holds it) for up to `ttlMs`. */
  async function acquireWaiting(key: string, ttlMs: number): Promise<string> {
    const giveUpAt = Date.now() + ttlMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
      const token = await coordination.acquire(key, ttlMs);
      if (token) return token;
      // The holder releases it, or its lease expires within ttlMs: waiting longer means a stuck engine.
      if (Date.now() > giveUpAt) throw new CoordinationUnavailableError(`lock ${key} stayed taken`);
      await pause(wait * (0.5 + Math.random()));
    }
  }

  /**
   * Runs `fn` while holding the lock at `key` across every instance (read-modify-write of one
   * identity's shared lists). `ttlMs` bounds how long a crashed holder blocks the others.
   */
  function withLock<T>(key: string, fn: () => Promise<T>, ttlMs = 10_000): Promise<T> {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous
      .catch(() => {})
      .then(async () => {
        const token = await acquireWaiting(key, ttlMs);
        try {
          return await fn();
        } finally {
          await coordination.release(key, token).catch(() => {});
        }
      });
    const settled = run.catch(() => {});
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  }

  return {
    /** Takes the lease at `key` for `ttlMs`; the token to renew or release it, or null when held. */
    acquire: (key: string, ttlMs: number) => coordination.acquire(key, ttlMs),
    /** Extends a held lease; false when it was lost to another instance. */
    renew: (key: string, token: string, ttlMs: number) => coordination.renew(key, token, ttlMs),
    /** Gives a lease back (only if still ours). */
    release: (key: string, token: string) => coordination.release(key, token),
    withLock,
    /** Runs `effect` once per `key` across instances, again only after its runner died (see runOnce). */
    runOnce: (key: string, effect: () => Promise<void>) => runOnce(coordination, key, effect),
  };
}

/** The lease and lock operations of one handler. */
export type Leases = ReturnType<typeof createLeases>;
