// The demo as a scaled-out deployment: a web process and a worker process (`SORA_KIT_ROLE`) on real
// Redis or PostgreSQL (`SORA_KIT_STORAGE`), sharing one fake OpenAI over HTTP (`OPENAI_BASE_URL`).
// A job created on the web process is finished by the worker and reaches the browser's event
// stream; the worker answers its probes on PORT; a misconfigured process says what to set.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { createFakeOpenAI, createFakeOpenRouter } from '../../packages/server/src/testing.js';
import { dropNamespace, readJobUntilCompleted } from '../../packages/server/test/scale/cluster.mjs';
import { type RunningDemo, startDemo } from './demo-process.js';

const ENGINES = [
  { name: 'Redis', url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
  { name: 'PostgreSQL', url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
];

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Follows `jobId` on an event stream until it is `completed`: the statuses seen on the way. */
async function watchUntilCompleted(url: string, cookie: string, jobId: string): Promise<string[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
  const seen = await readJobUntilCompleted(response, jobId);
  controller.abort();
  return seen.map((job) => job.status);
}

describe.each(ENGINES)('$name', (engine) => {
  test('a web and a worker process share storage and a fake OpenAI: a job created on one is finished by the other', async () => {
    const fake = createFakeOpenAI({ generationSeconds: 2 });
    const fakeServer = await fake.listen();
    cleanups.push(() => fakeServer.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'sora-demo-roles-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const namespace = `demo_${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;
    cleanups.push(() => dropNamespace(engine.url, namespace));
    const shared = {
      SORA_KIT_STORAGE: engine.url,
      SORA_KIT_NAMESPACE: namespace,
      SORA_KIT_SECRET: 'demo-roles-secret-demo-roles-secret-0123',
      SORA_KIT_DATA_DIR: dataDir,
      OPENAI_BASE_URL: fakeServer.url,
    };
    const web: RunningDemo = await startDemo({ ...shared, SORA_KIT_ROLE: 'web' });
    cleanups.push(() => web.stop());
    const worker: RunningDemo = await startDemo({ ...shared, SORA_KIT_ROLE: 'worker' });
    cleanups.push(() => worker.stop());

    const first = await fetch(`${web.url}/api/sora/capabilities`);
    const cookie = first.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const created = await fetch(`${web.url}/api/sora/videos`, {
      method: 'POST',
      headers: { cookie, origin: web.url, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a lighthouse at dawn', seconds: 4 }),
    });
    expect(created.status).toBe(202);
    const job = (await created.json()) as { jobId: string };
    const statuses = await watchUntilCompleted(`${web.url}/api/sora/events`, cookie, job.jobId);
    expect(statuses.at(-1)).toBe('completed');
    // The worker finished it (its log says so, once its logger flushed); the web process never polls.
    await expect.poll(() => worker.output(), { timeout: 10_000 }).toMatch(/job completed/);
    expect(web.output()).not.toMatch(/job completed/);

    const health = await fetch(`${new URL(worker.url).origin}/api/sora/health`);
    expect(await health.json()).toMatchObject({ ok: true, role: 'worker', running: true });
    const ready = await fetch(`${new URL(worker.url).origin}/api/sora/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { storage: 'ok', coordination: 'ok' } });
  });
});

test('OpenRouter: the demo as the web process (OPENROUTER_BASE_URL) and `sora-kit worker` finishing its jobs', async () => {
  const fake = createFakeOpenRouter({ apiKey: 'sk-or-demo', generationSeconds: 2 });
  const fakeServer = await fake.listen();
  cleanups.push(() => fakeServer.close());
  const dataDir = await mkdtemp(join(tmpdir(), 'sora-demo-roles-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const redis = ENGINES[0]!.url;
  const namespace = `demo_${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;
  cleanups.push(() => dropNamespace(redis, namespace));
  const shared = {
    SORA_KIT_STORAGE: redis,
    SORA_KIT_NAMESPACE: namespace,
    SORA_KIT_DATA_DIR: dataDir,
    SORA_KIT_PROVIDER: 'openrouter',
    OPENROUTER_API_KEY: 'sk-or-demo',
    OPENROUTER_BASE_URL: fakeServer.url,
  };
  const web: RunningDemo = await startDemo({
    ...shared,
    SORA_KIT_ROLE: 'web',
    SORA_KIT_SECRET: 'demo-roles-secret-demo-roles-secret-0123',
  });
  cleanups.push(() => web.stop());
  expect(web.output()).toContain(`OpenRouter at ${fakeServer.url}`);
  const bin = fileURLToPath(new URL('../../packages/server/bin/sora-kit.mjs', import.meta.url));
  const worker = spawn(process.execPath, [bin, 'worker'], {
    env: { ...process.env, ...shared, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  cleanups.push(async () => {
    worker.kill('SIGTERM');
    await exited;
  });

  const first = await fetch(`${web.url}/api/sora/capabilities`);
  const cookie = first.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const created = await fetch(`${web.url}/api/sora/videos`, {
    method: 'POST',
    headers: { cookie, origin: web.url, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'a lighthouse at dawn', model: 'openai/sora-2-pro', seconds: 4 }),
  });
  expect(created.status).toBe(202);
  const job = (await created.json()) as { jobId: string };
  const statuses = await watchUntilCompleted(`${web.url}/api/sora/events`, cookie, job.jobId);
  expect(statuses.at(-1)).toBe('completed');
  expect(web.output()).not.toMatch(/job completed/);
});

/** Runs the demo to its exit: the exit code and what it printed on stderr. */
async function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const script = fileURLToPath(new URL('../../examples/node-server/server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr: stderr.trim() };
}

test('a misconfigured or unreachable deployment ends the demo with one line that says what to set', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sora-demo-roles-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const base = { SORA_KIT_DATA_DIR: dataDir };
  const cases: [Record<string, string>, RegExp][] = [
    [
      { SORA_KIT_ROLE: 'web' },
      /^sora-kit demo: SORA_KIT_ROLE=web needs shared storage: set SORA_KIT_STORAGE/,
    ],
    [
      { SORA_KIT_ROLE: 'worker', SORA_KIT_STORAGE: ENGINES[0]!.url },
      /^sora-kit demo: SORA_KIT_ROLE=worker needs a provider every process shares/,
    ],
    [
      { SORA_KIT_STORAGE: 'redis://127.0.0.1:1' },
      /^sora-kit demo: could not start: Redis at \S+ is unreachable: ECONNREFUSED$/,
    ],
    [
      { SORA_KIT_STORAGE: 'postgres://postgres@127.0.0.1:1/test' },
      /^sora-kit demo: could not start: PostgreSQL at \S+ is unreachable: ECONNREFUSED$/,
    ],
    [{ SORA_KIT_BLOBS: 'gcs://bucket' }, /^sora-kit demo: SORA_KIT_BLOBS must be "fs" or s3:\/\/bucket/],
  ];
  for (const [env, message] of cases) {
    const { code, stderr } = await runToExit({ ...base, ...env });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  }
});
