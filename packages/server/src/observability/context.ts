/**
 * The request id: the caller's `X-Request-Id` when sane, else a new one.
 *
 * There is deliberately no AsyncLocalStorage of sora-kit's own to carry the request and job
 * through async work: on Node 20 and 22 an enabled AsyncLocalStorage turns on promise hooks for
 * the whole process, which measured 12 % off a bare Hono app's own routes in the same process and
 * 18 % off our status read. Log lines name their request and job in explicit fields instead, and
 * spans carry the job through OpenTelemetry's own context (see `withJobSpans` in `tracing.ts`),
 * which the host's context manager already propagates.
 */

/** An incoming `X-Request-Id` worth keeping: short, and only characters safe in a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The incoming request id when sane, else a new one. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SANE_REQUEST_ID.test(header) ? header : crypto.randomUUID();
}
