/**
 * The handler's security middleware in the order it must run: CORS first (a preflight must be
 * answered before anything refuses it), then the cross-site check, then the per-client limit,
 * then the webhook body limit.
 */
import type { Context, Env, Hono } from 'hono';
import type { Storage } from 'unstorage';
import type { Coordination } from '../coordination/types.js';
import { perClientLimit } from '../limits/client-limit.js';
import { isAdmissionControl, type LimitsOptions } from '../limits/resolve.js';
import type { AdmissionControl } from '../limits/types.js';
import { bodySizeLimit } from './body-limit.js';
import { type CorsOptions, corsMiddleware, corsOrigins } from './cors.js';
import { crossSiteProtection } from './origin.js';

/** The handler options this middleware reads. */
export interface SecurityOptions {
  /** Other origins allowed to make state-changing requests. */
  allowedOrigins?: readonly string[];
  /** CORS for pages on other origins; off when absent. */
  cors?: CorsOptions;
  /** The handler's limits; only `perClient` is read here. */
  limits?: AdmissionControl | LimitsOptions | false;
}

/** What the per-client limit needs from the handler. */
export interface SecurityDeps {
  storage: Storage;
  /** Epoch milliseconds. */
  now: () => number;
  /** Where the per-client counters live (default: in-process, per storage). */
  coordination?: Coordination;
}

/** Largest webhook body read (provider events are a few hundred bytes). */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/** Whether a request is a provider webhook: server to server, authenticated by its signature. */
export function isWebhookRequest(c: Context): boolean {
  return /\/webhooks\/[^/]+\/?$/.test(c.req.path);
}

/**
 * Installs CORS (when configured), cross-site protection, the per-client limit (when configured)
 * and the webhook body limit on `app`. Call it before mounting the routes.
 */
export function applySecurity<E extends Env>(
  app: Hono<E>,
  options: SecurityOptions,
  deps?: SecurityDeps,
): void {
  if (options.cors) app.use('*', corsMiddleware(options.cors));
  const allowedOrigins = [
    ...(options.allowedOrigins ?? []),
    ...(options.cors ? corsOrigins(options.cors) : []),
  ];
  app.use('*', crossSiteProtection({ allowedOrigins, exempt: isWebhookRequest }));
  const perClient =
    options.limits && !isAdmissionControl(options.limits) ? options.limits.perClient : undefined;
  if (perClient && deps) app.use('*', perClientLimit(perClient, deps.storage, deps.now, deps.coordination));
  // Counted while streaming, so an endless webhook body is cut off instead of buffered.
  app.use('/webhooks/*', bodySizeLimit({ jsonBytes: MAX_WEBHOOK_BODY_BYTES, maxReferenceBytes: 0 }));
}
