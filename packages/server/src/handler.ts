/**
 * `createSoraHandler(options)`: the whole server side of sora-kit as one Hono app. Mount it under
 * any path (`app.route('/api/sora', handler)`) or serve `handler.fetch` anywhere a Fetch-API
 * handler fits. All state lives in the storage and blob store, so any number of instances can
 * share them.
 */
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { anonymousSessions } from './auth/anonymous-sessions.js';
import { inProcessCoordinationFor } from './coordination/memory.js';
import { defaultBlobs, defaultStorage } from './defaults.js';
import { HttpError, renderError } from './http-error.js';
import { createFeed, createNotifier } from './jobs/feed.js';
import { deriveSecret, sha256Hex } from './jobs/hash.js';
import { createJobIds } from './jobs/ids.js';
import { createLeases } from './jobs/lease.js';
import { createLifecycle } from './jobs/lifecycle.js';
import { createMetrics } from './jobs/metrics.js';
import { createPoller } from './jobs/poller.js';
import { createRepository } from './jobs/repository.js';
import type { Runtime, SoraEnv } from './jobs/runtime.js';
import { admissionFor } from './limits/resolve.js';
import { consoleLogger, silentLogger } from './logger.js';
import { createMediaSigner, type MediaSigner } from './media/signing.js';
import { assertOptions, resolveLimits, resolvePolling, type SoraHandlerOptions } from './options.js';
import { configuredProviders, createProviderRegistry } from './providers/registry.js';
import { createEventRoutes } from './routes/events.js';
import { createMediaRoutes } from './routes/media.js';
import { createMetaRoutes } from './routes/meta.js';
import { createVideoRoutes } from './routes/videos.js';
import { createWebhookRoutes } from './routes/webhooks.js';
import { applySecurity } from './security/apply.js';

/** The handler: a Hono app plus the controls of its background work. */
export type SoraHandler = Hono<SoraEnv> & {
  /** Starts the in-process poller (long-running servers); resumes every unfinished job. */
  startPolling(): void;
  /** Stops the poller; jobs stay in storage and resume on the next start. */
  stopPolling(): void;
  /**
   * Runs one polling pass now and resolves when it is done, with how many jobs were due. For
   * serverless schedulers (a cron calling it) and tests.
   */
  pollOnce(): Promise<number>;
  /** Stops the poller, waits for work in progress and releases the default storage. */
  close(): Promise<void>;
};

/** A signer whose key is derived from the host secret on first use. */
function lazySigner(secret: string, now: () => Date): MediaSigner {
  const signer = deriveSecret(secret, 'media-links').then((key) => createMediaSigner({ secret: key, now }));
  return {
    sign: async (input) => (await signer).sign(input),
    verify: async (input) => (await signer).verify(input),
  };
}

/** The shared dependencies of a handler or a worker (internal). */
export function buildRuntime(options: SoraHandlerOptions, isPolling: () => boolean): Runtime {
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const dataDir = options.dataDir ?? '.sora-kit';
  const storage = options.storage ?? defaultStorage(dataDir);
  const polling = resolvePolling(options);
  const coordination = options.coordination ?? inProcessCoordinationFor(storage, nowMs);
  const leases = createLeases(coordination);
  const notifier = createNotifier();
  // Changes go out through the coordination, so streams on every instance hear them at once.
  const stopListening = coordination.subscribe((topic) => notifier.notify(topic));
  const broadcast = {
    notify: (topic: string) => {
      void coordination.publish(topic).catch(() => {}); // streams also re-read within a second
    },
  };
  const providers = createProviderRegistry(configuredProviders(options));
  return {
    provider: providers.default,
    providers,
    storage,
    blobs: options.blobs ?? defaultBlobs(dataDir),
    auth: options.auth ?? anonymousSessions({ secret: options.secret }),
    admission:
      options.admission ??
      admissionFor({
        ...options,
        storage,
        coordination,
        now: nowMs,
        capabilities: () => providers.capabilities(),
      }),
    repo: createRepository(storage, leases, coordination, nowMs),
    coordination,
    leases,
    feed: createFeed(storage, leases, broadcast),
    notifier,
    signer: lazySigner(options.secret, now),
    logger: options.logger === false ? silentLogger() : (options.logger ?? consoleLogger('info')),
    metrics: createMetrics(),
    hooks: options.hooks ?? {},
    polling,
    copyRetry: options.copy ?? {},
    limits: resolveLimits(options),
    now,
    id: options.id ?? createJobIds(now),
    capabilities: () => providers.capabilities(),
    isPolling: () => options.separateWorker === true || isPolling(),
    separateWorker: options.separateWorker === true,
    stopListening,
  };
}

/**
 * Creates the sora-kit handler.
 *
 * @example
 * const sora = createSoraHandler({ provider: fakeProvider(), secret: process.env.SORA_KIT_SECRET! });
 * app.route('/api/sora', sora);
 * sora.startPolling();
 */
export function createSoraHandler(options: SoraHandlerOptions): SoraHandler {
  assertOptions(options);
  let pollerRef: { isRunning(): boolean } | undefined;
  const rt = buildRuntime(options, () => pollerRef?.isRunning() ?? false);
  const lifecycle = createLifecycle(rt);
  const poller = createPoller(rt, lifecycle);
  pollerRef = poller;

  const identify = createMiddleware<SoraEnv>(async (c, next) => {
    const identity = await rt.auth(c);
    if (!identity || typeof identity.id !== 'string' || identity.id === '') {
      throw new HttpError(401, 'unauthorized', 'Sign in to continue.');
    }
    c.set('identity', identity);
    c.set('owner', await sha256Hex(identity.id));
    await next();
  });

  const app = new Hono<SoraEnv>();
  app.onError((error, c) => renderError(c, error, rt.logger));
  applySecurity(app, options, {
    storage: rt.storage,
    now: () => rt.now().getTime(),
    coordination: rt.coordination,
  });
  // The UI asks for capabilities first: let that request start the session (when the auth issues
  // one), so the parallel requests that follow share it. Never required here: capabilities are public.
  app.use('/capabilities', async (c, next) => {
    try {
      await rt.auth(c);
    } catch {
      // An auth adapter that rejects the caller does not make capabilities private.
    }
    await next();
  });
  app.route('/', createMetaRoutes(rt, options.metrics ?? {}));
  app.route('/', createWebhookRoutes(rt, lifecycle));
  app.route(
    '/',
    createMediaRoutes({
      blobs: rt.blobs,
      signer: rt.signer,
      now: rt.now,
      findJob: async (jobId) => {
        const record = await rt.repo.get(jobId);
        return record
          ? { status: record.job.status, asset: record.job.asset, prompt: record.job.prompt }
          : null;
      },
    }),
  );
  // '/videos/*' matches '/videos' too.
  app.use('/videos/*', identify);
  app.use('/events', identify);
  app.route('/', createVideoRoutes(rt, lifecycle));
  app.route('/', createEventRoutes(rt, lifecycle));
  // Unknown routes under the mount point answer the envelope too (a parent app's notFound would not).
  app.all('*', () => {
    throw new HttpError(404, 'not_found', 'No such route.');
  });

  return Object.assign(app, {
    startPolling: () => {
      if (rt.separateWorker) rt.logger.warn('startPolling ignored: separate workers refresh the jobs');
      else poller.start();
    },
    stopPolling: () => poller.stop(),
    pollOnce: () => poller.pollOnce(),
    close: async () => {
      await poller.close();
      if (!options.storage) await rt.storage.dispose();
      rt.stopListening();
    },
  });
}
