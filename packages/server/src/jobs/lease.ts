/**
 * Leases and locks in unstorage.
 *
 * unstorage has no compare-and-set, so a lease is taken by writing a random token and reading it
 * back after a short settle pause: of two instances racing, the later write wins and the other
 * backs off. A race can still slip through when one instance's read-back happens before the
 * other's write lands (a window of about one storage round trip); the poller tolerates that
 * because every step it takes is idempotent (provider calls carry idempotency keys, blob copies
 * overwrite the same keys). A Redis driver with real CAS can replace this later.
 *
 * Inside one instance, a lock also queues callers in memory so they never race each other.
 */
import type { SoraStorage } from '../storage.js';

interface LeaseValue {
  token: string;
  expiresAt: number;
}

/** What leases need. */
export interface LeaseDeps {
  storage: SoraStorage;
  now: () => Date;
  /** Pause between writing a token and reading it back. */
  settleMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isLease(value: unknown): value is LeaseValue {
  return typeof value === 'object' && value !== null && typeof (value as LeaseValue).token === 'string';
}

/** Leases, locks and once-only markers over one storage, with an in-process queue per key. */
export function createLeases(deps: LeaseDeps) {
  const { storage, now } = deps;
  const queues = new Map<string, Promise<unknown>>();

  /** Takes the lease at `key` for `ttlMs`; the token to renew or release it, or null when held. */
  async function acquire(key: string, ttlMs: number): Promise<string | null> {
    const current = await storage.getItem(key);
    if (isLease(current) && current.expiresAt > now().getTime()) return null;
    const token = crypto.randomUUID();
    await storage.setItem(key, { token, expiresAt: now().getTime() + ttlMs });
    if (deps.settleMs > 0) await sleep(deps.settleMs);
    const after = await storage.getItem(key);
    return isLease(after) && after.token === token ? token : null;
  }

  /** Extends a held lease; false when it was lost to another instance. */
  async function renew(key: string, token: string, ttlMs: number): Promise<boolean> {
    const current = await storage.getItem(key);
    if (!isLease(current) || current.token !== token) return false;
    await storage.setItem(key, { token, expiresAt: now().getTime() + ttlMs });
    return true;
  }

  /** Gives a lease back (only if still ours). */
  async function release(key: string, token: string): Promise<void> {
    const current = await storage.getItem(key);
    if (isLease(current) && current.token === token) await storage.removeItem(key);
  }

  async function acquireWaiting(key: string, ttlMs: number): Promise<string | null> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const token = await acquire(key, ttlMs);
      if (token) return token;
      await sleep(10 + Math.random() * 20);
    }
    return null;
  }

  /**
   * Runs `fn` while holding the lock at `key` (read-modify-write of shared lists). After about two
   * seconds of waiting it runs anyway rather than stall: a lost update there costs one list entry,
   * a deadlock would cost the service.
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
          if (token) await release(key, token);
        }
      });
    const settled = run.catch(() => {});
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  }

  /** True exactly once per `key` across instances (a marker that never expires until removed). */
  async function claimOnce(key: string): Promise<boolean> {
    // A sibling key, not a child: on the fs driver `<key>:lock` would make `<key>` a directory,
    // which `hasItem` then reports as present, so the marker could never be claimed.
    return withLock(`${key}-lock`, async () => {
      if (await storage.hasItem(key)) return false;
      await storage.setItem(key, now().toISOString());
      return true;
    });
  }

  return { acquire, renew, release, withLock, claimOnce };
}

/** The lease and lock operations of one handler. */
export type Leases = ReturnType<typeof createLeases>;
