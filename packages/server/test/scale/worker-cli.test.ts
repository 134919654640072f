/**
 * `sora-kit worker` (the built package's bin) as an operator runs it: help and version without a
 * server, one clear line for an unknown command, and a worker on Redis for a web process whose
 * provider is OpenRouter (the fake, over HTTP): the worker refreshes and copies the job the web
 * process created, and the web process serves the copy.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job, MediaLink } from '@sora-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deploymentFromEnv } from '../../src/deploy/env.js';
import { createSoraHandler } from '../../src/handler.js';
import { openrouterProvider } from '../../src/providers/openrouter.js';
import { createFakeOpenRouter } from '../../src/providers/openrouter-fake/fake.js';
import { type RunningBin, runBin } from '../support/run-bin.js';
import { dropNamespace } from './cluster.mjs';

const bin = fileURLToPath(new URL('../../bin/sora-kit.mjs', import.meta.url));
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const runCli = (args: string[], env: Record<string, string> = {}) => runBin(bin, args, env);

describe('sora-kit without a command to run', () => {
  test.each(['--help', '-h', 'help', 'worker --help'])(
    '`sora-kit %s` prints the commands and every variable, exit 0',
    async (line) => {
      const run = runCli(line.split(' '));
      expect(await run.exited).toBe(0);
      expect(run.stdout()).toContain('usage: sora-kit worker');
      for (const name of [
        'SORA_KIT_STORAGE',
        'SORA_KIT_PROVIDER',
        'OPENROUTER_API_KEY',
        'OPENAI_BASE_URL',
        'PORT',
      ])
        expect(run.stdout()).toContain(name);
    },
  );

  test('--version prints the package version', async () => {
    const run = runCli(['--version']);
    expect(await run.exited).toBe(0);
    expect(run.stdout().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('an unknown command is refused with the help, exit 1', async () => {
    const run = runCli(['wroker']);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/^sora-kit: unknown command "wroker"\n/);
    expect(run.stdout()).toBe('');
  });

  test('SORA_KIT_PROVIDER=openrouter without its key says so in one line', async () => {
    const run = runCli(['worker'], { SORA_KIT_PROVIDER: 'openrouter', OPENROUTER_API_KEY: '', PORT: '0' });
    expect(await run.exited).toBe(1);
    expect(run.stderr().trim()).toBe(
      'sora-kit worker: SORA_KIT_PROVIDER=openrouter needs OPENROUTER_API_KEY',
    );
  });
});

describe('sora-kit worker for an OpenRouter web process on Redis', () => {
  const namespace = `cli_${crypto.randomUUID().slice(0, 8)}`;
  const env = { SORA_KIT_STORAGE: REDIS, SORA_KIT_NAMESPACE: namespace };
  const fake = createFakeOpenRouter({ apiKey: 'sk-or-cli', generationSeconds: 2 });
  let fakeServer: Awaited<ReturnType<typeof fake.listen>>;
  let dataDir: string;
  let worker: RunningBin;
  let web: Awaited<ReturnType<typeof deploymentFromEnv>>;

  beforeAll(async () => {
    fakeServer = await fake.listen();
    dataDir = await mkdtemp(join(tmpdir(), 'sora-kit-cli-'));
    worker = runCli(['worker'], {
      ...env,
      SORA_KIT_PROVIDER: 'openrouter',
      OPENROUTER_API_KEY: 'sk-or-cli',
      OPENROUTER_BASE_URL: fakeServer.url,
      SORA_KIT_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    // The worker says it is up (or why not) on its first line.
    await new Promise<void>((resolve, reject) => {
      worker.child.stdout?.on('data', () => {
        if (worker.stdout().includes('\n')) resolve();
      });
      void worker.exited.then(() => reject(new Error(`the worker exited: ${worker.stderr()}`)));
    });
    web = await deploymentFromEnv({ ...env, SORA_KIT_ROLE: 'web' });
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await web?.close();
    await fakeServer?.close();
    await dropNamespace(REDIS, namespace);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('names its provider, finishes the web process’s job and copies the video', async () => {
    expect(worker.stdout()).toMatch(
      /^sora-kit worker: OpenRouter at http:\/\/127\.0\.0\.1:\d+\/api\/v1; role worker, redis/,
    );
    const sora = createSoraHandler({
      provider: openrouterProvider({ apiKey: 'sk-or-cli', baseURL: fakeServer.url }),
      storage: web.storage,
      coordination: web.coordination,
      separateWorker: true,
      dataDir,
      secret: 'a cli test secret of at least 32 chars',
      logger: false,
    });
    try {
      const created = await sora.request('http://web.local/videos', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://web.local' },
        body: JSON.stringify({ prompt: 'A kite over the dunes', model: 'openai/sora-2-pro', seconds: 4 }),
      });
      expect(created.status).toBe(202);
      const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      let job = (await created.json()) as Job;
      const deadline = Date.now() + 60_000;
      while (job.status !== 'completed' && job.status !== 'failed' && Date.now() < deadline) {
        // The worker is another process: poll as a page without a stream would.
        await new Promise((resolve) => setTimeout(resolve, 200));
        job = (await (
          await sora.request(`http://web.local/videos/${job.jobId}`, { headers: { cookie } })
        ).json()) as Job;
      }
      expect(job.status, worker.stderr()).toBe('completed');
      const link = (await (
        await sora.request(`http://web.local/videos/${job.jobId}/media`, { headers: { cookie } })
      ).json()) as MediaLink;
      const video = await sora.request(new URL(link.url, 'http://web.local/').href, {
        headers: { range: 'bytes=0-7' },
      });
      expect(video.status).toBe(206);
      expect(new TextDecoder().decode(new Uint8Array(await video.arrayBuffer()).subarray(4, 8))).toBe('ftyp');
    } finally {
      await sora.close();
    }
  });
});
