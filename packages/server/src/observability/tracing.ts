/**
 * OpenTelemetry spans through `@opentelemetry/api`, an optional peer: used when the host has it
 * installed and has registered a tracer provider (or context manager, propagator), else every
 * helper here just runs the work (no cost beyond a branch). Spans go to whatever tracer provider
 * the host registered.
 */
import type * as OtelApi from '@opentelemetry/api';
import { nodeRequire } from '../node-require.js';

type Attributes = Record<string, string | number | boolean | undefined>;

/** The attribute naming the job a span worked on. */
export const JOB_ID_ATTRIBUTE = 'sora_kit.job_id';

/**
 * The key under which `@opentelemetry/api` (every 1.x) keeps what a host registered: its tracer
 * provider, context manager and propagator. Until something is there, every span the API makes is
 * a no-op, so the API (some 50 modules) is not loaded at start, only once a host has registered.
 */
const OTEL_GLOBAL = Symbol.for('opentelemetry.js.api.1');

/** The API when installed; synchronous (createRequire), and skipped where Node's modules are absent. */
function loadApi(): typeof OtelApi | undefined {
  try {
    return nodeRequire()?.('@opentelemetry/api') as typeof OtelApi | undefined;
  } catch {
    return undefined;
  }
}

let api: typeof OtelApi | undefined;
let loaded = false;
let jobKey: symbol | undefined;

/** The API once a host registered a tracer provider (or context manager, propagator); else none. */
function registeredApi(): typeof OtelApi | undefined {
  if (!loaded && (globalThis as Record<symbol, unknown>)[OTEL_GLOBAL] !== undefined) {
    loaded = true;
    api = loadApi();
  }
  return api;
}

/** The context key naming the job the current work is about. */
function jobKeyOf(otel: typeof OtelApi): symbol {
  jobKey ??= otel.createContextKey(JOB_ID_ATTRIBUTE);
  return jobKey;
}

/**
 * Runs `fn` as work on one job: every span started inside it (provider calls) names the job. The
 * job rides in OpenTelemetry's context, so it reaches async work exactly as far as the host's
 * context manager propagates the spans themselves; without a registered API this just runs `fn`.
 */
export function withJobSpans<T>(jobId: string, fn: () => T): T {
  const otel = registeredApi();
  if (!otel) return fn();
  const active = otel.context.active();
  const key = jobKeyOf(otel);
  if (active.getValue(key) === jobId) return fn();
  return otel.context.with(active.setValue(key, jobId), fn);
}

/** The span kinds sora-kit makes: a request it serves, a provider call it makes. */
export type SpanRole = 'server' | 'client' | 'internal';

/** A started span's small surface, for the request middleware. */
export interface SpanHandle {
  setAttribute(key: string, value: string | number | boolean): void;
  updateName(name: string): void;
  fail(): void;
  isRecording(): boolean;
}

function kindOf(otel: typeof OtelApi, role: SpanRole): OtelApi.SpanKind {
  const kinds = otel.SpanKind;
  return role === 'server' ? kinds.SERVER : role === 'client' ? kinds.CLIENT : kinds.INTERNAL;
}

/**
 * Runs `fn` inside a new active span (a child of the current one), ending it when `fn` settles;
 * a throw marks it failed. The job of the surrounding `withJobSpans`, if any, becomes an attribute.
 */
export async function inSpan<T>(
  name: string,
  role: SpanRole,
  attributes: Attributes,
  fn: (span: SpanHandle | undefined) => Promise<T>,
): Promise<T> {
  const otel = registeredApi();
  if (!otel) return fn(undefined);
  const tracer = otel.trace.getTracer('@sora-kit/server');
  const jobId = otel.context.active().getValue(jobKeyOf(otel));
  const named = typeof jobId === 'string' ? { ...attributes, [JOB_ID_ATTRIBUTE]: jobId } : attributes;
  return tracer.startActiveSpan(name, { kind: kindOf(otel, role), attributes: named }, async (span) => {
    const handle: SpanHandle = {
      setAttribute: (key, value) => span.setAttribute(key, value),
      updateName: (next) => span.updateName(next),
      fail: () => span.setStatus({ code: otel.SpanStatusCode.ERROR }),
      isRecording: () => span.isRecording(),
    };
    try {
      return await fn(handle);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      handle.fail();
      throw error;
    } finally {
      span.end();
    }
  });
}
