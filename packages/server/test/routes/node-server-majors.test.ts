/**
 * A host serves its app with whichever @hono/node-server it installed: `npm i @hono/node-server`
 * gives 2.x today, while the server package was first built against 1.x. Event streams are
 * written straight to Node's response, so they depend on how node-server treats an answer marked
 * as already sent; each major must deliver the events, with the host's headers and without the
 * marker.
 */

import { serve as serveV1 } from '@hono/node-server';
import { serve as serveV2 } from '@hono/node-server-2';
import type { Job } from '@sora-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, harness } from '../support/harness.js';
import { type Serve, type SocketServer, serveOverSocket } from '../support/socket-server.js';
import { sseReader } from '../support/sse.js';

describe.each([
  ['1.x', serveV1 as Serve],
  ['2.x', serveV2 as unknown as Serve],
])('served by @hono/node-server %s', (_major, serveWith) => {
  let h: Harness;
  let server: SocketServer;

  beforeAll(async () => {
    h = await harness();
    server = await serveOverSocket(
      h.handler,
      (app) => {
        app.use('*', async (c, next) => {
          await next();
          c.res.headers.set('x-host-app', 'seen');
        });
      },
      serveWith,
    );
  });

  afterAll(async () => {
    await server.close();
    await h.cleanup();
  });

  /** Creates a job over the socket, in `cookie`'s session or a new one; its session and id. */
  async function create(prompt: string, cookie?: string): Promise<{ cookie: string; jobId: string }> {
    const created = await fetch(`${server.base}/videos`, {
      method: 'POST',
      body: JSON.stringify({ prompt }),
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    });
    expect(created.status).toBe(202);
    const issued = (created.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { cookie: cookie ?? issued, jobId: ((await created.json()) as Job).jobId };
  }

  test('an event stream delivers the job, with the host’s headers and no internal marker', async () => {
    const { cookie, jobId } = await create('A lighthouse at dawn');

    const controller = new AbortController();
    const stream = await fetch(`${server.base}/videos/${jobId}/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('x-host-app')).toBe('seen');
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.headers.get('x-hono-already-sent')).toBeNull();
    const first = await sseReader(stream).next();
    expect(first?.event).toBe('job');
    expect((JSON.parse(first?.data ?? '{}') as Job).jobId).toBe(jobId);
    controller.abort();
  });

  test('a status read carries the security headers, no-store and the request id', async () => {
    const { cookie, jobId } = await create('Read me back');
    const read = await fetch(`${server.base}/videos/${jobId}`, {
      headers: { cookie, 'x-request-id': 'r-1' },
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as Job).jobId).toBe(jobId);
    expect(read.headers.get('x-request-id')).toBe('r-1');
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    expect(read.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(read.headers.get('x-host-app')).toBe('seen');
  });

  test('the feed of all jobs stays open for what comes next', async () => {
    const { cookie } = await create('A second job');
    const controller = new AbortController();
    const stream = await fetch(`${server.base}/events`, { headers: { cookie }, signal: controller.signal });
    const events = sseReader(stream);
    expect((await events.next())?.event).toBe('job');
    // A job created after the stream opened arrives on it.
    const { jobId } = await create('Created while watching', cookie);
    let seen: Job | undefined;
    while (seen?.jobId !== jobId) {
      const event = await events.next();
      if (!event) break;
      if (event.event === 'job') seen = JSON.parse(event.data) as Job;
    }
    expect(seen?.jobId).toBe(jobId);
    controller.abort();
  });
});
