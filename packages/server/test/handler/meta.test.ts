import { afterEach, expect, test } from 'vitest';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness;
afterEach(async () => {
  await h.cleanup();
});

test('metrics count created, completed and failed jobs and upstream calls, in Prometheus text', async () => {
  h = await harness();
  const user = browser(h.handler);
  await user.post('/videos', { prompt: 'ok' });
  await user.post('/videos', { prompt: 'fake:failed' });
  await h.run(12_000);
  const response = await h.handler.request('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^sora_jobs_created_total 2$/m);
  expect(text).toMatch(/^sora_jobs_completed_total 1$/m);
  expect(text).toMatch(/^sora_jobs_failed_total\{code="upstream_failed"\} 1$/m);
  expect(text).toMatch(/^sora_upstream_calls_total\{operation="create"\} 2$/m);
  expect(text).toMatch(/# TYPE sora_upstream_calls_total counter/);
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
