/**
 * What a log line or span is about: the request being served and the job being worked on. Kept in
 * an AsyncLocalStorage so lines logged deep in the lifecycle carry both without threading them
 * through every call.
 */

/** The request and job the current async work belongs to. */
export interface WorkContext {
  requestId?: string;
  jobId?: string;
}

/**
 * Node's AsyncLocalStorage, fetched at run time so the handler still loads where there is none
 * (the in-browser mock of `@sora-kit/server/testing`): there, work simply has no context.
 */
interface ContextStorage {
  getStore(): WorkContext | undefined;
  run<R>(store: WorkContext, fn: () => R): R;
}

function createStorage(): ContextStorage {
  const hooks = globalThis.process?.getBuiltinModule?.('node:async_hooks') as
    | typeof import('node:async_hooks')
    | undefined;
  if (hooks) return new hooks.AsyncLocalStorage<WorkContext>();
  return { getStore: () => undefined, run: (_store, fn) => fn() };
}

const storage = createStorage();

/** The current context, when inside a request or a job's refresh. */
export function currentWork(): WorkContext | undefined {
  return storage.getStore();
}

/** Runs `fn` inside a request with this id. */
export function withRequest<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** Runs `fn` as work on one job (inside the current request, if any). */
export function withJob<T>(jobId: string, fn: () => T): T {
  const current = storage.getStore();
  if (current?.jobId === jobId) return fn();
  return storage.run({ requestId: current?.requestId, jobId }, fn);
}

/** Marks the rest of the current request as about this job (a job created by it). */
export function markJob(jobId: string): void {
  const current = storage.getStore();
  if (current) current.jobId = jobId;
}

/** An incoming `X-Request-Id` worth keeping: short, and only characters safe in a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The incoming request id when sane, else a new one. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SANE_REQUEST_ID.test(header) ? header : crypto.randomUUID();
}
