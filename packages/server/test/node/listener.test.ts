/**
 * `@sora-kit/server/node` under real Node servers: Express 5 with `express.json()` in front,
 * plain `node:http`, and Fastify. Each creates a job, lets it complete and plays the media link
 * (which must carry the mount path) with a Range request.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Job, MediaLink } from '@sora-kit/core';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import mount from 'koa-mount';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeListener } from '../../src/node.js';
import type { SoraHandlerOptions } from '../../src/options.js';
import { createHarness, type Harness } from '../security/support/handler.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function harness(options: Partial<SoraHandlerOptions> = {}): Harness {
  const h = createHarness(options);
  cleanups.push(() => h.close());
  return h;
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Creates a job as the page would, completes it, and checks the media link and a ranged GET. */
async function roundTrip(origin: string, api: string, h: Harness): Promise<MediaLink> {
  const created = await fetch(`${origin}${api}/videos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ prompt: 'A paper boat on a pond' }),
  });
  expect(created.status).toBe(202);
  const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { jobId } = (await created.json()) as Job;
  await h.settle();
  const linked = await fetch(`${origin}${api}/videos/${jobId}/media`, { headers: { cookie } });
  expect(linked.status).toBe(200);
  const link = (await linked.json()) as MediaLink;
  expect(link.url.startsWith(`${api}/media/${jobId}/video?`)).toBe(true);
  const whole = await fetch(new URL(link.url, origin));
  expect(whole.status).toBe(200);
  await whole.arrayBuffer();
  const part = await fetch(new URL(link.url, origin), { headers: { range: 'bytes=0-99' } });
  expect(part.status).toBe(206);
  expect((await part.arrayBuffer()).byteLength).toBe(100);
  return link;
}

describe('Express 5', () => {
  it('works under app.use("/api/sora") with express.json() in front', async () => {
    const h = harness();
    const app = express();
    app.use(express.json());
    app.use('/api/sora', toNodeListener(h.app));
    app.get('/', (_req, res) => {
      res.send('page');
    });
    const origin = await listen(createServer(app));
    await roundTrip(origin, '/api/sora', h);
    expect(await (await fetch(`${origin}/`)).text()).toBe('page');
  });

  it('works without a body parser, and with express.urlencoded()/text() for other routes', async () => {
    const h = harness();
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.use(express.text());
    app.use('/api/sora', toNodeListener(h.app));
    const origin = await listen(createServer(app));
    await roundTrip(origin, '/api/sora', h);
  });

  it('hands on a JSON body the parser read, keeping its validation errors precise', async () => {
    const h = harness();
    const app = express();
    app.use(express.json());
    app.use('/api/sora', toNodeListener(h.app));
    const origin = await listen(createServer(app));
    const res = await fetch(`${origin}/api/sora/videos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ prompt: '' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });

  it('answers a clear contract error when a middleware ate the body', async () => {
    const h = harness();
    const app = express();
    app.use((req, _res, next) => {
      req.resume();
      req.on('end', () => next());
    });
    app.use('/api/sora', toNodeListener(h.app));
    const origin = await listen(createServer(app));
    const res = await fetch(`${origin}/api/sora/videos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ prompt: 'x' }),
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toMatch(/body was read by a middleware before the sora-kit handler/);
  });

  it('says so when mounted at another path than the handler’s basePath', async () => {
    const h = harness({ basePath: '/api/sora' });
    const app = express();
    app.use('/api/video', toNodeListener(h.app));
    const origin = await listen(createServer(app));
    const res = await fetch(`${origin}/api/video/capabilities`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/basePath/);
  });
  it("keeps the host's Vary beside the handler's CORS Vary (a shared cache must not mix variants)", async () => {
    const h = harness({ cors: { origins: ['https://widgets.example'] } });
    const app = express();
    app.use((_req, res, next) => {
      res.setHeader('Vary', 'Accept-Encoding, Cookie');
      next();
    });
    app.use('/api/sora', toNodeListener(h.app));
    const origin = await listen(createServer(app));
    const from = { origin: 'https://widgets.example' };
    const read = await fetch(`${origin}/api/sora/capabilities`, { headers: from });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('https://widgets.example');
    expect(read.headers.get('vary')).toBe('Accept-Encoding, Cookie, Origin');
    const preflight = await fetch(`${origin}/api/sora/videos`, {
      method: 'OPTIONS',
      headers: {
        ...from,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('vary')).toBe(
      'Accept-Encoding, Cookie, Origin, Access-Control-Request-Headers',
    );
  });
});

describe('node:http', () => {
  it('serves the API under basePath and answers a contract 404 outside it', async () => {
    const h = harness();
    const origin = await listen(createServer(toNodeListener(h.app, { basePath: '/api/sora' })));
    await roundTrip(origin, '/api/sora', h);
    const outside = await fetch(`${origin}/elsewhere`);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it("takes the handler's own basePath", async () => {
    const h = harness({ basePath: '/v' });
    const origin = await listen(createServer(toNodeListener(h.app)));
    await roundTrip(origin, '/v', h);
  });
});

describe('Koa', () => {
  it('serves the API from a plain middleware under basePath, as docs/mounting.md shows', async () => {
    const h = harness();
    const api = toNodeListener(h.app, { basePath: '/api/sora' });
    const app = new Koa();
    app.use((ctx, next) => {
      if (ctx.path !== '/api/sora' && !ctx.path.startsWith('/api/sora/')) return next();
      ctx.respond = false;
      api(ctx.req, ctx.res);
    });
    app.use((ctx) => {
      ctx.body = 'koa page';
    });
    const origin = await listen(createServer(app.callback()));
    await roundTrip(origin, '/api/sora', h);
    expect(await (await fetch(`${origin}/`)).text()).toBe('koa page');
  });

  it('works under koa-mount once the whole URL is given back', async () => {
    const h = harness();
    const api = toNodeListener(h.app, { basePath: '/api/sora' });
    const app = new Koa();
    app.use(
      mount('/api/sora', (ctx) => {
        ctx.req.url = ctx.originalUrl;
        ctx.respond = false;
        api(ctx.req, ctx.res);
      }),
    );
    const origin = await listen(createServer(app.callback()));
    await roundTrip(origin, '/api/sora', h);
  });
});

describe('Fastify', () => {
  it('serves the API from a scope that leaves the body to the handler', async () => {
    const h = harness();
    const fastify = Fastify({ forceCloseConnections: true });
    const sora = toNodeListener(h.app, { basePath: '/api/sora' });
    await fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
      scope.all('/api/sora/*', (request, reply) => {
        reply.hijack();
        sora(request.raw, reply.raw);
      });
    });
    const address = await fastify.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => fastify.close());
    await roundTrip(address, '/api/sora', h);
  });
});

describe('toRouteHandlers (Next.js App Router)', () => {
  it('answers whole URLs under basePath for every method', async () => {
    const { toRouteHandlers } = await import('../../src/route-handlers.js');
    const h = harness({ basePath: '/api/sora' });
    const { GET, POST } = toRouteHandlers(h.app);
    const created = await POST(
      new Request('http://localhost:3000/api/sora/videos', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ prompt: 'A kite' }),
      }),
    );
    expect(created.status).toBe(202);
    expect((await GET(new Request('http://localhost:3000/api/sora/capabilities'))).status).toBe(200);
  });

  it('refuses a handler without basePath at start-up, in one line', async () => {
    const { toRouteHandlers } = await import('../../src/route-handlers.js');
    expect(() => toRouteHandlers(harness().app)).toThrow(
      /^toRouteHandlers: create the handler with `basePath`/,
    );
  });
});
