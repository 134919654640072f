/**
 * A cache of signed media links, one per (job, variant, download), renewed shortly before they
 * expire so a player or a download button never hands out a dead link.
 */
import type { MediaLink, Variant } from './contract.js';

/** What the cache needs: how to fetch a link, and the time. */
export interface MediaLinkCacheOptions {
  fetchLink(jobId: string, variant: Variant, download: boolean): Promise<MediaLink>;
  now?: () => number;
}

/** Per-(job, variant, download) signed links, fetched once and renewed before they expire. */
export interface MediaLinkCache {
  /** The cached link, or a new one when it is due for renewal or `fresh` is set. */
  get(
    jobId: string,
    options?: { variant?: Variant; download?: boolean; fresh?: boolean },
  ): Promise<MediaLink>;
  /** Forgets every link of a job (it was deleted, or retried). */
  invalidate(jobId: string): void;
  clear(): void;
}

interface Entry {
  jobId: string;
  promise: Promise<MediaLink>;
  /** When the link should be replaced (ms since epoch); Infinity while in flight. */
  renewAt: number;
}

/**
 * When a link fetched at `fetchedAt` should be replaced: 60 s before it expires, or 10 % of its
 * lifetime for short-lived links, whichever comes first.
 */
export function renewalTime(link: MediaLink, fetchedAt: number): number {
  const expiresAt = Date.parse(link.expiresAt);
  if (Number.isNaN(expiresAt)) return fetchedAt;
  const lifetime = Math.max(0, expiresAt - fetchedAt);
  return expiresAt - Math.min(60_000, lifetime * 0.1);
}

/** Creates a media-link cache. */
export function createMediaLinkCache(options: MediaLinkCacheOptions): MediaLinkCache {
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry>();

  function fetchEntry(key: string, jobId: string, variant: Variant, download: boolean): Entry {
    const fetchedAt = now();
    const entry: Entry = {
      jobId,
      renewAt: Number.POSITIVE_INFINITY,
      promise: Promise.resolve(null as never),
    };
    entry.promise = options.fetchLink(jobId, variant, download).then(
      (link) => {
        entry.renewAt = renewalTime(link, fetchedAt);
        return link;
      },
      (error: unknown) => {
        // A failure is never cached: the next call asks again.
        if (entries.get(key) === entry) entries.delete(key);
        throw error;
      },
    );
    entries.set(key, entry);
    return entry;
  }

  return {
    get(jobId, { variant = 'video', download = false, fresh = false } = {}) {
      const key = JSON.stringify([jobId, variant, download]);
      const cached = entries.get(key);
      if (cached && !fresh && now() < cached.renewAt) return cached.promise;
      return fetchEntry(key, jobId, variant, download).promise;
    },
    invalidate(jobId) {
      for (const [key, entry] of entries) if (entry.jobId === jobId) entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}
