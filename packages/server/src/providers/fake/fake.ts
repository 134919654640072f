/**
 * `createBareFakeOpenAI()`: one implementation of the OpenAI Videos API, usable in-process (`fetch`),
 * over a socket (`listen`) and, through `@sora-kit/server/testing`, as msw handlers. The official
 * `openai` SDK talks to it unchanged.
 */
import type { Hono } from 'hono';
import type { Video } from 'openai/resources/videos';
import { createFakeClock, type FakeClock } from '../fake-kit/clock.js';
import { createCounters, type FakeCounters } from '../fake-kit/counters.js';
import { createFaultInjector, type FakeFaults } from '../fake-kit/faults.js';
import { type FakeMediaLoader, nodeMediaLoader, sampleMediaMissing } from '../fake-kit/media.js';
import type { FakeListenOptions, FakeServer } from '../fake-kit/serve.js';
import { createFakeApp } from './app.js';
import { createDirVideoStore } from './dir-store.js';
import { createNotifier, type FakeNotifier } from './notifier.js';
import { type FakeState, randomId } from './state.js';
import { createVideoStore, type FakeVideoStore, viewVideo } from './store.js';
import type { FakeWebhookDelivery, FakeWebhookOptions } from './webhooks.js';

/** Options of {@link createFakeOpenAI}. */
export interface FakeOpenAIOptions {
  /** When set, the only Bearer token accepted (others get `401 invalid_api_key`). Some Bearer is always required. */
  apiKey?: string;
  /** Time from create to completed on the fake's clock, in seconds. Default 12; `fake:slow` ×3. */
  generationSeconds?: number;
  /** The time source the clock starts from (default the wall clock); `() => T0` freezes it. */
  now?: () => number;
  /** A clock of your own (takes precedence over `now`). */
  clock?: FakeClock;
  /** Fault injection: 5xx and 429 shares, latency, cut downloads. */
  faults?: FakeFaults;
  /** Signed `video.completed` / `video.failed` deliveries. */
  webhook?: FakeWebhookOptions;
  /** Loads sample media; default reads the package's `media/` folder in Node. */
  media?: FakeMediaLoader;
  /** Id factory (`prefix` is `video`, `evt`, `char`); default random. */
  id?: (prefix: string) => string;
  /**
   * In-process only: also sweep for due webhooks on a timer (real ms), for a fake on the wall
   * clock that nobody calls between events. Off by default; {@link FakeOpenAI.close} stops it.
   */
  sweepIntervalMs?: number;
  /**
   * Node only: keep the videos as files in this directory (one per video, written atomically), so
   * a restarted process loses no video and processes sharing the directory see each other's.
   * Default: in memory. The demo passes `<data dir>/fake`.
   */
  stateDir?: string;
}

/** Options of {@link FakeOpenAI.listen}. */
export type { FakeListenOptions };

/** A running fake OpenAI server; its `url` includes `/v1`, e.g. `http://127.0.0.1:4010/v1`. */
export type FakeOpenAIServer = FakeServer;

/** A fake OpenAI Videos API. */
export interface FakeOpenAI {
  /** The Hono app serving `/v1/videos…`. */
  app: Hono;
  /** A `fetch` for the SDK's `fetch` option: `new OpenAI({ baseURL: 'http://fake.local/v1', fetch: fake.fetch })`. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** The fake's clock; `advance(ms)` moves every video along (and sends the webhooks that fall due). */
  clock: FakeClock;
  /** Moves the clock and waits until the webhooks that fell due are delivered. */
  advance(ms: number): Promise<void>;
  /** Waits for webhook deliveries under way. */
  idle(): Promise<void>;
  /** Calls per route. */
  counters: FakeCounters;
  /** Every stored video as the API would show it now, oldest first. */
  videos(): Video[];
  /** Every webhook delivery attempt, oldest first. */
  webhookDeliveries(): FakeWebhookDelivery[];
  /** Serves the app over HTTP (Node only). */
  listen(options?: FakeListenOptions): Promise<FakeOpenAIServer>;
  /** Stops the `sweepIntervalMs` timer, if any (servers from `listen()` close on their own). */
  close(): void;
}

/**
 * Runs `request` through the app, rejecting as `fetch` does when its signal aborts (the SDK's
 * timeouts rely on that), even while the fake is still "thinking" (`latencyMs`).
 */
function abortable(app: Hono, request: Request): Promise<Response> {
  const { signal } = request;
  const reason = () => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<Response>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(app.fetch(request))
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The per-instance state the routes share. */
function createState(
  options: FakeOpenAIOptions,
  clock: FakeClock,
  store: FakeVideoStore,
  notifier: FakeNotifier,
  newId: (prefix: string) => string,
): FakeState {
  return {
    clock,
    store,
    counters: createCounters(),
    faults: createFaultInjector(options.faults),
    media: options.media ?? nodeMediaLoader(),
    mediaMissing: !options.media && sampleMediaMissing(),
    notifier,
    newId,
    generationMs: (options.generationSeconds ?? 12) * 1000,
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    idempotency: new Map(),
    rateLimitHits: new Map(),
    characters: new Map(),
  };
}

/**
 * Creates a fake OpenAI Videos API without msw handlers, so the main entry's `fakeProvider()` never
 * loads msw. `@sora-kit/server/testing` exports it with `handlers()` as `createFakeOpenAI`.
 *
 * @example
 * ```ts
 * const fake = createBareFakeOpenAI({ apiKey: 'sk-fake', now: () => Date.UTC(2026, 0, 1) });
 * const client = new OpenAI({ apiKey: 'sk-fake', baseURL: 'http://fake.local/v1', fetch: fake.fetch });
 * const video = await client.videos.create({ prompt: 'a calm lake' });
 * await fake.advance(12_000);
 * const done = await client.videos.retrieve(video.id); // status 'completed'
 * ```
 */
export function createBareFakeOpenAI(options: FakeOpenAIOptions = {}): FakeOpenAI {
  const inner = options.clock ?? createFakeClock(options.now);
  const store = options.stateDir ? createDirVideoStore(options.stateDir) : createVideoStore();
  const newId = options.id ?? randomId;
  const notifier = createNotifier(store, () => newId('evt'), options.webhook);
  const clock: FakeClock = {
    now: () => inner.now(),
    advance(ms) {
      inner.advance(ms);
      void notifier.sweep(inner.now());
    },
  };
  const state = createState(options, clock, store, notifier, newId);
  const app = createFakeApp(state);
  const timer =
    options.sweepIntervalMs && options.sweepIntervalMs > 0
      ? setInterval(() => void notifier.sweep(clock.now()), options.sweepIntervalMs)
      : undefined;
  (timer as { unref?: () => void } | undefined)?.unref?.();
  const fetchFake = (input: string | URL | Request, init?: RequestInit) =>
    abortable(app, input instanceof Request && !init ? input : new Request(input, init));

  return {
    app,
    fetch: fetchFake,
    clock,
    async advance(ms) {
      inner.advance(ms);
      await notifier.sweep(inner.now());
      await notifier.idle();
    },
    idle: () => notifier.idle(),
    counters: state.counters,
    videos: () => store.all().map((record) => viewVideo(record, clock.now())),
    webhookDeliveries: () => notifier.deliveries(),
    close: () => clearInterval(timer),
    async listen(listenOptions = {}) {
      const { serveFake } = await import('../fake-kit/serve.js');
      return serveFake(app, listenOptions, () => notifier.sweep(clock.now()));
    },
  };
}
