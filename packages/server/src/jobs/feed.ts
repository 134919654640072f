/**
 * The per-identity change feed behind SSE. Each change to a caller's job appends an entry with a
 * sequence number (the SSE event id) to one small record in storage, and rewrites the signal of
 * the identity's shard. Each change is also published through the coordination, so streams on
 * every instance sharing it are woken at once. Publish/subscribe is fire-and-forget (a message
 * sent while a subscriber reconnects is lost, and instances may share storage without sharing a
 * coordination), so one watcher per instance also reads the shard signals about every second and,
 * only when one changed, reads the feeds of its streams' identities in that shard: nothing is
 * missed for long, and storage reads per second do not grow with the number of open streams.
 */
import type { SoraStorage } from '../storage.js';
import type { Leases } from './lease.js';
import { keys } from './storage-keys.js';

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

/** Shards of the change signals: the watcher's reads per check are at most this many. */
export const FEED_SHARDS = 16;

/** How often the watcher looks for changes made by other instances. */
export const WATCH_INTERVAL_MS = 1000;

/** The signal shard of an identity key (a SHA-256 hex string). */
export function feedShard(owner: string): number {
  return Number.parseInt(owner.slice(0, 2), 16) % FEED_SHARDS || 0;
}

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

/** What the watcher knows of one identity with open streams here. */
interface Watched {
  streams: number;
  /** Last sequence seen; undefined until the first read. */
  seq?: number;
  /** Job streams open per job id; made on the first (an identity with only `/events` has none). */
  jobs?: Map<string, number>;
}

/**
 * The instance's single watcher of changes made elsewhere: it turns them into local
 * notifications (the same ones local writes send), so streams only ever wait on the notifier.
 */
function createWatcher(storage: SoraStorage, read: (owner: string) => Promise<Feed>, notifier: Notifier) {
  const owners = new Map<string, Watched>();
  const signals = new Map<number, unknown>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let checking = false;

  async function recheck(owner: string, state: Watched): Promise<void> {
    const feed = await read(owner);
    if (feed.seq === state.seq) return;
    const known = state.seq;
    state.seq = feed.seq;
    const oldest = feed.entries[0]?.seq ?? feed.seq;
    const complete = known !== undefined && feed.seq > known && oldest <= known + 1;
    notifier.notify(owner);
    const changed = complete
      ? new Set(feed.entries.filter((e) => e.seq > known).map((e) => e.jobId))
      : new Set(state.jobs?.keys());
    for (const jobId of changed) if (state.jobs?.has(jobId)) notifier.notify(jobId);
  }

  async function check(): Promise<void> {
    const changed = new Set<number>();
    // Every shard, however many streams are open: the reads per check stay FEED_SHARDS.
    await Promise.all(
      Array.from({ length: FEED_SHARDS }, async (_, shard) => {
        const token = await storage.getItem(keys.feedSignal(shard));
        if (signals.has(shard) && signals.get(shard) === token) return;
        signals.set(shard, token);
        changed.add(shard);
      }),
    );
    if (changed.size === 0) return;
    await Promise.all(
      [...owners].filter(([owner]) => changed.has(feedShard(owner))).map(([o, s]) => recheck(o, s)),
    );
  }

  function tick(): void {
    if (checking) return;
    checking = true;
    check()
      .catch(() => {
        // Storage unreachable for a moment: the next tick tries again.
      })
      .finally(() => {
        checking = false;
      });
  }

  return {
    /** Registers a stream of `owner` (and of one job); returns its release. */
    watch(owner: string, jobId?: string): () => void {
      const state: Watched = owners.get(owner) ?? { streams: 0 };
      owners.set(owner, state);
      state.streams++;
      if (jobId) {
        state.jobs ??= new Map();
        state.jobs.set(jobId, (state.jobs.get(jobId) ?? 0) + 1);
      }
      if (!timer) {
        timer = setInterval(tick, WATCH_INTERVAL_MS);
        (timer as { unref?: () => void }).unref?.();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        state.streams--;
        if (jobId && state.jobs) {
          const left = (state.jobs.get(jobId) ?? 1) - 1;
          if (left > 0) state.jobs.set(jobId, left);
          else state.jobs.delete(jobId);
        }
        if (state.streams > 0) return;
        owners.delete(owner);
        if (owners.size > 0) return;
        clearInterval(timer);
        timer = undefined;
        signals.clear();
      };
    },
  };
}

/**
 * The change feeds over one storage. `broadcast` tells every instance of a change (the
 * coordination's publish, which reaches `local` here too); the watcher only wakes `local`
 * streams, so what it finds is never sent around again.
 */
export function createFeed(
  storage: SoraStorage,
  leases: Leases,
  local: Notifier,
  broadcast: Pick<Notifier, 'notify'> = local,
) {
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
    broadcast.notify(owner);
    broadcast.notify(jobId);
    // A fresh token, never a read-modify-write: racing writers each leave a value the watchers
    // have not seen, so none of the changes goes unnoticed.
    await storage.setItem(keys.feedSignal(feedShard(owner)), `${Date.now()}-${crypto.randomUUID()}`);
  }

  const watcher = createWatcher(storage, read, local);
  return { read, publish, watch: watcher.watch };
}

/** Change feeds of one handler. */
export type ChangeFeed = ReturnType<typeof createFeed>;
