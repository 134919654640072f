/**
 * The coordination layer: everything instances sharing one storage must agree on atomically —
 * refresh leases, once-only markers, counters with expiry (rate limits, quotas, active-job caps),
 * the schedule of due refreshes and change notifications. Job records stay in unstorage; this is
 * the small set of operations unstorage cannot do atomically. Implementations: in-process
 * (`memoryCoordination`, the default for one process), Redis (`redisCoordination`) and PostgreSQL
 * (`postgresCoordination`).
 */

/** The verdict of {@link Coordination.claimSlot}. */
export type SlotClaim = { ok: true } | { ok: false; freesAt: number };

/**
 * The verdict of {@link Coordination.beginOnce}: `run` (do it now, then `finishOnce` with the
 * token), `busy` (another caller's claim is live) or `done` (finished already).
 */
export type OnceClaim = { state: 'run'; token: string } | { state: 'busy' } | { state: 'done' };

/** Options of {@link Coordination.claimSlot}. */
export interface SlotOptions {
  /** Most live members the set may hold. */
  cap: number;
  /** Epoch ms the claim is made at: members that expired by then no longer count. */
  now: number;
  /** Epoch ms this member stops counting unless released earlier. */
  expiresAt: number;
}

/** Options of {@link Coordination.addWithin}. */
export interface CounterOptions {
  /** The most the counter may reach; an increment that would pass it is refused and not applied. */
  limit?: number;
  /** How long the counter lives after its first increment, in ms. */
  ttlMs: number;
}

/**
 * Atomic operations shared by every instance of one deployment. Every method is a single atomic
 * step on the engine (a Lua script, one SQL statement or a transaction under an engine lock);
 * none reads, decides in the process and writes back.
 */
export interface Coordination {
  /** `memory`, `redis` or `postgres`: what `/health` and logs report. */
  readonly kind: string;
  /** Takes the lease `key` for `ttlMs` when nobody holds it; its token, or null when held. */
  acquire(key: string, ttlMs: number): Promise<string | null>;
  /** Extends a lease still held with `token`; false when it expired or another took it. */
  renew(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Gives a lease back, only when `token` still holds it. */
  release(key: string, token: string): Promise<void>;
  /**
   * Begins a side effect that must happen once per `key` even when its process dies midway (a
   * hook, a refund): the first caller gets `run`; its claim lapses after `holdMs` unless it calls
   * {@link Coordination.finishOnce}, so a caller after a crash gets `run` again. Keys are their
   * own namespace, apart from the leases'.
   */
  beginOnce(key: string, holdMs: number): Promise<OnceClaim>;
  /** Marks `key` done for good (about 30 days) when `token` still holds its claim. */
  finishOnce(key: string, token: string): Promise<void>;
  /**
   * Adds `member` to the expiring set `key` when fewer than `cap` live members are in it (already
   * in it counts as held). A sliding-window rate limit (one member per hit, expiring with the
   * window) and an active-job cap (one member per job) are both this.
   */
  claimSlot(key: string, member: string, options: SlotOptions): Promise<SlotClaim>;
  /** Removes `member` from the set `key` (idempotent). */
  releaseSlot(key: string, member: string): Promise<void>;
  /**
   * Adds `amount` to the counter `key` unless that would pass `limit`; a negative amount never
   * takes it below zero. True when applied.
   */
  addWithin(key: string, amount: number, options: CounterOptions): Promise<boolean>;
  /** Puts `jobId` on the refresh schedule (or moves it) at `dueAt` (epoch ms). */
  schedule(jobId: string, dueAt: number): Promise<void>;
  /** Takes `jobId` off the schedule. */
  unschedule(jobId: string): Promise<void>;
  /**
   * Claims up to `limit` jobs due at `now`: each is moved to `now + holdMs`, so no other worker
   * claims it meanwhile and it comes back by itself if its claimer dies. Reads only due entries.
   */
  claimDue(now: number, limit: number, holdMs: number): Promise<string[]>;
  /** How many jobs are on the schedule (the active jobs). */
  scheduled(): Promise<number>;
  /** Tells every instance's subscribers that `topic` changed. */
  publish(topic: string): Promise<void>;
  /** Calls `listener` with every published topic, from any instance; returns the unsubscribe. */
  subscribe(listener: (topic: string) => void): () => void;
  /** Resolves when the engine answers; rejects when it is unreachable. */
  ping(): Promise<void>;
  /** Releases connections this coordination opened (never a client the host passed in). */
  close(): Promise<void>;
}

/** Done markers of {@link Coordination.finishOnce} outlive any job's lifetime by far. */
export const ONCE_TTL_MS = 30 * 24 * 3600 * 1000;

/** Thrown when the coordination engine cannot be reached; the handler answers 503 `unavailable`. */
export class CoordinationUnavailableError extends Error {
  override readonly name = 'CoordinationUnavailableError';
  readonly status = 503;
  readonly code = 'unavailable';
  /** Seconds for `Retry-After`. */
  readonly retryAfterSeconds = 5;
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
  }
}
