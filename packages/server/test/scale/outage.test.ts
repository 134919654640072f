/**
 * Faults of the engine itself, on private Redis and PostgreSQL servers the suite may stop: lost
 * during a run, requests answer 503 `unavailable` with Retry-After, nothing is lost and the work
 * resumes when the engine is back; unreachable at start, the worker command says so in one line
 * and exits 1.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job } from '@sora-kit/core';
import { afterEach, describe, expect, test } from 'vitest';
import { deploymentFromEnv } from '../../src/deploy/env.js';
import { createSoraHandler } from '../../src/handler.js';
import { consoleLogger } from '../../src/logger.js';
import { openaiProvider } from '../../src/providers/openai.js';
import { memoryBlobs } from '../../src/testing/memory-blobs.js';
import { createFakeOpenAI } from '../../src/testing.js';
import { createSoraWorker } from '../../src/worker.js';
import { type EngineServer, startPrivatePostgres, startPrivateRedis } from './engine-servers.js';

const SECRET = 'scale-outage-secret-scale-outage-secret-0123';
const SERVERS = [
  { name: 'Redis', start: startPrivateRedis },
  { name: 'PostgreSQL', start: startPrivatePostgres },
];

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  cleanups = [];
});

/** Repeats `check` until it holds (the worker's progress has no event this test could await). */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(SERVERS)('$name', ({ start }) => {
  test('lost during a run: 503 unavailable with Retry-After, nothing lost, work resumes when it is back', async () => {
    const server: EngineServer = await start();
    cleanups.push(() => server.destroy());
    const env = { SORA_KIT_STORAGE: server.url, SORA_KIT_NAMESPACE: 'outage' };
    const webSide = await deploymentFromEnv({ ...env, SORA_KIT_ROLE: 'web' });
    const workerSide = await deploymentFromEnv({ ...env, SORA_KIT_ROLE: 'worker' });
    cleanups.push(
      () => webSide.close(),
      () => workerSide.close(),
    );
    // Videos take an hour unless the test moves the fake's clock: they finish while the engine is down.
    const fake = createFakeOpenAI({ generationSeconds: 3600 });
    const provider = openaiProvider({ apiKey: 'sk-fake', fetch: fake.fetch, maxRetries: 0 });
    const blobs = memoryBlobs();
    const completedHooks: string[] = [];
    const web = createSoraHandler({
      provider,
      secret: SECRET,
      storage: webSide.storage,
      coordination: webSide.coordination,
      blobs,
      separateWorker: true,
      auth: () => ({ id: 'the-user' }),
      logger: false,
    });
    const worker = createSoraWorker({
      provider,
      storage: workerSide.storage,
      coordination: workerSide.coordination,
      blobs,
      logger: process.env.OUTAGE_DEBUG ? consoleLogger('debug') : false,
      polling: { minDelayMs: 100, maxDelayMs: 400, tickMs: 100 },
      hooks: { onJobCompleted: ({ job }) => void completedHooks.push(job.jobId) },
    });
    worker.start();
    cleanups.push(() => worker.close());

    const created: Job[] = [];
    for (const prompt of ['before the outage 1', 'before the outage 2', 'before the outage 3']) {
      const response = await web.request('/videos', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt, seconds: 4 }),
      });
      expect(response.status).toBe(202);
      created.push((await response.json()) as Job);
    }

    await server.stop();
    fake.clock.advance(3_600_000); // every video finishes upstream while nobody can record it
    const during = await Promise.all([
      web.request('/videos'),
      web.request(`/videos/${created[0]!.jobId}`),
      web.request('/videos', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'during the outage', seconds: 4 }),
      }),
    ]);
    for (const response of during) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    }
    expect(worker.isRunning()).toBe(true); // a worker waits out the outage instead of dying

    await server.start();
    const statusOf = async (jobId: string) => {
      const response = await web.request(`/videos/${jobId}`);
      return response.status === 200 ? ((await response.json()) as Job).status : `http ${response.status}`;
    };
    await until(
      async () => (await Promise.all(created.map((j) => statusOf(j.jobId)))).every((s) => s === 'completed'),
      'every job to complete after the engine came back',
    );
    const listed = (await (await web.request('/videos')).json()) as { items: Job[] };
    expect(listed.items.map((j) => j.jobId).sort()).toEqual(created.map((j) => j.jobId).sort());
    expect(fake.videos()).toHaveLength(3); // the refused create during the outage made no video
    for (const job of created) expect(await blobs.stat(`videos/${job.jobId}/video.mp4`)).toBeTruthy();
    await until(async () => completedHooks.length >= 3, 'the completed hooks');
    expect(completedHooks.sort()).toEqual(created.map((j) => j.jobId).sort());
  });

  test('unreachable at start: `sora-kit worker` prints one line and exits 1', async () => {
    const server = await start();
    const url = server.url;
    await server.destroy(); // a port where nothing listens any more
    const bin = fileURLToPath(new URL('../../bin/sora-kit.mjs', import.meta.url));
    const child = spawn(process.execPath, [bin, 'worker'], {
      env: { ...process.env, SORA_KIT_STORAGE: url, OPENAI_API_KEY: 'sk-fake', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sora-kit worker: (Redis|PostgreSQL) at \S+ is unreachable: ECONNREFUSED$/);
  });
});
