/**
 * `createFakeOpenRouter()`: the faithful stand-in for OpenRouter's video API, offered as a Hono
 * app, a `fetch` function, msw handlers and (in Node) a real HTTP server. Browser-safe: nothing
 * Node-only is imported until `listen()` is called.
 */
import type { Hono } from 'hono';
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { OpenRouterVideoModel } from '../openrouter-wire.js';
import {
  FAKE_BASE_HEADER,
  type FakeOpenRouterCounters,
  type FakeOpenRouterState,
  fakeOpenRouterApp,
} from './app.js';
import { defaultFakeModels } from './catalog.js';
import { type Clock, systemClock } from './clock.js';
import { createFaultQueue, type FakeOpenRouterFault } from './faults.js';
import { jobView, settledAt, webhookEvent } from './jobs.js';
import { committedSamples, type FakeMediaSource } from './media.js';
import { createWebhookSender, type FakeWebhookDelivery } from './webhooks.js';

/** Options of {@link createFakeOpenRouter}. */
export interface FakeOpenRouterOptions {
  /** The only bearer accepted; by default any non-empty bearer is. */
  apiKey?: string;
  /** Time source; pass `createManualClock()` in tests. Default: the wall clock. */
  clock?: Clock;
  /** Generation time of a normal job (`fake:slow` triples it). Default 30 s. */
  durationMs?: number;
  /** The model list; default: Sora 2 Pro, Veo 3.1 and Wan 2.6 trimmed to the sample sizes. */
  models?: OpenRouterVideoModel[];
  /** Faults answered before any work, in order. */
  faults?: FakeOpenRouterFault[];
  /** USD balance; a create costing more answers 402. Default: unlimited. */
  credits?: number;
  /** Signs webhook deliveries. Default `fake-openrouter-webhook-secret`. */
  webhookSecret?: string;
  /** Sends webhook deliveries (e.g. a handler's `fetch`). Default: global `fetch`. */
  webhookFetch?: typeof fetch;
  /** Attempts per webhook delivery before giving up. Default 5. */
  webhookMaxAttempts?: number;
  /** The MP4 bytes served; default the committed samples. */
  media?: FakeMediaSource;
  /** Job ids. Default `job-<uuid>`. */
  id?: () => string;
}

/** A running fake. */
export interface FakeOpenRouter {
  app: Hono;
  /** A `fetch` that answers from the fake, whatever the host in the URL. */
  fetch: typeof fetch;
  /** msw handlers for every request under `baseUrl` (default `https://openrouter.ai/api/v1`). */
  handlers(baseUrl?: string): RequestHandler[];
  /** Serves the fake over HTTP (Node only); the URL ends in `/api/v1`. */
  listen(options?: { port?: number; hostname?: string }): Promise<{ url: string; close(): Promise<void> }>;
  readonly counters: FakeOpenRouterCounters;
  readonly clock: Clock;
  /** Remaining credits, when limited. */
  readonly credits: number | undefined;
  /** Queues more faults. */
  fail(fault: FakeOpenRouterFault): void;
  /** Every webhook delivery so far. */
  readonly deliveries: readonly FakeWebhookDelivery[];
  /** Queues deliveries for jobs settled by now and attempts every due delivery (also retries). */
  flushWebhooks(): Promise<void>;
  /** The secret deliveries are signed with. */
  readonly webhookSecret: string;
}

/** Creates a fake OpenRouter video API. */
export function createFakeOpenRouter(options: FakeOpenRouterOptions = {}): FakeOpenRouter {
  const clock = options.clock ?? systemClock;
  const state: FakeOpenRouterState = {
    clock,
    models: options.models ?? defaultFakeModels(),
    jobs: new Map(),
    counters: { create: 0, retrieve: 0, content: 0, models: 0, errors: 0 },
    faults: createFaultQueue(options.faults),
    media: options.media ?? committedSamples(),
    durationMs: options.durationMs ?? 30_000,
    apiKey: options.apiKey,
    credits: options.credits,
    rateLimited: new Map(),
    id: options.id ?? (() => `job-${crypto.randomUUID()}`),
  };
  const app = fakeOpenRouterApp(state);
  const webhookSecret = options.webhookSecret ?? 'fake-openrouter-webhook-secret';
  const sender = createWebhookSender({
    secret: webhookSecret,
    clock,
    fetch: options.webhookFetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxAttempts: options.webhookMaxAttempts ?? 5,
    backoffMs: 1_000,
  });
  const notified = new Set<string>();
  let publicBase = 'https://openrouter.ai/api/v1';

  const fakeFetch: typeof fetch = async (input, init) => app.fetch(new Request(input, init));

  function queueSettled(): void {
    const now = clock.now();
    for (const job of state.jobs.values()) {
      const at = settledAt(job, now, state.durationMs);
      if (!job.request.callbackUrl || notified.has(job.id) || at === undefined) continue;
      notified.add(job.id);
      const base = { url: publicBase, path: new URL(publicBase).pathname };
      const view = jobView(job, now, state.durationMs, base);
      sender.enqueue(job.id, job.request.callbackUrl, JSON.stringify(webhookEvent(view, job, at)));
    }
  }

  return {
    app,
    fetch: fakeFetch,
    handlers(baseUrl = 'https://openrouter.ai/api/v1') {
      const base = baseUrl.replace(/\/+$/, '');
      publicBase = base;
      return [
        http.all(`${base}/*`, async ({ request }) => {
          const rest = request.url.slice(base.length);
          const headers = new Headers(request.headers);
          headers.set(FAKE_BASE_HEADER, base);
          const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.arrayBuffer();
          const response = await app.fetch(
            new Request(`http://fake-openrouter.local/api/v1${rest}`, {
              method: request.method,
              headers,
              body,
            }),
          );
          return new HttpResponse(response.body, { status: response.status, headers: response.headers });
        }),
      ];
    },
    async listen(listenOptions = {}) {
      const { serve } = await import('@hono/node-server');
      const hostname = listenOptions.hostname ?? '127.0.0.1';
      return await new Promise((resolve) => {
        const server = serve({ fetch: app.fetch, port: listenOptions.port ?? 0, hostname }, (info) => {
          publicBase = `http://${hostname}:${info.port}/api/v1`;
          resolve({
            url: publicBase,
            close: () => new Promise<void>((done) => server.close(() => done())),
          });
        });
      });
    },
    counters: state.counters,
    clock,
    get credits() {
      return state.credits;
    },
    fail: (fault) => state.faults.add(fault),
    deliveries: sender.deliveries,
    async flushWebhooks() {
      queueSettled();
      await sender.flush();
    },
    webhookSecret,
  };
}
