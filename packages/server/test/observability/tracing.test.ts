/**
 * With `@opentelemetry/api` installed and a tracer provider registered by the host, each request
 * gets a server span and each provider call a client span under it, tagged with the job id.
 */
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { browser, type Harness, harness } from '../support/harness.js';

const exporter = new InMemorySpanExporter();
let h: Harness;

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
});
afterAll(() => {
  trace.disable();
  context.disable();
});
afterEach(async () => {
  exporter.reset();
  await h.cleanup();
});

function parentOf(span: ReadableSpan): string | undefined {
  const s = span as ReadableSpan & { parentSpanId?: string };
  return s.parentSpanContext?.spanId ?? s.parentSpanId;
}

test('a create request has a server span and a provider span under it, both naming the job', async () => {
  h = await harness();
  const { body } = await browser(h.handler).post('/videos', { prompt: 'ok' });
  const jobId = (body as { jobId: string }).jobId;
  const spans = exporter.getFinishedSpans();
  const request = spans.find((s) => s.name === 'sora-kit POST /videos');
  const create = spans.find((s) => s.name === 'memory create');
  expect(request?.attributes['sora_kit.job_id']).toBe(jobId);
  expect(request?.attributes['http.response.status_code']).toBe(202);
  expect(create?.attributes['sora_kit.job_id']).toBe(jobId);
  expect(parentOf(create as ReadableSpan)).toBe(request?.spanContext().spanId);
  expect(create?.spanContext().traceId).toBe(request?.spanContext().traceId);
});

test('background refreshes trace each provider call with the job id', async () => {
  h = await harness();
  const { body } = await browser(h.handler).post('/videos', { prompt: 'ok' });
  const jobId = (body as { jobId: string }).jobId;
  exporter.reset();
  await h.run(12_000);
  const calls = exporter.getFinishedSpans().filter((s) => s.name.startsWith('memory '));
  const names = new Set(calls.map((s) => s.name));
  expect(names).toContain('memory retrieve');
  expect(names).toContain('memory download');
  for (const span of calls) expect(span.attributes['sora_kit.job_id']).toBe(jobId);
});

test('a failed provider call marks its span as an error', async () => {
  h = await harness();
  const { ProviderError } = await import('../../src/providers/errors.js');
  h.fake.refusals.push(new ProviderError('unavailable', 'upstream 500', { status: 500 }));
  await browser(h.handler).post('/videos', { prompt: 'ok' });
  const create = exporter.getFinishedSpans().find((s) => s.name === 'memory create');
  expect(create?.status.code).toBe(2); // SpanStatusCode.ERROR
  expect(create?.events.some((e) => e.name === 'exception')).toBe(true);
});
