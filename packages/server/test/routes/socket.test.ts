/** The handler over a real socket (@hono/node-server), mounted under a base path as the demo does. */
import type { Job, JobPage, MediaLink } from '@sora-kit/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, harness } from '../support/harness.js';
import { type SocketServer, serveOverSocket } from '../support/socket-server.js';
import { sseReader } from '../support/sse.js';

let h: Harness;
let server: SocketServer;
let base: string;

beforeAll(async () => {
  h = await harness();
  server = await serveOverSocket(h.handler);
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await h.cleanup();
});

test('over a socket: create, stream progress, complete and fetch a byte range of the video', async () => {
  const created = await fetch(`${base}/videos`, {
    method: 'POST',
    body: JSON.stringify({ prompt: 'Over the wire' }),
    headers: { 'content-type': 'application/json' },
  });
  expect(created.status).toBe(202);
  const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { jobId } = (await created.json()) as Job;

  const controller = new AbortController();
  const stream = await fetch(`${base}/videos/${jobId}/events`, {
    headers: { cookie },
    signal: controller.signal,
  });
  expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
  const events = sseReader(stream);
  expect((await events.next())?.event).toBe('job');
  await h.run(11_000);
  let last: Job | undefined;
  for (let event = await events.next(); event; event = await events.next()) last = JSON.parse(event.data);
  expect(last?.status).toBe('completed');

  const list = (await (await fetch(`${base}/videos`, { headers: { cookie } })).json()) as JobPage;
  expect(list.items.map((job) => job.jobId)).toEqual([jobId]);
  const link = (await (
    await fetch(`${base}/videos/${jobId}/media`, { headers: { cookie } })
  ).json()) as MediaLink;
  // Relative to the page's origin, with the mount path.
  expect(link.url.startsWith(`/api/sora/media/${jobId}/video?`)).toBe(true);
  const range = await fetch(new URL(link.url, base), { headers: { range: 'bytes=0-9' } });
  expect(range.status).toBe(206);
  expect(range.headers.get('content-range')).toMatch(/^bytes 0-9\/\d+$/);
  expect((await range.arrayBuffer()).byteLength).toBe(10);
  controller.abort();
});

test('over a socket: a client that disconnects from /events does not keep the server busy', async () => {
  const controller = new AbortController();
  const response = await fetch(`${base}/events`, { signal: controller.signal });
  expect(response.status).toBe(200);
  controller.abort();
  // The server still answers promptly after the disconnect.
  const health = await fetch(`${base}/health`);
  expect(await health.json()).toEqual({ ok: true });
});
