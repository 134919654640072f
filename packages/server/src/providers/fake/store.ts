/**
 * The fake's own videos, in memory, one store per fake instance. A video's status is never
 * stored: it is computed from its creation time and the clock, so advancing the clock is enough
 * to move every video along.
 */
import type { Video } from 'openai/resources/videos';
import { unixSeconds } from '../fake-kit/clock.js';
import { type FakeOutcome, scenarioError } from './scenarios.js';

/** How long completed assets stay downloadable, as the real API (about an hour). */
export const ASSET_TTL_SECONDS = 3600;

/** One video as the fake keeps it. */
export interface FakeVideoRecord {
  id: string;
  model: string;
  prompt: string;
  size: string;
  /** Seconds as reported (`"4"`, or an extension's stitched total). */
  seconds: string;
  createdAt: number;
  /** Generation time on the fake's clock, in ms. */
  durationMs: number;
  outcome: FakeOutcome;
  failAt: number;
  remixedFrom: string | null;
  /** The sample clip served (see `clipForPrompt`); a remix takes the next one after its source's. */
  clip: number;
  /** Insertion order, for stable listing when two videos share a second. */
  seq: number;
}

/** The fake's video store. */
export interface FakeVideoStore {
  add(record: Omit<FakeVideoRecord, 'seq'>): FakeVideoRecord;
  get(id: string): FakeVideoRecord | undefined;
  delete(id: string): boolean;
  /** Every video, oldest first. */
  all(): FakeVideoRecord[];
}

/** An empty store. */
export function createVideoStore(): FakeVideoStore {
  const videos = new Map<string, FakeVideoRecord>();
  let seq = 0;
  return {
    add(record) {
      const stored = { ...record, seq: seq++ };
      videos.set(stored.id, stored);
      return stored;
    },
    get: (id) => videos.get(id),
    delete: (id) => videos.delete(id),
    all: () => [...videos.values()].sort((a, b) => a.seq - b.seq),
  };
}

/** When the video reaches its final status (epoch ms). */
export function settlesAt(record: FakeVideoRecord): number {
  const fraction = record.outcome === 'completed' ? 1 : record.failAt;
  return record.createdAt + Math.round(record.durationMs * fraction);
}

/** Share of the generation time a video spends `queued` before it starts. */
const QUEUED_SHARE = 0.1;

/** The video as the API shows it at `now`. */
export function viewVideo(record: FakeVideoRecord, now: number): Video {
  const elapsed = Math.max(0, now - record.createdAt);
  const base: Video = {
    id: record.id,
    object: 'video',
    model: record.model,
    status: 'queued',
    progress: 0,
    prompt: record.prompt,
    seconds: record.seconds,
    size: record.size as Video['size'],
    created_at: unixSeconds(record.createdAt),
    completed_at: null,
    expires_at: null,
    remixed_from_video_id: record.remixedFrom,
    error: null,
  };
  if (now >= settlesAt(record)) {
    if (record.outcome !== 'completed') {
      const progress = Math.round(record.failAt * 100);
      return { ...base, status: 'failed', progress, error: scenarioError(record.outcome) };
    }
    const completedAt = unixSeconds(settlesAt(record));
    return {
      ...base,
      status: 'completed',
      progress: 100,
      completed_at: completedAt,
      expires_at: completedAt + ASSET_TTL_SECONDS,
    };
  }
  if (elapsed < record.durationMs * QUEUED_SHARE) return base;
  const progress = Math.min(99, Math.max(1, Math.floor((elapsed / record.durationMs) * 100)));
  return { ...base, status: 'in_progress', progress };
}
