/**
 * `/ready` tells a load balancer whether this instance can serve: 503 with the error envelope
 * naming the failed dependency while Redis (the job storage) is down, 200 again once it is back.
 * Runs a private redis-server on a free port; the shared one is never touched.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Redis } from 'ioredis';
import { createStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterEach, expect, test } from 'vitest';
import { memoryCoordination } from '../../src/index.js';
import { type Harness, harness } from '../support/harness.js';

let h: Harness | undefined;
let redis: ChildProcess | undefined;
let storage: Storage | undefined;

afterEach(async () => {
  await h?.cleanup();
  await storage?.dispose();
  if (redis && redis.exitCode === null) await stop(redis);
  h = undefined;
  storage = undefined;
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts redis-server and resolves once it accepts connections. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resolves once the client has (re)connected. */
function connected(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => client.once('ready', () => resolve()));
}

interface ReadyBody {
  ok?: boolean;
  checks?: Record<string, string>;
  error?: { code: string; message: string; details: { failed: string[] } };
}

async function ready(handler: Harness['handler']): Promise<{ status: number; body: ReadyBody }> {
  const res = await handler.request('/ready');
  return { status: res.status, body: (await res.json()) as ReadyBody };
}

test('/ready answers 503 while Redis is down and 200 once it is back', async () => {
  const port = await freePort();
  redis = await startRedis(port);
  const driver = redisDriver({ url: `redis://127.0.0.1:${port}`, base: `ready-${process.pid}` });
  storage = createStorage({ driver });
  const client = driver.getInstance?.() as Redis;
  client.on('error', () => {}); // refused reconnects while it is down are the point here
  h = await harness({ storage, ready: { timeoutMs: 500 } });

  expect(await ready(h.handler)).toEqual({
    status: 200,
    body: { ok: true, checks: { storage: 'ok', blobs: 'ok' } },
  });

  await stop(redis);
  const down = await ready(h.handler);
  expect(down.status).toBe(503);
  expect(down.body.error?.code).toBe('unavailable');
  expect(down.body.error?.details.failed).toEqual(['storage']);
  expect(down.body.error?.message).toContain('storage');
  // Liveness stays green: restarting this process would not bring Redis back.
  expect((await h.handler.request('/health')).status).toBe(200);

  redis = await startRedis(port);
  await connected(client);
  expect((await ready(h.handler)).status).toBe(200);
});

test('/ready checks the coordination layer and any extra dependency given', async () => {
  let coordinationUp = true;
  // A working coordination whose engine can be made unreachable.
  const coordination = {
    ...memoryCoordination(),
    ping: async () => {
      if (!coordinationUp) throw new Error('ECONNREFUSED');
    },
  };
  const hanging = { ping: () => new Promise<void>(() => {}) };
  h = await harness({ coordination, ready: { timeoutMs: 200 } });
  expect((await ready(h.handler)).body.checks).toEqual({ storage: 'ok', blobs: 'ok', coordination: 'ok' });
  coordinationUp = false;
  expect((await ready(h.handler)).body.error?.details.failed).toEqual(['coordination']);

  const withExtra = h.restart({ ready: { timeoutMs: 200, checks: { queue: hanging } } });
  const res = await withExtra.request('/ready');
  expect(res.status).toBe(503);
  // The restarted instance keeps the (still failing) coordination and adds the hanging check.
  expect(((await res.json()) as ReadyBody).error?.details.failed).toEqual(['coordination', 'queue']);
});
