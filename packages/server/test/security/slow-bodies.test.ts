/**
 * Bodies over a real socket: a body slower than its deadline is cut off with 408 and the
 * connection closed; an upload the client abandons is logged once at debug level, never as an
 * unhandled error; the webhook route's 413 says `Connection: close` and closes.
 */
import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHarness, type Harness } from './support/handler.js';

let h: Harness | undefined;
let server: ReturnType<typeof serve> | undefined;

afterEach(async () => {
  (server as import('node:http').Server | undefined)?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
  await h?.close();
  h = undefined;
});

/** Called when a request reaches the handler (its body is being read from then on). */
let bodyReadStarted = () => {};

async function listen(options: Parameters<typeof createHarness>[0]): Promise<number> {
  h = createHarness({ limits: false, quotas: false, ...options });
  const app = h.app;
  server = serve({
    fetch: (request, env) => {
      bodyReadStarted();
      return app.fetch(request, env);
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Starts a POST whose body is announced but only partly sent. */
function partialPost(port: number, path: string, declared: number, sent: string) {
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(declared) },
  });
  req.on('error', () => {}); // the abort test destroys it on purpose
  req.write(sent);
  return req;
}

async function bodyOf(res: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of res) text += chunk;
  return text;
}

describe('slow and abandoned bodies', () => {
  it('cuts off a body slower than its deadline: 408, the envelope, Connection: close', async () => {
    const port = await listen({ bodyTimeoutMs: 300 });
    const req = partialPost(port, '/videos', 1000, '{"prompt":');
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    expect(res.statusCode).toBe(408);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(await bodyOf(res)).error.code).toBe('invalid_request');
    req.destroy();
  });

  it('logs an abandoned upload once at debug level, not as an unhandled error', async () => {
    const port = await listen({});
    const reading = new Promise<void>((resolve) => {
      bodyReadStarted = resolve;
    });
    const req = partialPost(port, '/videos', 10_000, '{"prompt":"half');
    await reading;
    req.destroy();
    await vi.waitFor(() =>
      expect(h?.logs.filter((l) => l.message === 'request body aborted by the client')).toHaveLength(1),
    );
    expect(h?.logs.filter((l) => l.level !== 'debug')).toEqual([]);
  });

  it('answers an oversized webhook 413 with Connection: close, and closes', async () => {
    const port = await listen({});
    const req = partialPost(port, '/webhooks/double', 10_000_000, 'x'.repeat(1000));
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    expect(res.statusCode).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(await bodyOf(res)).error.code).toBe('payload_too_large');
    await once(req.socket!, 'close');
  });
});
