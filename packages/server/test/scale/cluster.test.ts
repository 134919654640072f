/**
 * The multi-process suite: 3 web and 2 worker processes (the built package) on real Redis and real
 * PostgreSQL (127.0.0.1), S3 through s3rver, one fake OpenAI shared by every process. The
 * 300-job soak with SIGKILLed workers is `node bench/scale-soak.mjs` (it does not pass yet).
 */
import type { Job } from '@sora-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededRandom } from '../../src/providers/fake-kit/faults.js';
import { createFakeOpenAI } from '../../src/testing.js';
import { type Cluster, call, readJobUntilCompleted, startCluster, startS3 } from './cluster.mjs';
import { ENGINES } from './engines.js';

let s3: Awaited<ReturnType<typeof startS3>>;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.close();
});

/** The fake OpenAI over HTTP: fast videos, and 20 % of every request answered 500 when `faulty`. */
async function startFake(faulty: boolean) {
  const fake = createFakeOpenAI({
    generationSeconds: 2,
    ...(faulty ? { faults: { serverErrorRate: 0.2, random: seededRandom(19) } } : {}),
  });
  const server = await fake.listen();
  return { fake, url: `${server.url}`, close: () => server.close() };
}

/** Creates a job, repeating the create while the provider is unavailable (as a browser would). */
async function createJob(base: () => string, user: string, prompt: string): Promise<Job> {
  const key = crypto.randomUUID();
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await call(base(), user, '/videos', { prompt, seconds: 4 }, key);
    if (response.status === 202) return response.body as Job;
    expect(response.status).toBe(503);
  }
  throw new Error(`create of "${prompt}" kept failing`);
}

describe.each(ENGINES)('$name', (engine) => {
  let fake: Awaited<ReturnType<typeof startFake>>;
  let cluster: Cluster;
  beforeAll(async () => {
    fake = await startFake(true);
    cluster = await startCluster(
      { storage: engine.url, s3Endpoint: s3.endpoint, openaiBaseUrl: fake.url },
      3,
      2,
    );
  });
  afterAll(async () => {
    await cluster?.stop();
    await fake?.close();
  });

  test('an event stream on one web instance sees a worker’s change within 1 s', async () => {
    const user = 'stream-user';
    const controller = new AbortController();
    const response = await fetch(`${cluster.web[0]!.url}/api/sora/events`, {
      headers: { 'x-user': user },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const created = await createJob(() => cluster.web[1]!.url, user, 'watched from elsewhere');
    const seen = await readJobUntilCompleted(response, created.jobId);
    controller.abort();
    const statuses = seen.map((job) => job.status);
    // updatedAt is stamped by the process that made the change: here, a worker.
    const lags = seen
      .filter((job) => job.status !== 'queued')
      .map((job) => job.receivedAt - Date.parse(job.updatedAt));
    expect(statuses).toContain('completed');
    expect(lags.length).toBeGreaterThan(0);
    console.log(`${engine.name}: stream lag behind worker changes ${Math.max(...lags)} ms at most`);
    expect(Math.max(...lags)).toBeLessThan(1000);
  });
});
