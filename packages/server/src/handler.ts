/**
 * `createSoraHandler(options)`: the whole server side of sora-kit as one Hono app. Mount it under
 * any path (`app.route('/api/sora', handler)`) or serve `handler.fetch` anywhere a Fetch-API
 * handler fits. All state lives in the storage and blob store, so any number of instances can
 * share them.
 */
import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { anonymousSessions } from './auth/anonymous-sessions.js';
import { createOwnerKeys } from './auth/owner-key.js';
import { inProcessCoordinationFor } from './coordination/memory.js';
import { defaultBlobs, defaultStorage } from './defaults.js';
import { HttpError, renderError } from './http-error.js';
import { createFeed, createNotifier } from './jobs/feed.js';
import { deriveSecret } from './jobs/hash.js';
import { createJobIds } from './jobs/ids.js';
import { createJobState } from './jobs/job-state.js';
import { createLeases } from './jobs/lease.js';
import { createLifecycle } from './jobs/lifecycle.js';
import { createPoller } from './jobs/poller.js';
import { createRepository } from './jobs/repository.js';
import type { Runtime, SoraEnv } from './jobs/runtime.js';
import { perClientLimit, sessionCreationLimit } from './limits/client-limit.js';
import { admissionFor, clientLimitsOf } from './limits/resolve.js';
import { warnIfSharpMissing } from './media/sharp-probe.js';
import { createMediaSigner, type MediaSigner } from './media/signing.js';
import { instrumentProvider } from './observability/instrumented-provider.js';
import { resolveLogger, withFields } from './observability/logger.js';
import { createSoraMetrics } from './observability/metrics.js';
import { observeRequests } from './observability/request.js';
import { createStreamTracker } from './observability/streams.js';
import { assertOptions, resolveLimits, resolvePolling, type SoraHandlerOptions } from './options.js';
import { configuredProviders, createProviderRegistry } from './providers/registry.js';
import { clientAddressOf, resolvePublicUrl } from './proxy.js';
import { createEventRoutes } from './routes/events.js';
import { createMediaRoutes } from './routes/media.js';
import { createMetaRoutes } from './routes/meta.js';
import { createReadyRoute } from './routes/ready.js';
import { createVideoRoutes } from './routes/videos.js';
import { createWebhookRoutes } from './routes/webhooks.js';
import { applySecurity } from './security/apply.js';
import { fetchUnder, publicUrlMiddleware } from './security/mount.js';
import { createShutdown, type ShutdownOptions } from './shutdown.js';

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
  /**
   * Graceful shutdown: refuses new jobs and event streams (503), closes open event streams with
   * a reconnect hint, lets copies and refreshes in flight finish up to `deadlineMs` (default
   * 25 s; past it they are cut short and resume on another instance), then releases the default
   * storage. `/ready` answers 503 from the first moment.
   */
  close(options?: ShutdownOptions): Promise<void>;
  /** The `basePath` option (or `publicUrl`'s path) normalized, e.g. `/api/sora`; unset when not given. */
  readonly basePath: string | undefined;
};

/** A signer whose key is derived from the host secret on first use (not at start: Web Crypto's first use is slow). */
function lazySigner(secret: string, now: () => Date): MediaSigner {
  let signer: Promise<MediaSigner> | undefined;
  const ready = () => {
    signer ??= deriveSecret(secret, 'media-links').then((key) => createMediaSigner({ secret: key, now }));
    return signer;
  };
  return {
    sign: async (input) => (await ready()).sign(input),
    verify: async (input) => (await ready()).verify(input),
  };
}

/** `<publicUrl>/webhooks/<provider>` when webhooks are on and the public URL is known at start. */
function webhookUrls(options: SoraHandlerOptions): (provider: string) => string | undefined {
  const base = options.webhooks?.enabled ? resolvePublicUrl(options).publicUrl : undefined;
  return (provider) => (base ? `${base}/webhooks/${encodeURIComponent(provider)}` : undefined);
}

/** The shared dependencies of a handler or a worker (internal). */
export function buildRuntime(options: SoraHandlerOptions, stopping: AbortSignal): Runtime {
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
      void coordination.publish(topic).catch(() => {}); // the feed watcher catches it within a second
    },
  };
  const loop = { running: false };
  const metrics = createSoraMetrics(options.metrics ? options.metrics.registry : undefined);
  const repo = createRepository(storage, leases, coordination, nowMs);
  const feed = createFeed(storage, leases, notifier, broadcast);
  const providers = createProviderRegistry(
    configuredProviders(options).map((provider) => instrumentProvider(provider, metrics)),
  );
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
    repo,
    jobs: createJobState(repo, feed),
    coordination,
    leases,
    feed,
    notifier,
    signer: lazySigner(options.secret, now),
    logger: resolveLogger(options.logger, [options.secret]),
    metrics,
    streams: createStreamTracker(metrics),
    stopping,
    hooks: options.hooks ?? {},
    polling,
    copyRetry: options.copy ?? {},
    limits: resolveLimits(options),
    now,
    id: options.id ?? createJobIds(now),
    capabilities: () => providers.capabilities(),
    isPolling: () => options.separateWorker === true || loop.running,
    loop,
    separateWorker: options.separateWorker === true,
    stopListening,
    webhookUrl: webhookUrls(options),
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
  const publicUrl = resolvePublicUrl(options);
  const stopping = new AbortController();
  const rt = buildRuntime(options, stopping.signal);
  const lifecycle = createLifecycle(rt);
  const poller = createPoller(rt, lifecycle);
  warnIfSharpMissing(rt.logger);
  const shutdown = createShutdown({ rt, poller, lifecycle, stopping, ownsStorage: !options.storage });

  const clientLimits = clientLimitsOf(options.limits);
  const clientDeps = {
    storage: rt.storage,
    now: () => rt.now().getTime(),
    clientAddress: clientAddressOf,
    coordination: rt.coordination,
  };
  const sessionCheck = clientLimits.sessions
    ? sessionCreationLimit(clientLimits.sessions, clientDeps)
    : undefined;
  /** The auth adapter, with the per-client limit on new sessions. */
  const authenticate = async (c: Context<SoraEnv>) => {
    const identity = await rt.auth(c);
    const waitSeconds = sessionCheck && c.get('soraSessionIssued') ? await sessionCheck(c) : 0;
    if (waitSeconds > 0) {
      throw new HttpError(429, 'rate_limited', 'Too many new sessions from here', {
        retryAfterSeconds: waitSeconds,
      });
    }
    return identity;
  };

  const ownerKey = createOwnerKeys();
  const identify = createMiddleware<SoraEnv>(async (c, next) => {
    const identity = await authenticate(c);
    if (!identity || typeof identity.id !== 'string' || identity.id === '') {
      throw new HttpError(401, 'unauthorized', 'Sign in to continue.');
    }
    c.set('identity', identity);
    c.set('owner', await ownerKey(identity.id));
    await next();
  });

  const app = new Hono<SoraEnv>();
  app.onError((error, c) => renderError(c, error, withFields(rt.logger, { requestId: c.get('requestId') })));
  // First: every later step (links, the origin check, the cookie) reads what this records.
  app.use('*', publicUrlMiddleware(publicUrl));
  app.use('*', observeRequests(rt.logger));
  app.use('*', shutdown.guard);
  applySecurity(app, options, rt.logger);
  // The UI asks for capabilities first: let that request start the session (when the auth issues
  // one), so the parallel requests that follow share it. Never required here: capabilities are public.
  app.use('/capabilities', async (c, next) => {
    try {
      await authenticate(c);
    } catch {
      // An auth adapter that rejects the caller does not make capabilities private.
    }
    await next();
  });
  app.route('/', createMetaRoutes(rt, options.metrics));
  // `/ready` pings the coordination the host configured (Redis, PostgreSQL); the in-process
  // default lives in this process, so there is nothing to check.
  app.route('/', createReadyRoute(rt, shutdown.isClosing, options.coordination, options.ready));
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
  // After the identity (anonymous callers are counted by address), before any body is read.
  if (clientLimits.perClient) app.use('/videos/*', perClientLimit(clientLimits.perClient, clientDeps));
  app.route('/', createVideoRoutes(rt, lifecycle));
  app.route('/', createEventRoutes(rt, lifecycle));
  // Unknown routes under the mount point answer the envelope too (a parent app's notFound would not).
  app.all('*', () => {
    throw new HttpError(404, 'not_found', 'No such route.');
  });

  return Object.assign(app, {
    // With a basePath, `fetch` takes whole URLs (Next.js, Bun, Deno); `app.route(basePath, sora)`
    // in a Hono app uses the routes and works either way.
    fetch: fetchUnder(app, publicUrl.basePath ?? ''),
    basePath: publicUrl.basePath,
    startPolling: () => {
      if (rt.separateWorker) rt.logger.warn('startPolling ignored: separate workers refresh the jobs');
      else poller.start();
    },
    stopPolling: () => poller.stop(),
    pollOnce: () => poller.pollOnce(),
    close: async (closeOptions?: ShutdownOptions) => {
      await shutdown.close(closeOptions);
      rt.stopListening();
    },
  });
}
