/**
 * The scale soak (issue 19): 3 web and 2 worker processes on one engine, S3 through s3rver, one
 * fake OpenAI answering 20 % of requests with 500. Jobs are created at a steady pace across the web
 * instances while one worker is SIGKILLed every `killEveryMs` and restarted. It reports every way
 * the run went wrong: a wrong final state, other than 1 upstream video or 1 stored copy per job, a
 * hook not called exactly once. Shared by the scale suite and `node bench/scale-soak.mjs`.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { BUCKET, call, eachLimited, startCluster, startS3 } from './cluster.mjs';

/** How long a claimed hook holds before another worker may run it (RUN_ONCE_HOLD_MS). */
const HOOK_HOLD_MS = 60_000;

const tally = (values) => {
  const counts = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

/** A bucket's keys under a prefix. */
async function listObjects(endpoint, prefix) {
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const keys = [];
  let token;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
    token = page.NextContinuationToken;
  } while (token);
  client.destroy();
  return keys;
}

/** Creates a job, repeating the create while the provider is unavailable (as a browser would). */
async function createJob(base, user, prompt) {
  const key = crypto.randomUUID();
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await call(base, user, '/videos', { prompt, seconds: 4 }, key);
    if (response.status === 202) return response.body;
    if (response.status !== 503) throw new Error(`create answered ${response.status}`);
  }
  throw new Error(`create of "${prompt}" kept failing`);
}

/** Every job of `users`, read through the web instances. */
async function allJobs(cluster, users) {
  const jobs = [];
  await eachLimited(users, 10, async (user, i) => {
    const web = cluster.web[i % cluster.web.length].url;
    let cursor = null;
    do {
      const page = (await call(web, user, `/videos?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).body;
      jobs.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  });
  return jobs;
}

/**
 * Runs the soak and resolves with what went wrong (`problems`, empty when all is right) and a
 * summary. `fake` is a `createFakeOpenAI()` made by the caller (its faults decide the upstream errors).
 */
export async function runSoak({
  storage,
  fake,
  jobs: total = 300,
  users: userCount = 30,
  createsPerSecond = 12,
  killEveryMs = 10_000,
  giveUpMs = 240_000,
  log = () => {},
}) {
  const fakeServer = await fake.listen();
  const s3 = await startS3();
  const cluster = await startCluster(
    { storage, s3Endpoint: s3.endpoint, openaiBaseUrl: fakeServer.url },
    3,
    2,
  );
  const problems = [];
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  let kills = 0;
  const killer = setInterval(() => {
    kills++;
    void cluster.killAndRestartWorker(kills % cluster.worker.length);
  }, killEveryMs);
  let jobs = [];
  try {
    const users = Array.from({ length: userCount }, (_, i) => `user-${i}`);
    const expected = new Map();
    const prompts = new Map();
    // A steady stream of creates, so worker kills land while jobs are at every stage.
    await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * 1000) / createsPerSecond));
        const prompt = i % 10 === 0 ? `fake:failed run ${i}` : `run ${i}`;
        const job = await createJob(cluster.web[i % cluster.web.length].url, users[i % userCount], prompt);
        expected.set(job.jobId, i % 10 === 0 ? 'failed' : 'completed');
        prompts.set(job.jobId, prompt);
      }),
    );
    log(`${expected.size} jobs created in ${seconds()} s`);
    // A job has ended for the host once its hook ran: a worker killed between a job's last write
    // and its hook leaves the hook to another worker once its claim lapses (RUN_ONCE_HOLD_MS).
    const hooksSettled = async () => {
      const hooks = await cluster.hooks();
      const jobsCalled = (hook) => hooks.get(hook)?.size ?? 0;
      return jobsCalled('created') === total && jobsCalled('completed') + jobsCalled('failed') === total;
    };
    // Once every job has ended the kills stop: a hook whose worker was killed mid-claim then runs
    // again within one hold, which the deadline allows however slow the machine made the run.
    let hooksDeadline;
    for (;;) {
      jobs = await allJobs(cluster, users);
      const ended = jobs.filter((j) => j.status === 'completed' || j.status === 'failed');
      if (jobs.length === total && ended.length === total) {
        if (hooksDeadline === undefined) {
          clearInterval(killer);
          hooksDeadline = Date.now() + HOOK_HOLD_MS + 30_000;
        }
        if (await hooksSettled()) break;
      }
      if (Date.now() - started > giveUpMs && (hooksDeadline === undefined || Date.now() > hooksDeadline)) {
        problems.push(
          `gave up after ${giveUpMs / 1000} s: ${JSON.stringify(tally(jobs.map((j) => j.status)))}`,
        );
        break;
      }
      // Other processes' work: there is nothing in this process to wait on but their records.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    clearInterval(killer);
    log(
      `after ${seconds()} s and ${kills} worker kills: ${JSON.stringify(tally(jobs.map((j) => j.status)))}`,
    );

    const wrong = jobs.filter((j) => expected.get(j.jobId) !== j.status);
    if (jobs.length !== total) problems.push(`${jobs.length} jobs listed, ${total} created`);
    if (wrong.length)
      problems.push(
        `${wrong.length} jobs in a wrong state, e.g. ${JSON.stringify(wrong.slice(0, 3).map((j) => [j.jobId, j.status, j.error?.code]))}`,
      );

    const perPrompt = tally(fake.videos().map((v) => v.prompt ?? ''));
    const notOnce = [...prompts.values()].filter((p) => perPrompt[p] !== 1);
    if (notOnce.length)
      problems.push(
        `${notOnce.length} jobs without exactly 1 upstream video, e.g. ${notOnce
          .slice(0, 3)
          .map((p) => `${p}: ${perPrompt[p] ?? 0}`)
          .join(', ')}`,
      );

    const keys = await listObjects(s3.endpoint, `${cluster.namespace}/videos/`);
    const copies = tally(keys.filter((k) => k.endsWith('/video.mp4')).map((k) => k.split('/').at(-2)));
    const completed = [...expected].filter(([, s]) => s === 'completed').map(([id]) => id);
    const offCopies = completed.filter((id) => copies[id] !== 1);
    if (offCopies.length) problems.push(`${offCopies.length} completed jobs without exactly 1 stored copy`);
    const strayCopies = Object.keys(copies).filter((id) => expected.get(id) !== 'completed');
    if (strayCopies.length)
      problems.push(`${strayCopies.length} stored copies of jobs that did not complete`);

    const hooks = await cluster.hooks();
    for (const [hook, ids] of [
      ['created', [...expected.keys()]],
      ['completed', completed],
      ['failed', [...expected].filter(([, s]) => s === 'failed').map(([id]) => id)],
    ]) {
      const calls = hooks.get(hook) ?? new Map();
      const off = ids.filter((id) => calls.get(id) !== 1);
      if (off.length)
        problems.push(
          `hook ${hook}: ${off.length} jobs not called exactly once (calls: ${JSON.stringify(tally(off.map((id) => calls.get(id) ?? 0)))})`,
        );
    }
    return {
      problems,
      summary: {
        jobs: jobs.length,
        states: tally(jobs.map((j) => j.status)),
        kills,
        seconds: Number(seconds()),
        upstreamVideos: fake.videos().length,
        storedCopies: Object.values(copies).reduce((a, b) => a + b, 0),
      },
    };
  } finally {
    clearInterval(killer);
    await cluster.stop();
    await fakeServer.close();
    await s3.close();
  }
}
