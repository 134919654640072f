// `node bench/scale-soak.mjs [--jobs N] [--engine redis|postgres]`: the scale soak (issue 19). 3 web
// and 2 worker processes (the built package) on real Redis or PostgreSQL (127.0.0.1, or REDIS_URL /
// DATABASE_URL), S3 through s3rver, one fake OpenAI answering 20 % of requests with 500; N jobs
// (default 300) created across the web instances while one worker is SIGKILLed every 10 s and
// restarted. It prints what happened: jobs per final state against the expected ones, upstream
// videos per job, stored copies, hook calls per job, and exits 1 when any of them is off.
// Not in the test run: it does not pass yet (see the scale branch's report); run it by hand.
import { BUCKET, call, eachLimited, startCluster, startS3 } from '../packages/server/test/scale/cluster.mjs';
import { loadTesting, serverDep, sleep } from './lib/harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const JOBS = Number(arg('jobs', 300));
const USERS = 30;
const ENGINES = {
  redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  postgres: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};
const engine = arg('engine', 'redis');
/** How long the soak waits for every job to end before it reports what it has. */
const GIVE_UP_MS = Number(arg('timeout-s', 300)) * 1000;

const { ListObjectsV2Command, S3Client } = await serverDep('@aws-sdk/client-s3');

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

const tally = (values) => {
  const counts = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

const { createFakeOpenAI, seededRandom } = await loadTesting();
const fake = createFakeOpenAI({
  generationSeconds: 2,
  faults: { serverErrorRate: 0.2, random: seededRandom(19) },
});
const fakeServer = await fake.listen();
const s3 = await startS3();
const cluster = await startCluster(
  { storage: ENGINES[engine], s3Endpoint: s3.endpoint, openaiBaseUrl: fakeServer.url },
  3,
  2,
);
const problems = [];
const started = Date.now();
let killed = 0;
const killer = setInterval(() => {
  void cluster.killAndRestartWorker(killed++ % cluster.worker.length);
}, 10_000);
try {
  const users = Array.from({ length: USERS }, (_, i) => `user-${i}`);
  const expected = new Map();
  const prompts = new Map();
  await eachLimited(
    Array.from({ length: JOBS }, (_, i) => i),
    24,
    async (i) => {
      const prompt = i % 10 === 0 ? `fake:failed run ${i}` : `run ${i}`;
      const job = await createJob(cluster.web[i % 3].url, users[i % USERS], prompt);
      expected.set(job.jobId, i % 10 === 0 ? 'failed' : 'completed');
      prompts.set(job.jobId, prompt);
    },
  );
  console.log(`${engine}: ${expected.size} jobs created in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let jobs = [];
  for (;;) {
    jobs = await allJobs(cluster, users);
    const ended = jobs.filter((j) => j.status === 'completed' || j.status === 'failed');
    if (jobs.length === JOBS && ended.length === JOBS) break;
    if (Date.now() - started > GIVE_UP_MS) {
      problems.push(
        `gave up after ${GIVE_UP_MS / 1000} s: ${JSON.stringify(tally(jobs.map((j) => j.status)))}`,
      );
      break;
    }
    await sleep(1000); // other processes' work: nothing here to wait on but their records
  }
  console.log(
    `${engine}: after ${((Date.now() - started) / 1000).toFixed(1)} s and ${killed} worker kills: ` +
      JSON.stringify(tally(jobs.map((j) => j.status))),
  );

  const wrong = jobs.filter((j) => expected.get(j.jobId) !== j.status);
  if (jobs.length !== JOBS) problems.push(`${jobs.length} jobs listed, ${JOBS} created`);
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
  const missingCopies = completed.filter((id) => copies[id] !== 1);
  if (missingCopies.length)
    problems.push(`${missingCopies.length} completed jobs without exactly 1 stored copy`);

  const hooks = await cluster.hooks();
  for (const [hook, ids] of [
    ['created', [...expected.keys()]],
    ['completed', completed],
    ['failed', [...expected].filter(([, s]) => s === 'failed').map(([id]) => id)],
  ]) {
    const calls = hooks.get(hook) ?? new Map();
    const off = ids.filter((id) => calls.get(id) !== 1);
    if (off.length) problems.push(`hook ${hook}: ${off.length} jobs not called exactly once`);
  }
} finally {
  clearInterval(killer);
  await cluster.stop();
  await fakeServer.close();
  await s3.close();
}
if (problems.length) {
  console.log(`${engine}: NOT OK\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${engine}: OK — every job ended right, once`);
