// The fuzz suite against the demo started as a process (real sockets, the demo's own defaults:
// file storage, per-client limits, timeouts): whatever arrives, no 5xx, no hang, the envelope on
// every 4xx, hostile images included — and the process is still up and serving afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  check,
  contentType,
  counted,
  hostileImages,
  imageForm,
  query,
  rawBody,
  segment,
} from '../../packages/server/test/security/support/fuzz.js';
import { type RunningDemo, startDemo } from './demo-process.js';

let demo: RunningDemo;
let dataDir: string;
let cookie = '';

/** One browser: every request carries the session the first answer set (cookie-less requests
 * would each mint a session and soon meet the per-client session limit instead of the routes). */
const send = (url: string, init: RequestInit) => {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  return fetch(url, { ...init, headers, redirect: 'manual' });
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sora-kit-fuzz-'));
  demo = await startDemo({ SORA_KIT_DATA_DIR: dataDir, SORA_KIT_FAKE_SECONDS: '2' });
  const first = await fetch(`${demo.url}/api/sora/videos`);
  cookie = first.headers.getSetCookie()[0]?.split(';')[0] ?? '';
});

afterAll(async () => {
  await demo?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('fuzzing the demo as a process', () => {
  const api = () => `${demo.url}/api/sora/`;
  const run = (path: string, init: RequestInit = {}) => check(send, api(), path.replace(/^\//, ''), init);

  it('POST /videos with any body and content type', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, async (body, type) => {
        await run('/videos', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });
      }),
      { numRuns: 300 },
    );
  });

  it('POST /videos as multipart with hostile images', async () => {
    const form = imageForm(await hostileImages());
    await fc.assert(
      fc.asyncProperty(form, async (body) => {
        await run('/videos', { method: 'POST', body });
      }),
      { numRuns: 60 },
    );
  });

  it('job and media routes with any id and query', async () => {
    const route = fc.constantFrom('GET', 'GET media', 'POST retry', 'DELETE');
    await fc.assert(
      fc.asyncProperty(route, segment, query, async (r, id, q) => {
        if (r === 'GET') return run(`/videos/${id}?${q}`);
        if (r === 'GET media') return run(`/media/${id}/video?${q}`);
        if (r === 'POST retry') return run(`/videos/${id}/retry`, { method: 'POST' });
        return run(`/videos/${id}`, { method: 'DELETE' });
      }),
      { numRuns: 300 },
    );
  });

  it('is still up and answering afterwards, with nothing logged as unhandled', async () => {
    expect(counted.total).toBeGreaterThanOrEqual(600);
    expect((await fetch(`${demo.url}/api/sora/health`)).status).toBe(200);
    expect(demo.process.exitCode).toBe(null);
    expect(demo.output()).not.toMatch(/unhandled error|\n\s+at .+:\d+:\d+\)/);
  });
});
