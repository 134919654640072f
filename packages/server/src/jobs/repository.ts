/**
 * Jobs in unstorage: one record per job, a per-identity index in chunks (so a page costs a couple
 * of chunk reads plus its own records, whatever the history's length). Unfinished jobs are on the
 * coordination's refresh schedule, which the poller claims from. Key layout: ./keys.ts.
 */
import type { Job } from '@sora-kit/core';
import type { Coordination } from '../coordination/types.js';
import type { SoraStorage } from '../storage.js';
import { isJobIdShape } from './ids.js';
import type { Leases } from './lease.js';
import { CHUNK, keys } from './storage-keys.js';

/** A progress percentage and when (epoch ms) it was first seen. */
export interface StoredReading {
  progress: number;
  at: number;
}

/** A job as stored: the wire form plus what only the server knows. */
export interface JobRecord {
  job: Job;
  /** The owner's identity id (hooks get it back). */
  identity: string;
  /** Hash of the identity, used in keys. */
  owner: string;
  /** Bumped on every write; the per-job SSE event id. */
  rev: number;
  /** Which index chunk lists this job. */
  indexChunk: number;
  /** The provider's id for the current attempt, once its create answered. */
  providerVideoId?: string;
  /** For a remix: the provider id of the video it starts from. */
  remixSource?: string;
  /**
   * Base of the provider idempotency keys when the client sent an `Idempotency-Key`: derived from
   * it, so a create whose answer was lost and that the client repeats is the same video upstream.
   */
  keyBase?: string;
  /** Epoch ms the current attempt began (for the deadline). */
  attemptStartedAt: number;
  /** Epoch ms the current attempt's create call was sent and has not yet answered. */
  creatingSince?: number;
  /**
   * Poll pacing: when the next refresh is due, consecutive failures (the budget), how many extra
   * copy passes were spent on a missing thumbnail or spritesheet, and two progress readings of
   * this attempt (the first above 0, and when the current percentage was first seen) that give
   * the provider's pace and so the expected completion.
   */
  poll: {
    nextAt: number;
    failures: number;
    optionalRetries?: number;
    firstReading?: StoredReading;
    currentReading?: StoredReading;
  };
  /** Admission reservation to settle when the job ends. */
  reservation?: string;
}

/** A page of records and where the next one starts. */
export interface RecordPage {
  records: JobRecord[];
  nextCursor: string | null;
}

interface IndexHead {
  chunk: number;
  size: number;
}

/** A stored list, or empty when missing or not a list (never trust storage blindly). */
function asList<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function isHead(value: unknown): value is IndexHead {
  return typeof value === 'object' && value !== null && Number.isInteger((value as IndexHead).chunk);
}

function isRecord(value: unknown): value is JobRecord {
  return typeof value === 'object' && value !== null && typeof (value as JobRecord).job?.jobId === 'string';
}

/** Encodes a position in the index as an opaque cursor. */
function encodeCursor(chunk: number, position: number): string {
  return btoa(`${chunk}.${position}`).replace(/=+$/, '');
}

/** Decodes a cursor; undefined when it is not one of ours. */
export function decodeCursor(cursor: string): { chunk: number; position: number } | undefined {
  try {
    const match = /^(\d{1,9})\.(\d{1,4})$/.exec(atob(cursor));
    return match ? { chunk: Number(match[1]), position: Number(match[2]) } : undefined;
  } catch {
    return undefined;
  }
}

/** Told of a job's new due time (epoch ms), or `undefined` when it left the schedule. */
export type ScheduleListener = (jobId: string, dueAt: number | undefined) => void;

/** The job repository over one storage. */
export function createRepository(
  storage: SoraStorage,
  leases: Leases,
  coordination: Pick<Coordination, 'schedule' | 'unschedule'>,
  nowMs: () => number,
) {
  const scheduleListeners = new Set<ScheduleListener>();

  /** Moves a job on the shared schedule, then tells this process's listeners (the poller). */
  async function schedule(jobId: string, dueAt: number | undefined): Promise<void> {
    if (dueAt === undefined) await coordination.unschedule(jobId);
    else await coordination.schedule(jobId, dueAt);
    for (const listener of scheduleListeners) listener(jobId, dueAt);
  }

  async function get(jobId: string): Promise<JobRecord | null> {
    // Ids come from URLs: anything not shaped like ours cannot exist (and must not reach a key).
    if (!isJobIdShape(jobId)) return null;
    const value = await storage.getItem(keys.job(jobId));
    return isRecord(value) ? value : null;
  }

  /** The job if it exists and belongs to `owner`; null otherwise (the two look the same). */
  async function getOwned(jobId: string, owner: string): Promise<JobRecord | null> {
    const record = await get(jobId);
    return record && record.owner === owner ? record : null;
  }

  /** Writes a record, bumping its revision. */
  /**
   * Writes a record, bumping its revision — only while it still exists, so a refresh that was in
   * flight when the job was deleted cannot bring it back.
   */
  async function save(record: JobRecord): Promise<JobRecord> {
    const next = { ...record, rev: record.rev + 1 };
    const key = keys.job(record.job.jobId);
    if (!(await storage.hasItem(key))) return next;
    await storage.setItem(key, next);
    return next;
  }

  async function appendToIndex(owner: string, jobId: string): Promise<number> {
    return leases.withLock(keys.lock(`index:${owner}`), async () => {
      const stored = await storage.getItem(keys.indexHead(owner));
      const head: IndexHead = isHead(stored) ? stored : { chunk: 0, size: 0 };
      const chunk = head.size >= CHUNK ? head.chunk + 1 : head.chunk;
      const ids =
        chunk === head.chunk
          ? asList<string | null>(await storage.getItem(keys.indexChunk(owner, chunk)))
          : [];
      ids.push(jobId);
      await storage.setItem(keys.indexChunk(owner, chunk), ids);
      await storage.setItem(keys.indexHead(owner), { chunk, size: ids.length });
      return chunk;
    });
  }

  /** Stores a new job: the record first, then its index entry and its place among active jobs. */
  async function insert(record: Omit<JobRecord, 'indexChunk' | 'rev'>): Promise<JobRecord> {
    const draft: JobRecord = { ...record, indexChunk: -1, rev: 0 };
    // The record lands before the index so a listed id always resolves; an orphan record left by
    // a crash here is harmless (unlisted, never polled).
    await storage.setItem(keys.job(record.job.jobId), draft);
    await schedule(record.job.jobId, record.poll.nextAt);
    const indexChunk = await appendToIndex(record.owner, record.job.jobId);
    return save({ ...draft, indexChunk });
  }

  /** Removes a job, its index entry, its active entry and its provider mapping. */
  async function remove(record: JobRecord): Promise<void> {
    const { owner, indexChunk } = record;
    const jobId = record.job.jobId;
    await leases.withLock(keys.lock(`index:${owner}`), async () => {
      const ids = asList<string | null>(await storage.getItem(keys.indexChunk(owner, indexChunk)));
      const at = ids.indexOf(jobId);
      if (at >= 0) {
        ids[at] = null; // a tombstone keeps the positions (and so the cursors) stable
        await storage.setItem(keys.indexChunk(owner, indexChunk), ids);
      }
    });
    await schedule(jobId, undefined);
    await storage.removeItem(keys.job(jobId));
  }

  async function collectIds(owner: string, limit: number, cursor?: { chunk: number; position: number }) {
    const head = await storage.getItem(keys.indexHead(owner));
    const found: { id: string; chunk: number; position: number }[] = [];
    if (!isHead(head)) return found;
    let chunk = cursor?.chunk ?? head.chunk;
    let end = cursor?.position ?? Number.POSITIVE_INFINITY;
    while (chunk >= 0 && found.length <= limit) {
      const ids = asList<string | null>(await storage.getItem(keys.indexChunk(owner, chunk)));
      for (let i = Math.min(end, ids.length) - 1; i >= 0 && found.length <= limit; i--) {
        const id = ids[i];
        if (id) found.push({ id, chunk, position: i });
      }
      chunk -= 1;
      end = Number.POSITIVE_INFINITY;
    }
    return found;
  }

  /** One page of an identity's jobs, newest first. */
  async function listPage(owner: string, limit: number, cursor?: { chunk: number; position: number }) {
    const found = await collectIds(owner, limit, cursor);
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    const records = (await Promise.all(page.map((entry) => get(entry.id)))).filter(
      (r): r is JobRecord => r !== null && r.owner === owner,
    );
    const nextCursor = found.length > limit && last ? encodeCursor(last.chunk, last.position) : null;
    return { records, nextCursor } satisfies RecordPage;
  }

  return {
    get,
    getOwned,
    save,
    insert,
    remove,
    listPage,
    /** Puts a job (back) on the refresh schedule, due at `dueAt` (default now). */
    activate: (jobId: string, dueAt = nowMs()) => schedule(jobId, dueAt),
    /** Takes a finished job off the refresh schedule. */
    deactivate: (jobId: string) => schedule(jobId, undefined),
    /**
     * Calls `listener` after every schedule change made through this repository (this process's),
     * so a poller can wake when a job falls due; returns the unsubscribe.
     */
    onSchedule(listener: ScheduleListener): () => void {
      scheduleListeners.add(listener);
      return () => scheduleListeners.delete(listener);
    },
  };
}

/** The job repository of one handler. */
export type Repository = ReturnType<typeof createRepository>;
