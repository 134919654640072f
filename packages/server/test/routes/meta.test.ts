import { Counter, Registry } from 'prom-client';
import { afterEach, expect, test } from 'vitest';
import { ProviderError } from '../../src/providers/errors.js';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness;
afterEach(async () => {
  await h.cleanup();
});

test('metrics count job transitions, durations, upstream calls and copied bytes, in Prometheus text', async () => {
  h = await harness();
  const user = browser(h.handler);
  await user.post('/videos', { prompt: 'ok' });
  await user.post('/videos', { prompt: 'ok too' });
  await user.post('/videos', { prompt: 'fake:failed' });
  await h.run(12_000);
  const response = await h.handler.request('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^sora_kit_jobs_total\{status="created",code="none"\} 3$/m);
  expect(text).toMatch(/^sora_kit_jobs_total\{status="completed",code="none"\} 2$/m);
  expect(text).toMatch(/^sora_kit_jobs_total\{status="failed",code="upstream_failed"\} 1$/m);
  expect(text).toMatch(/^sora_kit_job_duration_seconds_count\{status="completed"\} 2$/m);
  expect(text).toMatch(/^sora_kit_upstream_calls_total\{provider="memory",route="create"\} 3$/m);
  expect(text).toMatch(/^sora_kit_upstream_calls_total\{provider="memory",route="download"\} [1-9]\d*$/m);
  expect(text).toMatch(/^sora_kit_schedule_lag_seconds_count [1-9]\d*$/m);
  expect(text).toMatch(/^sora_kit_blob_bytes_copied_total\{variant="video"\} [1-9]\d*$/m);
  expect(text).toMatch(/^sora_kit_event_streams 0$/m);
  expect(text).toMatch(/# TYPE sora_kit_upstream_calls_total counter/);
});

test('upstream failures are counted by route and error kind', async () => {
  h = await harness();
  h.fake.refusals.push(new ProviderError('rate_limited', 'upstream 429', { status: 429 }));
  await browser(h.handler).post('/videos', { prompt: 'ok' });
  const text = await (await h.handler.request('/metrics')).text();
  expect(text).toMatch(
    /^sora_kit_upstream_errors_total\{provider="memory",route="create",code="rate_limited"\} 1$/m,
  );
});

test("metrics land in the host's own prom-client registry when given one", async () => {
  const registry = new Registry();
  new Counter({ name: 'host_requests_total', help: 'The host app.', registers: [registry] }).inc();
  h = await harness({ metrics: { registry } });
  await browser(h.handler).post('/videos', { prompt: 'ok' });
  const text = await registry.metrics();
  expect(text).toMatch(/^host_requests_total 1$/m);
  expect(text).toMatch(/^sora_kit_jobs_total\{status="created",code="none"\} 1$/m);
  // A second handler (a restart in the same process) shares the metrics instead of failing.
  h.restart({ metrics: { registry } });
  expect(registry.getSingleMetric('sora_kit_jobs_total')).toBeDefined();
});

test('metrics can require a bearer token or be turned off', async () => {
  h = await harness({ metrics: { token: 'scrape-me' } });
  expect((await h.handler.request('/metrics')).status).toBe(401);
  const ok = await h.handler.request('/metrics', { headers: { authorization: 'Bearer scrape-me' } });
  expect(ok.status).toBe(200);
  const off = h.restart({ metrics: false });
  const response = await off.request('/metrics');
  expect(response.status).toBe(404);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
});
