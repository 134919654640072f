/** Everything one fake instance keeps: its clock, videos, counters and the keys it has seen. */
import type { FakeClock } from '../fake-kit/clock.js';
import type { CounterSink } from '../fake-kit/counters.js';
import type { FaultInjector } from '../fake-kit/faults.js';
import type { FakeMediaLoader } from '../fake-kit/media.js';
import type { FakeNotifier } from './notifier.js';
import type { FakeVideoStore } from './store.js';

/** A reusable character (`/videos/characters`). */
export interface FakeCharacter {
  id: string;
  name: string;
  created_at: number;
}

/** The shared state the routes work on (one per fake; nothing is module-level). */
export interface FakeState {
  clock: FakeClock;
  store: FakeVideoStore;
  counters: CounterSink;
  faults: FaultInjector;
  media: FakeMediaLoader;
  /** The default loader has no `@sora-kit/sample-media` to read: every video fails early. */
  mediaMissing: boolean;
  notifier: FakeNotifier;
  /** New ids like `video_…`, `evt_…`. */
  newId(prefix: string): string;
  /** Generation time of a normal video on the fake's clock, in ms. */
  generationMs: number;
  /** When set, the only Bearer token accepted. */
  apiKey?: string;
  /** `Idempotency-Key` → the video it created. */
  idempotency: Map<string, string>;
  /** Rate-limit scenario: 429s already answered per prompt. */
  rateLimitHits: Map<string, number>;
  characters: Map<string, FakeCharacter>;
}

/** Random ids shaped like OpenAI's (`video_` + 32 hex digits). */
export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
