/**
 * The multi-process suite's rig: the fake OpenAI and s3rver in the test process, and web and worker
 * processes (./node.mjs, on the built package) sharing Redis or PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import S3rver from 's3rver';

const NODE_SCRIPT = fileURLToPath(new URL('./node.mjs', import.meta.url));
export const BUCKET = 'sora-scale';
/** A local S3 (s3rver) with one bucket. */
export async function startS3() {
  const dir = await mkdtemp(join(tmpdir(), 'sora-scale-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    dir,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
/** Removes what a run left on an engine under `namespace` (keys on Redis, tables on PostgreSQL). */
export async function dropNamespace(url, namespace) {
  if (/^rediss?:/.test(url)) {
    const redis = new Redis(url);
    const keys = [];
    for await (const batch of redis.scanStream({ match: `${namespace}:*`, count: 1000 })) keys.push(...batch);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND starts_with(tablename, $1)",
    [`${namespace}_`],
  );
  for (const { tablename } of rows) await client.query(`DROP TABLE "${tablename}"`);
  await client.end();
}

/** Starts one process and resolves once it listens; `spawned` (optional) gets the child at once. */
export function startNode(role, env, spawned) {
  const child = spawn(process.execPath, [NODE_SCRIPT], {
    env: { ...process.env, ...env, SCALE_ROLE: role },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned?.add(child);
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    if (process.env.SCALE_DEBUG) process.stderr.write(`[${role} ${child.pid}] ${chunk}`);
    errors += String(chunk);
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      if (process.env.SCALE_DEBUG) process.stderr.write(`[${role} ${child.pid}] ${chunk}`);
      const port = /ready (\d+)/.exec(String(chunk))?.[1];
      if (port) resolve({ role, child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code, signal) => {
      // Only our SIGKILLs end a process; anything else is a crash the suite must show.
      if (signal !== 'SIGKILL') console.error(`${role} ${child.pid} exited (${code}): ${errors.trim()}`);
      reject(new Error(`${role} exited with ${code}: ${errors.trim()}`));
    });
  });
}
/** A set of web and worker processes on one namespace; hooks are logged to one file. */
export async function startCluster(options, webs, workers) {
  const namespace = `scale_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const hookDir = await mkdtemp(join(tmpdir(), 'sora-scale-hooks-'));
  const hookLog = join(hookDir, 'hooks.log');
  await writeFile(hookLog, '');
  const env = {
    SORA_KIT_STORAGE: options.storage,
    SORA_KIT_BLOBS: `s3://${BUCKET}/${namespace}`,
    SORA_KIT_S3_ENDPOINT: options.s3Endpoint,
    SORA_KIT_NAMESPACE: namespace,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
    OPENAI_BASE_URL: options.openaiBaseUrl,
    SCALE_HOOK_LOG: hookLog,
    ...(options.limits ? { SCALE_LIMITS: JSON.stringify(options.limits) } : {}),
  };
  // Every child ever spawned, ready or not: stop() must not leave one behind that was still
  // starting when it ran (a worker restarted just as the run ended).
  const spawned = new Set();
  const start = (role) => startNode(role, env, spawned);
  let stopping = false;
  const web = await Promise.all(Array.from({ length: webs }, () => start('web')));
  const worker = await Promise.all(Array.from({ length: workers }, () => start('worker')));
  return {
    namespace,
    web,
    worker,
    /** SIGKILLs worker `i` and starts a fresh one in its place. */
    async killAndRestartWorker(i) {
      const dying = worker[i];
      if (!dying || stopping) return;
      const gone = new Promise((resolve) => dying.child.once('exit', resolve));
      dying.child.kill('SIGKILL');
      await gone;
      if (stopping) return;
      try {
        worker[i] = await start('worker');
      } catch (error) {
        if (!stopping) throw error; // killed by stop() while starting: expected
      }
    },
    /** Hook calls so far: `created|completed|failed` → job id → how many times. */
    async hooks() {
      const counts = new Map();
      for (const line of (await readFile(hookLog, 'utf8')).split('\n')) {
        const [hook, jobId] = line.split(' ');
        if (!hook || !jobId) continue;
        const byJob = counts.get(hook) ?? new Map();
        byJob.set(jobId, (byJob.get(jobId) ?? 0) + 1);
        counts.set(hook, byJob);
      }
      return counts;
    },
    async stop() {
      stopping = true;
      await Promise.all(
        [...spawned].map(
          (child) =>
            new Promise((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
              child.once('exit', resolve);
              child.kill('SIGKILL');
            }),
        ),
      );
      await rm(hookDir, { recursive: true, force: true });
      await dropNamespace(options.storage, namespace);
    },
  };
}
/**
 * A JSON request to one web instance as `user`. A connection reset (a keep-alive socket the server
 * closed just as it was reused) is repeated, as a browser would; creates carry an Idempotency-Key
 * so a repeat is the same job.
 */
export async function call(base, user, path, body, key) {
  const init = {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'x-user': user,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  let response;
  for (let attempt = 0; !response; attempt++) {
    try {
      response = await fetch(`${base}/api/sora${path}`, init);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
/**
 * Reads an open `/events` response until `jobId` is `completed` (or the stream ends): that job's
 * states in the order they arrived, each with `receivedAt` (epoch ms). Cancels the stream after.
 */
export async function readJobUntilCompleted(response, jobId) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const seen = [];
  let buffered = '';
  while (!seen.some((job) => job.status === 'completed')) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const events = buffered.split('\n\n');
    buffered = events.pop() ?? '';
    for (const event of events) {
      const data = /^data: (.*)$/m.exec(event)?.[1];
      const job = data ? JSON.parse(data) : undefined;
      if (job?.jobId === jobId) seen.push({ ...job, receivedAt: Date.now() });
    }
  }
  await reader.cancel().catch(() => {});
  return seen;
}

/** Runs `work` over `items`, `limit` at a time. */
export async function eachLimited(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}
