/**
 * The storage key layout (documented in the package README). Identities and client-chosen keys
 * are hashed before they reach a key, so no caller controls a key's shape.
 */

/** Prefix of every key the handler writes. */
export const PREFIX = 'sora';

/** Builds every storage key the handler uses (one function per kind of key). */
export const keys = {
  /** One job: its wire form plus server-side state. */
  job: (jobId: string) => `${PREFIX}:job:${jobId}`,
  /** Per-identity index head: the newest chunk number and its fill. */
  indexHead: (owner: string) => `${PREFIX}:owner:${owner}:head`,
  /** Per-identity index chunk: up to CHUNK job ids in creation order (`null` where deleted). */
  indexChunk: (owner: string, chunk: number) => `${PREFIX}:owner:${owner}:chunk:${chunk}`,
  /** Per-identity change feed: a sequence number and the latest changes, for SSE. */
  feed: (owner: string) => `${PREFIX}:owner:${owner}:feed`,
  /** A token rewritten on every feed change of the identities in one shard: what instances watch. */
  feedSignal: (shard: number) => `${PREFIX}:feedsig:${shard}`,
  /** Provider video id (hashed) → job id, for webhooks. */
  providerVideo: (hashedVideoId: string) => `${PREFIX}:pvid:${hashedVideoId}`,
  /** `Idempotency-Key` (hashed) of one identity → job id, for 24 h. */
  idempotency: (owner: string, hashedKey: string) => `${PREFIX}:idem:${owner}:${hashedKey}`,
  /** Webhook event id (hashed) already handled, for 24 h. */
  webhookEvent: (hashedEventId: string) => `${PREFIX}:webhook:${hashedEventId}`,
  /** The refresh lease of one job. */
  lease: (jobId: string) => `${PREFIX}:lease:${jobId}`,
  /** A short lock around a read-modify-write. */
  lock: (name: string) => `${PREFIX}:lock:${name}`,
  /** A once-only marker (hooks, admission settlement). */
  once: (jobId: string, attempt: number, event: string) => `${PREFIX}:once:${jobId}:${attempt}:${event}`,
};

/** Job ids per index chunk. */
export const CHUNK = 100;
