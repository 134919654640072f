/** `GET /health`, `GET /capabilities` and `GET /metrics`. */
import { Hono } from 'hono';
import { sameText } from '../crypto.js';
import { HttpError } from '../http-error.js';
import type { Runtime } from '../jobs/runtime.js';
import { capabilitiesOf } from './videos.js';

/**
 * The metrics route's protection: off, behind a bearer token, or open. Left unset it is open in
 * development and off when `NODE_ENV` is `production` (give a `token`, or `public: true` to opt in).
 */
export type MetricsSetting = false | { token?: string; public?: boolean };

/** Whether `GET /metrics` is served, and behind which token. */
export function metricsAccess(
  setting: MetricsSetting | undefined,
  env: string | undefined,
): false | { token?: string } {
  if (setting === false) return false;
  if (setting?.token !== undefined) return { token: setting.token };
  if (setting?.public === true || env !== 'production') return {};
  return false;
}

/** The meta routes as a Hono sub-app (no identity needed). */
export function createMetaRoutes(rt: Runtime, setting: MetricsSetting | undefined): Hono {
  const metrics = metricsAccess(setting, globalThis.process?.env?.NODE_ENV);
  const app = new Hono();

  app.get('/health', (c) => c.json({ ok: true }));

  app.get('/capabilities', async (c) => {
    // private: the answer may carry a new session cookie, which no shared cache may keep.
    c.header('Cache-Control', 'private, max-age=60');
    return c.json(await capabilitiesOf(rt));
  });

  if (metrics !== false) {
    app.get('/metrics', async (c) => {
      const token = metrics.token;
      if (token !== undefined && !sameText(c.req.header('authorization') ?? '', `Bearer ${token}`)) {
        throw new HttpError(401, 'unauthorized', 'The metrics need a bearer token.');
      }
      const registry = rt.metrics.registry;
      return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    });
  }

  return app;
}
