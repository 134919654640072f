/**
 * The multi-process suite: 3 web and 2 worker processes (the built package) on real Redis and real
 * PostgreSQL (127.0.0.1), S3 through s3rver, one fake OpenAI shared by every process.
 */
import type { Job, JobPage } from '@sora-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededRandom } from '../../src/providers/fake/faults.js';
import { createFakeOpenAI } from '../../src/testing.js';
import { BUCKET, type Cluster, call, eachLimited, startCluster, startS3 } from './cluster.js';
import { ENGINES } from './engines.js';
import { listObjects } from './s3-list.js';

const JOBS = Number(process.env.SCALE_JOBS ?? 300);
const USERS = 30;

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

/** Every job of `users`, read through the web instances. */
async function allJobs(cluster: Cluster, users: string[]): Promise<Job[]> {
  const jobs: Job[] = [];
  await eachLimited(users, 10, async (user, i) => {
    const web = cluster.web[i % cluster.web.length]!.url;
    let cursor: string | null = null;
    do {
      const page = (await call(web, user, `/videos?limit=100${cursor ? `&cursor=${cursor}` : ''}`))
        .body as JobPage;
      jobs.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  });
  return jobs;
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

  test(`${JOBS} jobs, 20 % upstream faults, a worker SIGKILLed every 10 s: every job ends right, once`, async () => {
    const started = Date.now();
    const users = Array.from({ length: USERS }, (_, i) => `user-${i}`);
    const expected = new Map<string, 'completed' | 'failed'>();
    const prompts = new Map<string, string>();
    let killed = 0;
    const killer = setInterval(() => {
      void cluster.killAndRestartWorker(killed++ % cluster.worker.length);
    }, 10_000);
    try {
      await eachLimited(
        Array.from({ length: JOBS }, (_, i) => i),
        24,
        async (i) => {
          const prompt = i % 10 === 0 ? `fake:failed run ${i}` : `run ${i}`;
          const job = await createJob(() => cluster.web[i % 3]!.url, users[i % USERS]!, prompt);
          expected.set(job.jobId, i % 10 === 0 ? 'failed' : 'completed');
          prompts.set(job.jobId, prompt);
        },
      );
      let jobs: Job[] = [];
      for (;;) {
        jobs = await allJobs(cluster, users);
        if (jobs.length === JOBS && jobs.every((j) => j.status === 'completed' || j.status === 'failed'))
          break;
        const tally: Record<string, number> = {};
        for (const j of jobs) tally[j.status] = (tally[j.status] ?? 0) + 1;
        if (process.env.SCALE_DEBUG) console.log(JSON.stringify(tally));
        await new Promise((resolve) => setTimeout(resolve, 500)); // waiting on other processes' work
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`${engine.name}: ${JOBS} jobs ended in ${seconds} s with ${killed} worker kills`);
      expect(killed).toBeGreaterThan(0);
      expect(new Map(jobs.map((j) => [j.jobId, j.status]))).toEqual(expected);

      // Exactly one upstream video per job.
      const perPrompt = new Map<string, number>();
      for (const video of fake.fake.videos())
        perPrompt.set(video.prompt ?? '', (perPrompt.get(video.prompt ?? '') ?? 0) + 1);
      expect([...prompts.values()].map((p) => perPrompt.get(p))).toEqual([...prompts.values()].map(() => 1));

      // One stored copy of each completed video, none of a failed one.
      const keys = await listObjects(s3.endpoint, BUCKET, `${cluster.namespace}/videos/`);
      const videoCopies = keys.filter((k) => k.endsWith('/video.mp4')).map((k) => k.split('/').at(-2));
      const completed = [...expected].filter(([, s]) => s === 'completed').map(([id]) => id);
      expect(videoCopies.sort()).toEqual(completed.sort());

      // Each hook once per job.
      const hooks = await cluster.hooks();
      const once = (ids: string[]) => new Map(ids.map((id) => [id, 1]));
      expect(hooks.get('created')).toEqual(once([...expected.keys()]));
      expect(hooks.get('completed')).toEqual(once(completed));
      expect(hooks.get('failed')).toEqual(
        once([...expected].filter(([, s]) => s === 'failed').map(([id]) => id)),
      );
    } finally {
      clearInterval(killer);
    }
  });
});
