/**
 * The handler's security middleware in the order it must run: response headers around everything,
 * CORS (a preflight must be answered before anything refuses it), then the cross-site check, then
 * the webhook body limit. The per-client limits need the identity, so the handler mounts them later.
 */
import type { Context, Env, Hono } from 'hono';
import type { Logger } from '../logger.js';
import { bodySizeLimit } from './body-limit.js';
import { type CorsOptions, corsMiddleware, corsOrigins } from './cors.js';
import { crossSiteProtection } from './origin.js';
import { apiResponseHeaders } from './response-headers.js';

/** The handler options this middleware reads. */
export interface SecurityOptions {
  /** Other origins allowed to make state-changing requests. */
  allowedOrigins?: readonly string[];
  /** CORS for pages on other origins; off when absent. */
  cors?: CorsOptions;
}

/** How many distinct refused page origins are logged; past it, refusals stay silent (no log flood). */
const LOGGED_ORIGINS = 100;

/** Largest webhook body read (provider events are a few hundred bytes). */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/** Whether a request is a provider webhook: server to server, authenticated by its signature. */
export function isWebhookRequest(c: Context): boolean {
  return /\/webhooks\/[^/]+\/?$/.test(c.req.path);
}

/**
 * Installs the response headers, CORS (when configured), cross-site protection and the webhook
 * body limit on `app`. Call it before mounting the routes.
 */
export function applySecurity<E extends Env>(app: Hono<E>, options: SecurityOptions, logger?: Logger): void {
  app.use('*', apiResponseHeaders());
  if (options.cors) app.use('*', corsMiddleware(options.cors));
  const allowedOrigins = [
    ...(options.allowedOrigins ?? []),
    ...(options.cors ? corsOrigins(options.cors) : []),
  ];
  // A refused page is most often the host's own behind a proxy it has not told us about: say so
  // in the log once per page origin, not only in the 403 the browser sees.
  const logged = new Set<string>();
  const onRefused = (_c: Context, message: string, page: string | undefined) => {
    const key = page ?? '(no origin)';
    if (!logger || logged.has(key) || logged.size >= LOGGED_ORIGINS) return;
    logged.add(key);
    logger.warn(`sora-kit: refused a state change from ${key}: ${message}`);
  };
  app.use('*', crossSiteProtection({ allowedOrigins, exempt: isWebhookRequest, onRefused }));
  // Counted while streaming, so an endless webhook body is cut off instead of buffered.
  app.use('/webhooks/*', bodySizeLimit({ jsonBytes: MAX_WEBHOOK_BODY_BYTES, maxReferenceBytes: 0 }));
}
