/**
 * Graceful shutdown of one handler: from the first moment, new jobs and event streams are refused
 * (503, so a load balancer's retry lands elsewhere) and `/ready` fails; open event streams end with
 * a reconnect hint; refreshes and copies in flight get until the deadline, then are cut short
 * (their leases lapse and another instance resumes them, the copy being idempotent).
 */
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.js';
import type { Lifecycle } from './jobs/lifecycle.js';
import type { Poller } from './jobs/poller.js';
import type { Runtime } from './jobs/runtime.js';

/** Options of `handler.close()`. */
export interface ShutdownOptions {
  /** How long work in flight may take to finish (default 25000 ms). */
  deadlineMs?: number;
}

/** What the shutdown stops. */
interface ShutdownParts {
  rt: Runtime;
  poller: Pick<Poller, 'close'>;
  lifecycle: Pick<Lifecycle, 'inFlight'>;
  stopping: AbortController;
  /** Whether the handler made its storage (and so disposes of it). */
  ownsStorage: boolean;
}

/** How often the drain looks at the count of refreshes in flight. */
const DRAIN_CHECK_MS = 25;

/** Resolves once no refresh is in flight. */
async function idle(lifecycle: Pick<Lifecycle, 'inFlight'>, signal: AbortSignal): Promise<void> {
  while (lifecycle.inFlight() > 0 && !signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, DRAIN_CHECK_MS));
  }
}

/** Resolves true when `work` settles before `ms`, false otherwise. */
function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}

/** Creates the shutdown of one handler. */
export function createShutdown(parts: ShutdownParts) {
  const { rt, poller, lifecycle, stopping } = parts;
  let closing: Promise<void> | undefined;

  /** Refuses what would start new work once closing: creations, retries, remixes, webhooks, streams. */
  const guard: MiddlewareHandler = async (c, next) => {
    if (closing && (c.req.method === 'POST' || c.req.path.endsWith('/events'))) {
      c.header('Retry-After', '1');
      throw new HttpError(503, 'unavailable', 'This server is shutting down; try again.');
    }
    await next();
  };

  async function drain(deadlineMs: number): Promise<void> {
    rt.streams.closeAll();
    const work = Promise.all([poller.close(), idle(lifecycle, stopping.signal)]);
    if (!(await within(work, deadlineMs))) {
      rt.logger.warn('shutdown deadline passed; cutting work in flight short', {
        inFlight: lifecycle.inFlight(),
      });
      stopping.abort();
      // Cut-short copies unwind quickly (their downloads are aborted); do not wait forever for them.
      await within(work, Math.min(deadlineMs, 5000));
    }
    if (parts.ownsStorage) await rt.storage.dispose();
  }

  return {
    guard,
    isClosing: () => closing !== undefined,
    /** Closes once; later calls wait for the same shutdown. */
    close(options: ShutdownOptions = {}): Promise<void> {
      closing ??= drain(options.deadlineMs ?? 25_000);
      return closing;
    },
  };
}
