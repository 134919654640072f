/**
 * `createFakeOpenRouter()`: one implementation of OpenRouter's video API, usable in-process
 * (`fetch`), over a socket (`listen`) and as msw handlers. The official `@openrouter/sdk` talks to
 * it unchanged. Shaped like `createFakeOpenAI()` (same clock, counters, faults, media and webhook
 * habits) so both fakes feel alike. Browser-safe: Node is only imported by `listen()` and the
 * default media loader.
 */
import type { Hono } from 'hono';
import type { RequestHandler } from 'msw';
import { createFakeClock, type FakeClock } from '../fake-kit/clock.js';
import { createCounters, type FakeCounters } from '../fake-kit/counters.js';
import { createFaultInjector, type FakeFaults } from '../fake-kit/faults.js';
import { type FakeMediaLoader, nodeMediaLoader, sampleMediaMissing } from '../fake-kit/media.js';
import type { FakeListenOptions, FakeServer } from '../fake-kit/serve.js';
import type { OpenRouterVideoJob, OpenRouterVideoModel } from '../openrouter-wire.js';
import { createFakeOpenRouterApp, type FakeOpenRouterState } from './app.js';
import { defaultFakeModels } from './catalog.js';
import { createScriptedFaults, type FakeOpenRouterFault } from './faults.js';
import { type FakeJob, jobView, settledAt, webhookEvent } from './jobs.js';
import { fakeOpenRouterHandlers } from './msw.js';
import {
  createOpenRouterNotifier,
  type FakeOpenRouterWebhookDelivery,
  type FakeOpenRouterWebhookOptions,
} from './webhooks.js';

/** Options of {@link createFakeOpenRouter}. */
export interface FakeOpenRouterOptions {
  /** When set, the only Bearer accepted; some Bearer is always required (except for `/videos/models`). */
  apiKey?: string;
  /** Time from submit to completed on the fake's clock, in seconds. Default 12; `fake:slow` ×3. */
  generationSeconds?: number;
  /** The time source the clock starts from (default the wall clock); `() => T0` freezes it. */
  now?: () => number;
  /** A clock of your own (takes precedence over `now`). */
  clock?: FakeClock;
  /** Random faults: 5xx and 429 shares, latency, cut downloads (as the OpenAI fake). */
  faults?: FakeFaults;
  /** Faults the next calls to a route answer, in order (also `fake.fail()` later). */
  script?: FakeOpenRouterFault[];
  /** USD balance; a create costing more than what is left answers 402. Default unlimited. */
  credits?: number;
  /** Signed `video.generation.*` deliveries to each job's `callback_url`. */
  webhook?: FakeOpenRouterWebhookOptions;
  /** The model list; default Sora 2 Pro, Veo 3.1 and Wan 2.6 trimmed to the sample sizes. */
  models?: OpenRouterVideoModel[];
  /** Loads sample media; default reads the package's `media/` folder in Node. */
  media?: FakeMediaLoader;
  /** Id factory (`prefix` is `job` or `whk`); default random. */
  id?: (prefix: string) => string;
}

/** Options of {@link FakeOpenRouter.listen}. */
export type FakeOpenRouterListenOptions = FakeListenOptions;

/** A running fake OpenRouter server; its `url` includes `/api/v1`, e.g. `http://127.0.0.1:4011/api/v1`. */
export type FakeOpenRouterServer = FakeServer;

/** A fake OpenRouter video API. */
export interface FakeOpenRouter {
  /** The Hono app serving `/api/v1/videos…`. */
  app: Hono;
  /** A `fetch` answering from the fake whatever the host: `openrouterProvider({ fetch: fake.fetch })`. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** msw handlers for every request under `baseUrl` (default `https://openrouter.ai/api/v1`). */
  handlers(baseUrl?: string): RequestHandler[];
  /** The fake's clock; `advance(ms)` moves every job along (and sends the webhooks that fall due). */
  clock: FakeClock;
  /** Moves the clock and waits until the webhooks that fell due are delivered. */
  advance(ms: number): Promise<void>;
  /** Waits for webhook deliveries under way. */
  idle(): Promise<void>;
  /** Calls per route (`"POST /videos"`, `"GET /videos/:id"`, `"GET /videos/:id/content"`, `"GET /videos/models"`). */
  counters: FakeCounters;
  /** Every job as `GET /videos/{id}` would show it now, oldest first. */
  jobs(): OpenRouterVideoJob[];
  /** Credits left, when limited. */
  credits(): number | undefined;
  /** Queues a scripted fault. */
  fail(fault: FakeOpenRouterFault): void;
  /** Every webhook delivery attempt, oldest first. */
  webhookDeliveries(): FakeOpenRouterWebhookDelivery[];
  /** Serves the app over HTTP (Node only). */
  listen(options?: FakeOpenRouterListenOptions): Promise<FakeOpenRouterServer>;
}

function randomId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/**
 * Creates a fake OpenRouter video API.
 *
 * @example
 * ```ts
 * const fake = createFakeOpenRouter({ apiKey: 'sk-or-fake', now: () => Date.UTC(2026, 9, 1) });
 * const provider = openrouterProvider({ apiKey: 'sk-or-fake', fetch: fake.fetch, now: fake.clock.now });
 * const video = await provider.create({ prompt: 'a calm lake', model: 'google/veo-3.1', size: '1280x720', seconds: 4, idempotencyKey: 'k' });
 * await fake.advance(12_000);
 * await provider.retrieve(video.id); // status 'completed'
 * ```
 */
export function createFakeOpenRouter(options: FakeOpenRouterOptions = {}): FakeOpenRouter {
  const inner = options.clock ?? createFakeClock(options.now);
  const newId = options.id ?? randomId;
  const notifier = createOpenRouterNotifier(() => newId('whk'), options.webhook);
  const jobs = new Map<string, FakeJob>();
  let publicBase = 'https://openrouter.ai/api/v1';
  const base = () => ({ url: publicBase, path: new URL(publicBase).pathname });

  /** Queues the events of jobs settled by `now`, then sends what is due. */
  const sweep = (now: number) => {
    for (const job of jobs.values()) {
      const at = settledAt(job, now, state.generationMs);
      if (at === undefined) continue;
      const event = webhookEvent(jobView(job, now, state.generationMs, base()), job, at);
      notifier.queue(job.id, job.request.callbackUrl, event, at);
    }
    return notifier.sweep(now);
  };
  const clock: FakeClock = {
    now: () => inner.now(),
    advance(ms) {
      inner.advance(ms);
      void sweep(inner.now());
    },
  };
  const state: FakeOpenRouterState = {
    clock,
    models: options.models ?? defaultFakeModels(),
    jobs,
    counters: createCounters(),
    faults: createFaultInjector(options.faults),
    scripted: createScriptedFaults(options.script),
    media: options.media ?? nodeMediaLoader(),
    mediaMissing: !options.media && sampleMediaMissing(),
    generationMs: (options.generationSeconds ?? 12) * 1000,
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    credits: options.credits,
    rateLimitHits: new Map(),
    newId,
    onRequest: () => void sweep(inner.now()),
  };
  const app = createFakeOpenRouterApp(state);
  const fetchFake = async (input: string | URL | Request, init?: RequestInit) =>
    app.fetch(input instanceof Request && !init ? input : new Request(input, init));

  const fake: FakeOpenRouter = {
    app,
    fetch: fetchFake,
    handlers(baseUrl = 'https://openrouter.ai/api/v1') {
      publicBase = baseUrl.replace(/\/+$/, '');
      return fakeOpenRouterHandlers(fake, baseUrl);
    },
    clock,
    async advance(ms) {
      inner.advance(ms);
      await sweep(inner.now());
      await notifier.idle();
    },
    idle: () => notifier.idle(),
    counters: state.counters,
    jobs: () => [...jobs.values()].map((job) => jobView(job, clock.now(), state.generationMs, base())),
    credits: () => state.credits,
    fail: (fault) => state.scripted.add(fault),
    webhookDeliveries: () => notifier.deliveries(),
    async listen(listenOptions = {}) {
      const { serveFake } = await import('../fake-kit/serve.js');
      const server = await serveFake(app, listenOptions, () => sweep(clock.now()), '/api/v1');
      publicBase = server.url;
      return server;
    },
  };
  return fake;
}
