/** `GET /health`, `GET /capabilities` and `GET /metrics`. */
import { Hono } from 'hono';
import { HttpError } from '../http-error.js';
import type { Runtime } from '../jobs/runtime.js';
import { capabilitiesOf } from './videos.js';

/** The metrics route's protection: off, open, or behind a bearer token. */
export type MetricsSetting = false | { token?: string };

/** Constant-time comparison of two strings of any length. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** The meta routes as a Hono sub-app (no identity needed). */
export function createMetaRoutes(rt: Runtime, metrics: MetricsSetting): Hono {
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
