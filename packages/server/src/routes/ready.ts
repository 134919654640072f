/**
 * `GET /ready`: whether this instance can serve — its storage, its blob store and, when the host
 * configured one, its coordination layer (anything with `ping()`) answer within a time limit.
 * 200 `{ ok: true, checks }` when all do; 503 with the error envelope naming what failed, so a load
 * balancer stops sending traffic while a dependency is down and resumes when it is back.
 */
import { Hono } from 'hono';
import type { Runtime } from '../jobs/runtime.js';

/** Something whose reachability can be checked (a coordination layer, a database pool, …). */
export interface Pingable {
  ping(): Promise<unknown>;
}

/** Options of `/ready`. */
export interface ReadinessOptions {
  /** More dependencies to check, by name (`{ queue: myQueue }`). */
  checks?: Record<string, Pingable>;
  /** How long one check may take before it counts as failed (default 2000 ms). */
  timeoutMs?: number;
}

/** A probe key nobody writes: reading it proves a round trip to the store. */
const PROBE_KEY = 'sora-kit-ready-probe';

function isPingable(value: unknown): value is Pingable {
  return typeof (value as Pingable | undefined)?.ping === 'function';
}

/** Resolves true when `check` settles without error inside `timeoutMs`. */
function passes(check: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    check().then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}

/**
 * The readiness route. `coordination` is the handler option of that name when it has `ping()`
 * (the scale-out coordination layer plugs in here without further wiring).
 */
export function createReadyRoute(
  rt: Runtime,
  isClosing: () => boolean,
  coordination: unknown,
  options: ReadinessOptions = {},
): Hono {
  const timeoutMs = options.timeoutMs ?? 2000;
  const checks: Record<string, () => Promise<unknown>> = {
    storage: () => rt.storage.hasItem(PROBE_KEY),
    blobs: () => rt.blobs.stat(PROBE_KEY),
  };
  if (isPingable(coordination)) checks.coordination = () => coordination.ping();
  for (const [name, target] of Object.entries(options.checks ?? {})) checks[name] = () => target.ping();

  const app = new Hono();
  app.get('/ready', async (c) => {
    const names = Object.keys(checks);
    const results = await Promise.all(
      names.map((name) => passes(checks[name] as () => Promise<unknown>, timeoutMs)),
    );
    const status = Object.fromEntries(names.map((name, i) => [name, results[i] ? 'ok' : 'failed']));
    const unreachable = names.filter((_, i) => !results[i]);
    // A draining instance is alive but must get no new traffic.
    const closing = isClosing();
    const failed = closing ? ['shutdown', ...unreachable] : unreachable;
    c.header('Cache-Control', 'no-store');
    if (failed.length === 0) return c.json({ ok: true, checks: status });
    rt.logger.warn('not ready', { failed: failed.join(',') });
    const reasons = [
      ...(closing ? ['shutting down'] : []),
      ...(unreachable.length ? [`${unreachable.join(', ')} unreachable`] : []),
    ];
    return c.json(
      {
        error: {
          code: 'unavailable',
          message: `Not ready: ${reasons.join('; ')}.`,
          details: { failed, checks: status },
        },
      },
      503,
    );
  });
  return app;
}
