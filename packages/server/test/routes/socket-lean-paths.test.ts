/**
 * Over a real socket (@hono/node-server), the handler reads request headers from Node's parsed
 * request and sets response headers without rebuilding the answer; these check that what a
 * client sees is the same as through the Fetch path: its request id echoed, the security headers,
 * the session cookie honoured, and an event stream's place freed when its client leaves. Event
 * streams are written straight to Node's response there: the head must still carry what every
 * middleware (ours and the host's) set, and a stream that ends at once must still end.
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
  server = await serveOverSocket(h.handler, (app) => {
    // A host's middleware that does I/O before the handler and sets a header after it.
    app.use('*', async (c, next) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await next();
      c.res.headers.set('x-host-app', 'seen');
    });
    // A host's middleware that tightens one of the security headers on its way out.
    app.use('*', async (c, next) => {
      await next();
      if (c.req.header('x-deny-frames')) c.res.headers.set('x-frame-options', 'DENY');
    });
  });
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

test('every header the Fetch path answers with comes over the socket too, with the same value', async () => {
  const { cookie, jobId } = await signedIn();
  const overSocket = await fetch(`${base}/videos/${jobId}`, { headers: { cookie } });
  const inProcess = await h.handler.request(`/videos/${jobId}`, { headers: { cookie } });
  expect(overSocket.status).toBe(200);
  expect(inProcess.status).toBe(200);
  const perRequest = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'content-length']);
  const names = [...inProcess.headers.keys()].filter((name) => !perRequest.has(name));
  expect(names).toContain('x-frame-options');
  for (const name of names) expect(overSocket.headers.get(name), name).toBe(inProcess.headers.get(name));
  expect(overSocket.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

test('a route’s own Cache-Control and a host’s stricter security header win over the defaults', async () => {
  const capabilities = await fetch(`${base}/capabilities`);
  expect(capabilities.status).toBe(200);
  expect(capabilities.headers.get('cache-control')).toBe('private, max-age=60');
  expect(capabilities.headers.get('x-content-type-options')).toBe('nosniff');
  const denied = await fetch(`${base}/capabilities`, { headers: { 'x-deny-frames': '1' } });
  expect(denied.headers.get('x-frame-options')).toBe('DENY');
  expect((await fetch(`${base}/capabilities`)).headers.get('x-frame-options')).toBe('SAMEORIGIN');
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

test('an event stream over a socket carries the host’s headers and issues a session', async () => {
  // No cookie yet: the stream issues a session and ends after its snapshot, so the client
  // reconnects with the cookie it kept.
  const response = await fetch(`${base}/events`);
  expect(response.status).toBe(200);
  expect(response.headers.get('x-host-app')).toBe('seen');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
  const events = sseReader(response);
  for (let event = await events.next(); event; event = await events.next()) {
    // a new identity has no jobs: nothing but comments before the end
  }
  expect(await events.next()).toBeNull();
});

test('an event stream over a socket of a job that already ended sends it and ends', async () => {
  const { cookie, jobId } = await signedIn();
  await h.run(11_000);
  const response = await fetch(`${base}/videos/${jobId}/events`, { headers: { cookie } });
  expect(response.headers.get('x-host-app')).toBe('seen');
  const events = sseReader(response);
  const seen: Job[] = [];
  for (let event = await events.next(); event; event = await events.next()) seen.push(JSON.parse(event.data));
  expect(seen.map((job) => job.status)).toEqual(['completed']);
});

test('an error page a host’s middleware puts in place of an event stream is what the client gets', async () => {
  const guarded = await serveOverSocket(h.handler, (app) => {
    app.use('*', async (c, next) => {
      await next();
      if (c.req.header('x-deny') === 'yes') c.res = c.json({ error: { code: 'forbidden' } }, 403);
    });
  });
  try {
    const { cookie } = await signedIn();
    const response = await fetch(`${guarded.base}/events`, { headers: { cookie, 'x-deny': 'yes' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'forbidden' } });
    // The stream behind the refused answer was closed: its place is free again.
    const { cookie: second } = await signedIn();
    for (const _ of [1, 2]) {
      const refused = await fetch(`${guarded.base}/events`, { headers: { cookie: second, 'x-deny': 'yes' } });
      expect(refused.status).toBe(403);
    }
    const controller = new AbortController();
    const open = await fetch(`${guarded.base}/events`, {
      headers: { cookie: second },
      signal: controller.signal,
    });
    expect(open.status).toBe(200);
    controller.abort();
  } finally {
    await guarded.close();
  }
});
