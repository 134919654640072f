/**
 * Crash safety with real processes: a server is SIGKILLed mid-generation and again mid-copy, then
 * restarted over the same data dir. Every job must complete, with exactly one stored copy of each
 * file and exactly one video generated upstream per job.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Job, JobPage } from '@sora-kit/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFakeOpenAI } from '../../src/testing.js';
import { buildChild, type Child, startChild } from '../support/child-process.js';
import { SECRET } from '../support/harness.js';

const fake = createFakeOpenAI({ apiKey: 'sk-crash', generationSeconds: 3, faults: { latencyMs: 200 } });
let fakeServer: Awaited<ReturnType<typeof fake.listen>>;
let script: string;
let dataDir: string;
const children: Child[] = [];

beforeAll(async () => {
  [fakeServer, script, dataDir] = await Promise.all([
    fake.listen(),
    buildChild(),
    mkdtemp(join(tmpdir(), 'sora-crash-')),
  ]);
});

afterAll(async () => {
  await Promise.all(children.map((child) => child.kill()));
  await fakeServer?.close();
  if (script) await rm(dirname(script), { recursive: true, force: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const start = async () => {
  const child = await startChild(script, {
    FAKE_URL: fakeServer.url,
    FAKE_KEY: 'sk-crash',
    SECRET,
    DATA_DIR: dataDir,
  });
  children.push(child);
  return child;
};

let cookie = '';
async function call(child: Child, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(child.url + path, { ...init, headers });
  const set = response.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0] ?? '';
  return response;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    // A poll interval, not a sleep before an assertion: the state lives in child processes that
    // send no events, and this returns as soon as it holds.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function blobFiles(): Promise<string[]> {
  const root = join(dataDir, 'blobs');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

test('jobs survive SIGKILL mid-generation and mid-copy and end with exactly one copy each', async () => {
  let server = await start();
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const response = await call(server, '/videos', {
      method: 'POST',
      body: JSON.stringify({ prompt: `survivor ${i}` }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(202);
    ids.push(((await response.json()) as Job).jobId);
  }
  const list = async (child: Child) => ((await (await call(child, '/videos')).json()) as JobPage).items;

  // Mid-generation: some progress stored, nothing finished.
  await until(async () => (await list(server)).some((job) => job.progress > 0), 'progress');
  expect((await list(server)).every((job) => job.status !== 'completed')).toBe(true);
  await server.kill();

  // Mid-copy: a job's files are partly stored while the job is not yet completed.
  server = await start();
  await until(async () => {
    const files = (await blobFiles()).filter((f) => !f.includes('/.'));
    return ids.some((id) => {
      const mine = files.filter((f) => f.startsWith(`videos/${id}/`));
      return mine.length > 0 && mine.length < 3;
    });
  }, 'a copy in progress');
  await server.kill();

  server = await start();
  await until(
    async () => (await list(server)).every((job) => job.status === 'completed'),
    'all completed',
    60_000,
  );
  const jobs = await list(server);
  expect(jobs).toHaveLength(4);
  for (const job of jobs) {
    expect(job.asset).toMatchObject({ contentType: 'video/mp4', width: 1280, height: 720 });
    expect(job.progress).toBe(100);
  }
  // One generation upstream per job, whatever was re-sent after the crashes.
  expect(fake.videos()).toHaveLength(4);
  // Exactly the three files per job, each with its sidecar.
  const files = await blobFiles();
  const name = (f: string) => f.split('/').at(-1) ?? '';
  const data = files.filter((f) => !name(f).startsWith('.')).sort();
  const expected = ids.flatMap((id) =>
    ['spritesheet.jpg', 'thumbnail.jpg', 'video.mp4'].map((f) => `videos/${id}/${f}`),
  );
  expect(data).toEqual(expected.sort());
  expect(files.filter((f) => name(f).endsWith('.meta.json')).length).toBe(data.length);
  // The only other files allowed are the temp files of a write the SIGKILL cut short: never
  // served or listed, but (until fsBlobs sweeps them) left on disk.
  const debris = files.filter((f) => name(f).startsWith('.') && !name(f).endsWith('.meta.json'));
  expect(debris.every((f) => /\/\.[0-9a-f-]{36}\.partial(\.meta)?$/.test(f))).toBe(true);
  console.log(
    `crash run: ${fake.videos().length} upstream videos for ${ids.length} jobs; ${debris.length} temp files left by killed writes`,
  );
});
