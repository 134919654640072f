/**
 * An event stream whose client stops reading: writes wait (the heartbeat's too) without piling up
 * listeners, every waiting write goes on once the client reads again, and a shutdown does not
 * wait for a client that never reads.
 */
import type { ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, expect, test } from 'vitest';
import { createSoraMetrics } from '../../src/observability/metrics.js';
import { createStreamTracker } from '../../src/observability/streams.js';
import { type EventSink, eventStreamResponse } from '../../src/routes/event-stream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An app whose `/stream` hands its sink (and Node's response, when there is one) to the test. */
function streamingApp() {
  let opened!: (value: { sink: EventSink; outgoing?: ServerResponse }) => void;
  const stream = new Promise<{ sink: EventSink; outgoing?: ServerResponse }>((resolve) => {
    opened = resolve;
  });
  const app = new Hono();
  // The handler always has middleware; without any, Hono never sets `c.res`, which the stream
  // reads its head from.
  app.use('*', async (_c, next) => {
    await next();
  });
  app.get('/stream', (c) =>
    eventStreamResponse(c, (sink) => {
      opened({ sink, outgoing: (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing });
      return () => {};
    }),
  );
  return { app, stream };
}

/** A raw client that sends the request and then reads only when told to. */
async function stalledClient(app: Hono): Promise<{ socket: Socket; received: () => number }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  let bytes = 0;
  socket.on('data', (chunk) => {
    bytes += chunk.length;
  });
  cleanups.push(async () => {
    socket.destroy();
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  });
  socket.write('GET /stream HTTP/1.1\r\nHost: test\r\n\r\n');
  await new Promise((resolve) => socket.once('data', resolve));
  socket.pause();
  return { socket, received: () => bytes };
}

test('on Node, writes waiting on a client that stopped reading share one drain listener and all go on', async () => {
  const { app, stream } = streamingApp();
  const client = await stalledClient(app);
  const { sink, outgoing } = await stream;
  if (!outgoing) throw new Error('expected the stream to be written to Node’s response');
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  cleanups.push(() => {
    process.off('warning', onWarning);
  });

  // Far more than the socket and the kernel buffer, then many small writes (heartbeats) behind it.
  const big = sink.write(`: ${'x'.repeat(16 * 1024 * 1024)}\n\n`);
  const beats = Array.from({ length: 30 }, () => sink.write(': heartbeat\n\n'));
  let settled = 0;
  for (const write of [big, ...beats]) void write.then(() => settled++);
  await new Promise((resolve) => setImmediate(resolve));

  expect(settled).toBe(0); // they really wait for the client
  expect(outgoing.listenerCount('drain')).toBeLessThanOrEqual(1);
  expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);

  client.socket.resume();
  await Promise.all([big, ...beats]);
  expect(settled).toBe(31);
  expect(outgoing.listenerCount('drain')).toBe(0);
});

test('through the Fetch path, an event and a heartbeat waiting together both go on once the client reads', async () => {
  const { app, stream } = streamingApp();
  const response = await app.request('/stream');
  const { sink } = await stream;
  const event = sink.writeSSE({ event: 'job', data: 'y'.repeat(100 * 1024) });
  const heartbeat = sink.write(': heartbeat\n\n');
  let settled = 0;
  for (const write of [event, heartbeat]) void write.then(() => settled++);
  await new Promise((resolve) => setImmediate(resolve));
  expect(settled).toBe(0);

  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  const decoder = new TextDecoder();
  while (!text.includes(': heartbeat')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await Promise.all([event, heartbeat]);
  expect(settled).toBe(2);
  // The stream is still alive: a later event arrives too.
  const later = sink.writeSSE({ event: 'job', data: 'later' });
  const { value } = await reader.read();
  await later;
  expect(decoder.decode(value)).toContain('data: later');
  sink.close();
});

test('closing every stream at shutdown does not wait for a client that stopped reading', () => {
  const tracker = createStreamTracker(createSoraMetrics());
  let closed = false;
  const hints: string[] = [];
  const stuck = {
    // A client that never reads: the write never completes.
    write: (text: string) => {
      hints.push(text);
      return new Promise<void>(() => {});
    },
    close: () => {
      closed = true;
    },
  };
  const untrack = tracker.add(stuck);
  cleanups.push(untrack);

  tracker.closeAll();
  expect(hints.join('')).toMatch(/^retry: \d+\n: server shutting down/);
  expect(closed).toBe(true);
});
