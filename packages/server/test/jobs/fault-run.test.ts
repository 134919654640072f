/**
 * A fault run against the faithful fake (the OpenAI adapter over the fake Videos API): 200 jobs
 * while 20 % of upstream calls fail (10 % 5xx, 10 % 429) and 10 % of downloads are cut off. Every
 * job must end in its correct terminal state with exactly one stored copy of each file, none lost,
 * none duplicated upstream. Driven by the fake's clock, so it runs in seconds.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job, JobPage } from '@sora-kit/core';
import { afterAll, expect, test } from 'vitest';
import { inProcessCoordinationFor } from '../../src/coordination/memory.js';
import { seededRandom } from '../../src/providers/fake-kit/faults.js';
import { fakeProvider } from '../../src/providers/fake-provider.js';
import { browser, type Harness, harness } from '../support/harness.js';

const T0 = Date.parse('2026-05-01T09:00:00Z');

let h: Harness;
afterAll(async () => {
  await h?.cleanup();
});

const JOBS = 200;

function expected(i: number): { prompt: string; status: Job['status']; code?: string } {
  if (i % 10 === 0)
    return { prompt: `clip ${i} fake:moderation_blocked`, status: 'failed', code: 'moderation_blocked' };
  if (i % 10 === 1) return { prompt: `clip ${i} fake:failed`, status: 'failed', code: 'upstream_failed' };
  return { prompt: `clip ${i}`, status: 'completed' };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

test('200 jobs under 20 % upstream failures and 10 % cut downloads all end correctly, once', async () => {
  const provider = fakeProvider({
    generationSeconds: 10,
    now: () => T0,
    faults: { serverErrorRate: 0.1, rateLimitRate: 0.1, cutDownloadRate: 0.1, random: seededRandom(7) },
    // The lifecycle does the retrying (failure budget, backoff), not the SDK.
    provider: { maxRetries: 0 },
  });
  h = await harness({
    provider,
    now: () => new Date(provider.fake.clock.now()),
    polling: { leaseSettleMs: 0, concurrency: 16, failureBudget: 8 },
    // Cut downloads are retried at once (real time is not the fake's clock).
    copy: { baseDelayMs: 1, maxDelayMs: 1 },
  });
  const users = Array.from({ length: 10 }, () => browser(h.handler));
  const jobs = new Map<string, number>();
  let posts = 0;
  for (let i = 0; i < JOBS; i++) {
    const user = users[i % users.length] as (typeof users)[number];
    // A client retries a refused create with the same Idempotency-Key, as the core client does.
    for (let attempt = 0; attempt < 20; attempt++) {
      posts++;
      const response = await user.post(
        '/videos',
        { prompt: expected(i).prompt },
        { 'idempotency-key': `k${i}` },
      );
      if (response.status === 202) {
        jobs.set((response.body as Job).jobId, i);
        break;
      }
      expect(response.status).toBe(503);
    }
  }
  expect(jobs.size).toBe(JOBS);

  let steps = 0;
  const schedule = inProcessCoordinationFor(h.storage);
  while ((await schedule.scheduled()) > 0 && steps < 600) {
    await provider.fake.advance(1000);
    await h.handler.pollOnce();
    steps++;
  }

  const seen = new Map<string, Job>();
  for (const user of users) {
    const page = (await user.json<JobPage>('/videos?limit=100')).body;
    for (const job of page.items) seen.set(job.jobId, job);
  }
  expect(seen.size).toBe(JOBS);
  const wrong: string[] = [];
  for (const [jobId, i] of jobs) {
    const job = seen.get(jobId) as Job;
    const want = expected(i);
    if (job.status !== want.status || job.error?.code !== want.code) {
      wrong.push(`${i}: ${job.status}/${job.error?.code} (wanted ${want.status}/${want.code})`);
    }
  }
  expect(wrong).toEqual([]);

  // Exactly the files of the completed jobs, once each, nothing half-written left behind.
  // fsBlobs keeps a `.name.meta.json` sidecar beside each file; any other leftover (a temp file)
  // would be a half-written copy.
  const all = await listFiles(join(h.dir, 'blobs'));
  const files = all.filter((f) => !/\/\.[^/]+\.meta\.json$/.test(f)).sort();
  const sidecars = all.filter((f) => /\/\.[^/]+\.meta\.json$/.test(f));
  expect(sidecars.map((f) => f.replace(/\/\.([^/]+)\.meta\.json$/, '/$1')).sort()).toEqual(files);
  // The asset lists exactly what is stored: the video always; a thumbnail or spritesheet whose every
  // download try failed is left out (it never fails the job).
  const fileOf = { video: 'video.mp4', thumbnail: 'thumbnail.jpg', spritesheet: 'spritesheet.jpg' } as const;
  const completedJobs = [...seen.values()].filter((job) => job.status === 'completed');
  expect(completedJobs.every((job) => job.asset?.variants.includes('video'))).toBe(true);
  const partial = completedJobs.filter((job) => job.asset?.variants.length !== 3).length;
  // …which the lifecycle avoids by giving such a copy another pass or two.
  expect(partial).toBe(0);
  const wanted = completedJobs
    .flatMap((job) => (job.asset?.variants ?? []).map((v) => `videos/${job.jobId}/${fileOf[v]}`))
    .sort();
  expect(files).toEqual(wanted);
  // One generation upstream per job: re-sent creates carried the same idempotency key.
  expect(provider.fake.videos()).toHaveLength(JOBS);

  const counts = provider.fake.counters;
  const creates = counts.get('POST /videos');
  const retrieves = counts.get('GET /videos/:id');
  const downloads = counts.get('GET /videos/:id/content');
  console.log(
    `fault run: ${JOBS} jobs, ${posts} POSTs, ${steps} s simulated, ${partial} completed without a ` +
      `thumbnail or spritesheet; upstream calls per job: ` +
      `${(counts.total() / JOBS).toFixed(1)} (create ${(creates / JOBS).toFixed(2)}, ` +
      `retrieve ${(retrieves / JOBS).toFixed(1)}, download ${(downloads / JOBS).toFixed(2)})`,
  );
});
