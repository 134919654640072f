/**
 * What a log line or span is about: the request being served and the job being worked on. Kept in
 * an AsyncLocalStorage so lines logged deep in the lifecycle carry both without threading them
 * through every call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The request and job the current async work belongs to. */
export interface WorkContext {
  requestId?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<WorkContext>();

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
