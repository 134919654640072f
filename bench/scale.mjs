// Benchmark: scale-out on real engines (issue 19), each against the in-process default measured in
// the same run, rounds interleaved, medians:
//   - creates admitted per second (POST /videos through the handler, limits on, many identities)
//     on Redis and on PostgreSQL with 1 and with 3 instances (each its own connections);
//   - scheduler cost of one worker tick with 100 and with 10,000 active jobs (5 due): milliseconds
//     and storage reads, on each engine;
//   - upstream retrieves per job with 2 workers on Redis and on PostgreSQL.
// Needs Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (or REDIS_URL / DATABASE_URL).
//
//   pnpm build && node bench/scale.mjs [--quick]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropNamespace } from '../packages/server/test/scale/cluster.mjs';
import {
  interleaved,
  loadServer,
  loadTesting,
  quick,
  record,
  SECRET,
  serverDep,
  until,
} from './lib/harness.mjs';

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const POSTGRES = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const {
  createSoraHandler,
  createSoraWorker,
  deploymentFromEnv,
  fakeProvider,
  memoryCoordination,
  openaiProvider,
} = await loadServer();
const { createStorage } = await serverDep('unstorage');
const { createFakeOpenAI, memoryBlobs } = await loadTesting();

const CREATES = quick ? 60 : 600;
const CONCURRENCY = 20;
const namespace = () => `bench_${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;

/**
 * `n` instances of one deployment: the in-process default (file storage in a temp dir, n = 1) or
 * an engine URL (each instance its own connections, as separate processes would have).
 */
async function openDeployment(url, n) {
  if (url === 'default') {
    const dataDir = await mkdtemp(join(tmpdir(), 'sora-bench-scale-'));
    return {
      instances: [{ dataDir }],
      close: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const ns = namespace();
  const deployments = await Promise.all(
    Array.from({ length: n }, () => deploymentFromEnv({ SORA_KIT_STORAGE: url, SORA_KIT_NAMESPACE: ns })),
  );
  return {
    instances: deployments.map((d) => ({ storage: d.storage, coordination: d.coordination })),
    close: async () => {
      for (const d of deployments) await d.close();
      await dropNamespace(url, ns);
    },
  };
}

/** Admitted creates per second over `n` instances of a deployment. */
async function createsPerSecond(url, n) {
  const deployment = await openDeployment(url, n);
  const provider = fakeProvider({ generationSeconds: 3600 });
  const blobs = memoryBlobs();
  const handlers = deployment.instances.map((instance) =>
    createSoraHandler({
      provider,
      secret: SECRET,
      blobs,
      logger: false,
      separateWorker: url !== 'default',
      ...instance,
      // Limits on (they are the coordinated part), generous enough to admit every create.
      limits: { rateLimit: { limit: 1000, windowSeconds: 60 }, activeJobs: 1000, globalActiveJobs: 100_000 },
      auth: (c) => ({ id: c.req.header('x-user') ?? 'anonymous' }),
    }),
  );
  let next = 0;
  let admitted = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CREATES) {
        const i = next++;
        const response = await handlers[i % handlers.length].request('/videos', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-user': `user-${i % 50}` },
          body: JSON.stringify({ prompt: `bench ${i}`, seconds: 4 }),
        });
        if (response.status === 202) admitted++;
        else throw new Error(`create answered ${response.status}: ${await response.text()}`);
      }
    }),
  );
  const perSecond = (admitted / (performance.now() - started)) * 1000;
  for (const handler of handlers) await handler.close?.({ deadlineMs: 0 });
  await deployment.close();
  return perSecond;
}

/** `storage` with its reads counted. */
function countingReads(storage) {
  const counts = { reads: 0 };
  const wrapped = new Proxy(storage, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args) => {
        if (/^(getItem|hasItem|getItems|getItemRaw|getKeys)$/.test(String(name))) counts.reads++;
        return value.apply(target, args);
      };
    },
  });
  return { storage: wrapped, counts };
}

/** One worker tick with `active` jobs on the schedule, 5 of them due: { ms, reads }. */
async function tickCost(url, active) {
  let storage;
  let coordination;
  let close;
  if (url === 'memory') {
    storage = createStorage();
    coordination = memoryCoordination();
    close = async () => {};
  } else {
    const deployment = await openDeployment(url, 1);
    ({ storage, coordination } = deployment.instances[0]);
    close = deployment.close;
  }
  const now = Date.now();
  const ids = Array.from({ length: active - 5 }, (_, i) => i);
  for (let i = 0; i < ids.length; i += 500) {
    await Promise.all(
      ids.slice(i, i + 500).map((j) => coordination.schedule(`job_idle_${j}`, now + 3_600_000)),
    );
  }
  for (let i = 0; i < 5; i++) await coordination.schedule(`job_due_${i}`, now - 1000);
  const watched = countingReads(storage);
  const worker = createSoraWorker({
    provider: fakeProvider(),
    storage: watched.storage,
    coordination,
    blobs: memoryBlobs(),
    logger: false,
  });
  const started = performance.now();
  const claimed = await worker.pollOnce();
  const ms = performance.now() - started;
  if (claimed !== 5) throw new Error(`a tick claimed ${claimed} jobs, expected the 5 due`);
  await worker.close();
  await close();
  return { ms, reads: watched.counts.reads };
}

/** Upstream retrieves per job: `jobs` jobs of `seconds` each, refreshed by 2 workers (or the default's own loop). */
async function retrievesPerJob(url) {
  const jobs = quick ? 4 : 12;
  const seconds = quick ? 3 : 8;
  const fake = createFakeOpenAI({ generationSeconds: seconds });
  const provider = openaiProvider({ apiKey: 'sk-fake', fetch: fake.fetch, maxRetries: 0 });
  const deployment = await openDeployment(url, url === 'default' ? 1 : 3);
  const blobs = memoryBlobs();
  const [webInstance, ...workerInstances] = deployment.instances;
  const web = createSoraHandler({
    provider,
    secret: SECRET,
    blobs,
    logger: false,
    separateWorker: url !== 'default',
    ...webInstance,
    limits: false,
    quotas: false,
    auth: () => ({ id: 'bench-user' }),
  });
  const workers = workerInstances.map((instance) =>
    createSoraWorker({ provider, blobs, logger: false, ...instance }),
  );
  if (url === 'default') web.startPolling();
  for (const worker of workers) worker.start();
  const ids = [];
  for (let i = 0; i < jobs; i++) {
    const response = await web.request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: `retrieves ${i}`, seconds: 4 }),
    });
    ids.push((await response.json()).jobId);
  }
  await until(
    async () => {
      const statuses = await Promise.all(
        ids.map(async (id) => (await (await web.request(`/videos/${id}`)).json()).status),
      );
      return statuses.every((s) => s === 'completed');
    },
    { everyMs: 250, timeoutMs: 120_000, what: 'every job to complete' },
  );
  const retrieves = fake.counters.get('GET /videos/:id') ?? 0;
  for (const worker of workers) await worker.close();
  await web.close?.({ deadlineMs: 0 });
  await deployment.close();
  return retrieves / jobs;
}

console.log(
  `scale bench: ${CREATES} creates per round (${CONCURRENCY} at once), Redis ${REDIS}, PostgreSQL ${POSTGRES}`,
);
const creates = await interleaved({
  default: () => createsPerSecond('default', 1),
  redis1: () => createsPerSecond(REDIS, 1),
  redis3: () => createsPerSecond(REDIS, 3),
  postgres1: () => createsPerSecond(POSTGRES, 1),
  postgres3: () => createsPerSecond(POSTGRES, 3),
});
const base = creates.default;
const createsFigure = (value) => ({
  value,
  baseline: base,
  ratio: value / base,
  unit: '/s',
  baselineIs: `in-process default (file storage) creates/s in the same run (${Math.round(base)}/s)`,
});
const ticks = {};
for (const [name, url] of [
  ['Memory', 'memory'],
  ['Redis', REDIS],
  ['Postgres', POSTGRES],
]) {
  const small = await interleaved({ tick: () => tickCost(url, 100).then((r) => r.ms) });
  const large = await interleaved({ tick: () => tickCost(url, quick ? 1000 : 10_000).then((r) => r.ms) });
  const reads = (await tickCost(url, quick ? 1000 : 10_000)).reads;
  ticks[name] = { small: small.tick, large: large.tick, reads };
}
const retrieves = await interleaved(
  {
    default: () => retrievesPerJob('default'),
    redis: () => retrievesPerJob(REDIS),
    postgres: () => retrievesPerJob(POSTGRES),
  },
  quick ? 1 : 2,
);
const tickFigure = (name) => ({
  value: ticks[name].large,
  baseline: ticks[name].small,
  ratio: ticks[name].large / ticks[name].small,
  unit: 'ms',
  baselineIs: `the same tick with 100 active jobs (${ticks[name].small.toFixed(2)} ms); ${ticks[name].reads} storage reads at 10,000`,
  target: 'ratio ≈ 1 (reads only the due jobs)',
});
record({
  scaleCreatesPerSecondRedis1: createsFigure(creates.redis1),
  scaleCreatesPerSecondRedis3: createsFigure(creates.redis3),
  scaleCreatesPerSecondPostgres1: createsFigure(creates.postgres1),
  scaleCreatesPerSecondPostgres3: createsFigure(creates.postgres3),
  schedulerTickMs10000Memory: tickFigure('Memory'),
  schedulerTickMs10000Redis: tickFigure('Redis'),
  schedulerTickMs10000Postgres: tickFigure('Postgres'),
  scaleRetrievesPerJobRedis: {
    value: retrieves.redis,
    baseline: retrieves.default,
    unit: 'calls',
    baselineIs: 'the in-process default (its own polling loop) for the same jobs',
  },
  scaleRetrievesPerJobPostgres: {
    value: retrieves.postgres,
    baseline: retrieves.default,
    unit: 'calls',
    baselineIs: 'the in-process default (its own polling loop) for the same jobs',
  },
});
process.exit(0);
