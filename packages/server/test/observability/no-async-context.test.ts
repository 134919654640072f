/**
 * Serving the API turns on no AsyncLocalStorage: on Node 20 and 22 one that is entered switches on
 * promise hooks for the whole process, slowing every route of the host's app (12 % off a bare
 * Hono route, measured), not only ours. Logs still name the request and the job (logs.test.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, expect, test, vi } from 'vitest';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.cleanup();
});

test('creating, polling, reading and listing videos enter no AsyncLocalStorage', async () => {
  const run = vi.spyOn(AsyncLocalStorage.prototype, 'run');
  const enterWith = vi.spyOn(AsyncLocalStorage.prototype, 'enterWith');
  h = await harness({ logger: { debug() {}, info() {}, warn() {}, error() {} } });
  const user = browser(h.handler);
  const created = await user.post('/videos', { prompt: 'a lighthouse at dusk' });
  expect(created.status).toBe(202);
  const { jobId } = created.body as { jobId: string };
  await h.run(12_000);
  const read = await user.json<{ status: string }>(`/videos/${jobId}`);
  expect(read.body.status).toBe('completed');
  expect((await user.json('/videos')).status).toBe(200);
  expect(run).not.toHaveBeenCalled();
  expect(enterWith).not.toHaveBeenCalled();
});
