/** `GET /health`, `GET /capabilities` and `GET /metrics`. */
import { Hono } from 'hono';
import { HttpError } from '../http-error.js';
import type { Runtime } from '../jobs/runtime.js';
import { sameText } from '../security/same-text.js';
import { capabilitiesOf } from './videos.js';

/** The metrics route's protection: off, open, or behind a bearer token. */
export type MetricsSetting = false | { token?: string };


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
    app.get('/metrics', (c) => {
      const token = metrics.token;
      if (token !== undefined && !sameText(c.req.header('authorization') ?? '', `Bearer ${token}`)) {
        throw new HttpError(401, 'unauthorized', 'The metrics need a bearer token.');
      }
      return c.body(rt.metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
    });
  }

  return app;
}
