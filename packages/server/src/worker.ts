/**
 * `createSoraWorker(options)`: the background half of sora-kit as its own process role. A worker
 * claims due refreshes from the shared schedule, polls the provider, copies finished videos into
 * the blob store and runs the once-only hooks; web handlers created with `separateWorker: true`
 * only serve. Any number of workers and web instances share one storage and coordination.
 */
import { Hono } from 'hono';
import { buildRuntime } from './handler.js';
import { createLifecycle } from './jobs/lifecycle.js';
import { createPoller } from './jobs/poller.js';
import type { SoraHandlerOptions } from './options.js';
import { configuredProviders } from './providers/registry.js';
import { createReadyRoute } from './routes/ready.js';

/**
 * Options of {@link createSoraWorker}: the handler's, without what only serving needs. Give it the
 * same `limits`/`quotas` (at least their `prefix`) as the web handlers: a worker settles reservations.
 */
export type SoraWorkerOptions = Omit<
  SoraHandlerOptions,
  | 'secret'
  | 'auth'
  | 'allowedOrigins'
  | 'cors'
  | 'mediaLinkTtlSeconds'
  | 'maxPromptChars'
  | 'maxReferenceBytes'
  | 'maxJsonBytes'
  | 'metrics'
  | 'separateWorker'
>;

/** A running (or stopped) worker. */
export interface SoraWorker {
  /** Starts claiming due refreshes every `polling.tickMs` (idempotent); unfinished jobs resume. */
  start(): void;
  /** One pass now: resolves with how many jobs were claimed. For tests and cron-driven hosts. */
  pollOnce(): Promise<number>;
  /** Whether the loop is running. */
  isRunning(): boolean;
  /**
   * The worker's probes for a platform, to mount where the web instances have theirs
   * (`app.route('/api/sora', worker.routes)`): `GET /health` (alive, and whether the loop runs) and
   * `GET /ready` (storage, blob store and coordination answer; 503 `unavailable` when one does not).
   */
  routes: Hono;
  /** Stops the loop, waits for the pass in progress and releases the default storage. */
  close(): Promise<void>;
}

/**
 * Creates a worker over the same storage, blobs, provider(s) and coordination as the web handlers.
 *
 * @example
 * const worker = createSoraWorker({ provider, storage, blobs, coordination, hooks });
 * worker.start();
 * process.on('SIGTERM', () => worker.close());
 */
export function createSoraWorker(options: SoraWorkerOptions): SoraWorker {
  configuredProviders(options);
  // The secret signs media links and sessions, which a worker never hands out.
  const stopping = new AbortController();
  const rt = buildRuntime({ ...options, secret: 'sora-kit-worker-has-no-links-to-sign' }, stopping.signal);
  const lifecycle = createLifecycle(rt);
  const poller = createPoller(rt, lifecycle);
  const routes = new Hono();
  routes.get('/health', (c) => c.json({ ok: true, role: 'worker', running: poller.isRunning() }));
  routes.route(
    '/',
    createReadyRoute(rt, () => stopping.signal.aborted, options.coordination),
  );
  return {
    routes,
    start: () => poller.start(),
    pollOnce: () => poller.pollOnce(),
    isRunning: () => poller.isRunning(),
    close: async () => {
      stopping.abort();
      await poller.close();
      rt.stopListening();
      if (!options.storage) await rt.storage.dispose();
    },
  };
}
