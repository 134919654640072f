/**
 * Over a real socket (@hono/node-server), the handler reads request headers from Node's parsed
 * request and sets response headers without rebuilding the answer; these check that what a
 * client sees is the same as through the Fetch path: its request id echoed, the security headers,
 * the session cookie honoured, and an event stream's place freed when its client leaves.
 */
import type { Job } from '@sora-kit/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, harness } from '../support/harness.js';
import { type SocketServer, serveOverSocket } from '../support/socket-server.js';
import { sseReader } from '../support/sse.js';

let h: Harness;
let server: SocketServer;
let base: string;

beforeAll(async () => {
  h = await harness({ maxEventStreamsPerIdentity: 2 });
  server = await serveOverSocket(h.handler);
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await h.cleanup();
});

async function signedIn(): Promise<{ cookie: string; jobId: string }> {
  const created = await fetch(`${base}/videos`, {
    method: 'POST',
    body: JSON.stringify({ prompt: 'Headers on the wire' }),
    headers: { 'content-type': 'application/json' },
  });
  expect(created.status).toBe(202);
  const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, jobId: ((await created.json()) as Job).jobId };
}

test('a status read echoes the caller’s request id and carries the security headers', async () => {
  const { cookie, jobId } = await signedIn();
  const response = await fetch(`${base}/videos/${jobId}`, {
    headers: { cookie, 'x-request-id': 'req-from-the-proxy-42' },
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as Job).jobId).toBe(jobId);
  expect(response.headers.get('x-request-id')).toBe('req-from-the-proxy-42');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(response.headers.get('cache-control')).toBe('no-store');
});

test('the session cookie is read among other cookies, and another session sees nothing', async () => {
  const { cookie, jobId } = await signedIn();
  const mine = await fetch(`${base}/videos/${jobId}`, {
    headers: { cookie: `theme=dark; ${cookie}; other=1` },
  });
  expect(mine.status).toBe(200);
  const stranger = await fetch(`${base}/videos/${jobId}`, { headers: { cookie: 'theme=dark' } });
  expect(stranger.status).toBe(404);
});

test('an event stream carries the request id, and a client that leaves frees its place', async () => {
  const { cookie } = await signedIn();
  const open = async (id: string) => {
    const controller = new AbortController();
    const response = await fetch(`${base}/events`, {
      headers: { cookie, 'x-request-id': id },
      signal: controller.signal,
    });
    return { response, controller };
  };
  const first = await open('stream-1');
  const second = await open('stream-2');
  expect(first.response.headers.get('x-request-id')).toBe('stream-1');
  expect(first.response.headers.get('content-type')).toMatch(/text\/event-stream/);
  expect((await sseReader(first.response).next())?.event).toBe('job');
  // Two streams is this identity's limit: a third is refused until one leaves.
  expect((await fetch(`${base}/events`, { headers: { cookie } })).status).toBe(429);
  first.controller.abort();
  await expect
    .poll(async () => {
      const third = await open('stream-3');
      third.controller.abort();
      return third.response.status;
    })
    .toBe(200);
  second.controller.abort();
});
