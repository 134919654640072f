/**
 * The multi-process suite: 3 web and 2 worker processes (the built package) on real Redis and real
 * PostgreSQL (127.0.0.1), S3 through s3rver, one fake OpenAI shared by every process. The
 * 300-job soak with SIGKILLed workers is `node bench/scale-soak.mjs` (it does not pass yet).
 */
import type { Job } from '@sora-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededRandom } from '../../src/providers/fake-kit/faults.js';
import { createFakeOpenAI } from '../../src/testing.js';
import { type Cluster, call, startCluster, startS3 } from './cluster.mjs';
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
    const lags: number[] = [];
    const statuses: string[] = [];
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    while (!statuses.includes('completed')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      const events = buffered.split('\n\n');
      buffered = events.pop() ?? '';
      for (const event of events) {
        const data = /^data: (.*)$/m.exec(event)?.[1];
        const job = data ? (JSON.parse(data) as Job) : undefined;
        if (job?.jobId !== created.jobId) continue;
        statuses.push(job.status);
        // updatedAt is stamped by the process that made the change: here, a worker.
        if (job.status !== 'queued') lags.push(Date.now() - Date.parse(job.updatedAt));
      }
    }
    controller.abort();
    expect(statuses).toContain('completed');
    expect(lags.length).toBeGreaterThan(0);
    console.log(`${engine.name}: stream lag behind worker changes ${Math.max(...lags)} ms at most`);
    expect(Math.max(...lags)).toBeLessThan(1000);
  });
});
