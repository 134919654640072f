/**
 * The per-identity change feed behind SSE. Each change to a caller's job appends an entry with a
 * sequence number (the SSE event id) to one small record in storage; streams on any instance
 * notice a new sequence within about a second by re-reading that one key, and streams on the
 * writing instance are woken at once by an in-memory signal.
 */
import type { Storage } from 'unstorage';
import { keys } from './keys.js';
import type { Leases } from './lease.js';

/** One change: the job changed (`job`) or is gone (`deleted`). */
export interface FeedEntry {
  seq: number;
  jobId: string;
  kind: 'job' | 'deleted';
}

/** The stored feed of one identity. */
export interface Feed {
  seq: number;
  entries: FeedEntry[];
}

/** Entries kept; a stream further behind than this starts over from the current state. */
export const FEED_LENGTH = 500;

/** Wakes local listeners; one per handler instance. */
export function createNotifier() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    /** Calls `listener` on every local change for `topic`; returns the unsubscribe. */
    subscribe(topic: string, listener: () => void): () => void {
      const set = listeners.get(topic) ?? new Set();
      set.add(listener);
      listeners.set(topic, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
      };
    },
    notify(topic: string): void {
      for (const listener of listeners.get(topic) ?? []) listener();
    },
  };
}

/** Notifier of one handler. */
export type Notifier = ReturnType<typeof createNotifier>;

/** The change feeds over one storage. */
export function createFeed(storage: Storage, leases: Leases, notifier: Pick<Notifier, 'notify'>) {
  async function read(owner: string): Promise<Feed> {
    const value = (await storage.getItem(keys.feed(owner))) as Feed | null;
    return value && Array.isArray(value.entries) ? value : { seq: 0, entries: [] };
  }

  async function publish(owner: string, jobId: string, kind: FeedEntry['kind']): Promise<void> {
    await leases.withLock(keys.lock(`feed:${owner}`), async () => {
      const feed = await read(owner);
      const seq = feed.seq + 1;
      const entries = [...feed.entries, { seq, jobId, kind }].slice(-FEED_LENGTH);
      await storage.setItem(keys.feed(owner), { seq, entries });
    });
    notifier.notify(owner);
    notifier.notify(jobId);
  }

  return { read, publish };
}

/** Change feeds of one handler. */
export type ChangeFeed = ReturnType<typeof createFeed>;
