/**
 * The handler's Prometheus metrics (prom-client), all named `sora_kit_…`. Each handler registers
 * them in the host's registry when given one (so `/metrics` of the host shows both), else in its
 * own; two handlers sharing a registry share the metrics instead of failing on the second.
 * prom-client is loaded at run time through Node's require: where Node's modules are absent (the
 * in-browser mock of `@sora-kit/server/testing`) the metrics count nothing and render empty.
 */
import type * as PromClient from 'prom-client';
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { nodeRequire } from '../node-require.js';

/** Job outcomes counted by {@link SoraMetrics.jobs}. */
export type JobTransition = 'created' | 'completed' | 'failed';

/** Seconds buckets for a job's whole run (video generation takes seconds to many minutes). */
const JOB_BUCKETS = [5, 10, 20, 30, 60, 90, 120, 180, 300, 600, 1200, 1800];
/** Seconds buckets for one provider call. */
const CALL_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Seconds buckets for how late a due refresh runs. */
const LAG_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];

function existing<T>(registry: Registry, name: string): T | undefined {
  return registry.getSingleMetric(name) as T | undefined;
}

/** The parts of prom-client the handler uses. */
type PromParts = Pick<typeof PromClient, 'Registry' | 'Counter' | 'Gauge' | 'Histogram'>;

/**
 * prom-client's own modules for the four classes: its index also loads the summary (tdigest), the
 * push gateway (http, https), the default and cluster metrics — two thirds of its load time, at
 * every cold start. These are the same classes its index exports (it has no exports map).
 */
function loadPromClient(): PromParts | undefined {
  const load = nodeRequire();
  if (!load) return undefined;
  return {
    Registry: load('prom-client/lib/registry'),
    Counter: load('prom-client/lib/counter'),
    Gauge: load('prom-client/lib/gauge'),
    Histogram: load('prom-client/lib/histogram'),
  };
}

const prom = loadPromClient();

/** A metric that records nothing (no prom-client here). */
function inert<T>(): T {
  const nothing = () => {};
  return { inc: nothing, dec: nothing, observe: nothing, startTimer: () => nothing } as T;
}

/** A registry that holds nothing (no prom-client here). */
const inertRegistry = {
  metrics: async () => '',
  contentType: 'text/plain; version=0.0.4; charset=utf-8',
  getSingleMetric: () => undefined,
} as unknown as Registry;

/** Creates (or reuses, in a shared registry) every metric of the handler. */
export function createSoraMetrics(given?: Registry) {
  const registry = given ?? (prom ? new prom.Registry() : inertRegistry);
  const counter = <L extends string>(name: string, help: string, labelNames: L[]): Counter<L> =>
    prom
      ? (existing<Counter<L>>(registry, name) ??
        new prom.Counter<L>({ name, help, labelNames, registers: [registry] }))
      : inert<Counter<L>>();
  const histogram = <L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    buckets: number[],
  ): Histogram<L> =>
    prom
      ? (existing<Histogram<L>>(registry, name) ??
        new prom.Histogram<L>({ name, help, labelNames, buckets, registers: [registry] }))
      : inert<Histogram<L>>();
  const gauge = <L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> =>
    prom
      ? (existing<Gauge<L>>(registry, name) ??
        new prom.Gauge<L>({ name, help, labelNames, registers: [registry] }))
      : inert<Gauge<L>>();

  return {
    registry,
    /** Job transitions: created, completed, failed (with the failure's code; `none` otherwise). */
    jobs: counter('sora_kit_jobs_total', 'Job transitions, by status (and error code for failures).', [
      'status',
      'code',
    ]),
    /** From an attempt's start to its end, completed or failed. */
    jobDuration: histogram(
      'sora_kit_job_duration_seconds',
      'Time from a job attempt starting to its completion or failure.',
      ['status'],
      JOB_BUCKETS,
    ),
    upstreamCalls: counter('sora_kit_upstream_calls_total', 'Calls to a video provider, by route.', [
      'provider',
      'route',
    ]),
    upstreamErrors: counter(
      'sora_kit_upstream_errors_total',
      'Failed calls to a video provider, by route and error code.',
      ['provider', 'route', 'code'],
    ),
    upstreamDuration: histogram(
      'sora_kit_upstream_duration_seconds',
      'Duration of one provider call (for downloads, until the response starts).',
      ['provider', 'route'],
      CALL_BUCKETS,
    ),
    scheduleLag: histogram(
      'sora_kit_schedule_lag_seconds',
      'How late a due job refresh runs after its scheduled time.',
      [],
      LAG_BUCKETS,
    ),
    eventStreams: gauge('sora_kit_event_streams', 'Server-sent event streams open now.', []),
    blobBytes: counter(
      'sora_kit_blob_bytes_copied_total',
      'Bytes copied from providers into the blob store.',
      ['variant'],
    ),
  };
}

/** The metrics of one handler. */
export type SoraMetrics = ReturnType<typeof createSoraMetrics>;
