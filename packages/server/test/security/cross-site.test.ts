/** Cross-site protection, CORS and auth adapters as the real handler applies them. */
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtAuth } from '../../src/auth/jwt.js';
import { identityFrom } from '../../src/auth/request-identity.js';
import { BASE, type JarClient, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

const EVIL = 'https://evil.example';

describe('cross-origin state changes answer 403', () => {
  let h: Harness;
  let alice: JarClient;
  let done: string;
  let failed: string;

  beforeAll(async () => {
    h = createHarness({ allowedOrigins: ['https://shop.example'] });
    alice = jarClient(h.app);
    done = (await (await alice.json('/videos', { prompt: 'kept' })).json()).jobId;
    failed = (await (await alice.json('/videos', { prompt: 'fake:failed' })).json()).jobId;
    await h.settle();
  });
  afterAll(() => h.close());

  const attacks = () => [
    { name: 'create', run: (o: HeadersInit) => alice.json('/videos', { prompt: 'csrf' }, { headers: o }) },
    {
      name: 'retry',
      run: (o: HeadersInit) => alice.request(`/videos/${failed}/retry`, { method: 'POST', headers: o }),
    },
    {
      name: 'remix',
      run: (o: HeadersInit) => alice.json(`/videos/${done}/remix`, { prompt: 'csrf' }, { headers: o }),
    },
    {
      name: 'delete',
      run: (o: HeadersInit) => alice.request(`/videos/${done}`, { method: 'DELETE', headers: o }),
    },
  ];

  it('refuses create, retry, remix and delete from another origin with the forbidden envelope', async () => {
    const before = h.double.counters.create + h.double.counters.remix;
    for (const attack of attacks()) {
      const variants: Record<string, string>[] = [
        { origin: EVIL },
        { 'sec-fetch-site': 'cross-site' },
        { referer: `${EVIL}/page` },
      ];
      for (const headers of variants) {
        const res = await attack.run(headers);
        expect(res.status, `${attack.name} ${JSON.stringify(headers)}`).toBe(403);
        expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
      }
    }
    expect(h.double.counters.create + h.double.counters.remix).toBe(before);
    const page = await (await alice.request('/videos')).json();
    expect(page.items.map((j: { jobId: string; attempts: number }) => [j.jobId, j.attempts]).sort()).toEqual(
      [
        [done, 1],
        [failed, 1],
      ].sort(),
    );
  });

  it('lets the same origin and the allowed origins through', async () => {
    expect(
      (await alice.json('/videos', { prompt: 'same origin' }, { headers: { origin: BASE } })).status,
    ).toBe(202);
    const allowed = await alice.json(
      '/videos',
      { prompt: 'shop' },
      { headers: { origin: 'https://shop.example' } },
    );
    expect(allowed.status).toBe(202);
  });

  it('never blocks reads from another origin (they are not state changes)', async () => {
    expect((await alice.request('/videos', { headers: { origin: EVIL } })).status).toBe(200);
  });
});

describe('a refusal a developer can act on', () => {
  it('names both origins and the settings in the 403, and logs the first refusal per page origin', async () => {
    const h = createHarness();
    try {
      // A dev server's proxy with changeOrigin: the page is on :5300, the handler sees its own host.
      const send = (origin: string) =>
        h.app.request('http://localhost:5301/videos', {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: 'A fox' }),
        });
      const refused = await send('http://127.0.0.1:5300');
      expect(refused.status).toBe(403);
      const { message } = ((await refused.json()) as { error: { message: string } }).error;
      expect(message).toContain(
        "the page's origin http://127.0.0.1:5300 is not this server's http://localhost:5301",
      );
      expect(message).toContain('allowedOrigins');
      expect(message).toContain('trustProxy');
      await send('http://127.0.0.1:5300');
      await send('https://evil.example');
      const warnings = h.logs.filter(
        (line) => line.level === 'warn' && line.message.includes('refused a state change'),
      );
      expect(warnings.map((line) => /from (\S+): /.exec(line.message)?.[1])).toEqual([
        'http://127.0.0.1:5300',
        'https://evil.example',
      ]);
    } finally {
      await h.close();
    }
  });
});

describe('mounted under a base path', () => {
  it('still refuses cross-origin changes and still exempts the webhooks route', async () => {
    const h = createHarness();
    const host = new Hono();
    host.route('/api/sora', h.app);
    const post = (path: string, origin: string) =>
      host.request(`${BASE}${path}`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: '{"prompt":"a"}',
      });
    expect((await post('/api/sora/videos', EVIL)).status).toBe(403);
    expect((await post('/api/sora/videos', BASE)).status).toBe(202);
    // Unsigned, so refused as a bad webhook (400) — but not as a cross-site request (403).
    expect((await post('/api/sora/webhooks/double', EVIL)).status).not.toBe(403);
    await h.close();
  });
});

describe('CORS through the handler', () => {
  it('answers the preflight of a listed origin and lets its POST through, with credentials when asked', async () => {
    const h = createHarness({ cors: { origins: ['https://widgets.example'], credentials: true } });
    const client = jarClient(h.app);
    const preflight = await client.request('/videos', {
      method: 'OPTIONS',
      headers: { origin: 'https://widgets.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://widgets.example');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const post = await client.json(
      '/videos',
      { prompt: 'embedded' },
      { headers: { origin: 'https://widgets.example' } },
    );
    expect(post.status).toBe(202);
    expect(post.headers.get('access-control-allow-origin')).toBe('https://widgets.example');
    const evil = await client.json('/videos', { prompt: 'x' }, { headers: { origin: EVIL } });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    await h.close();
  });

  it('sends no CORS headers when CORS is not configured', async () => {
    const h = createHarness();
    const res = await jarClient(h.app).request('/capabilities', {
      headers: { origin: 'https://widgets.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    await h.close();
  });
});

describe('auth adapters in the handler', () => {
  const SECRET_KEY = 'jwt-secret-for-the-handler-test-0123456789';

  it('jwtAuth: 401 without a valid token; jobs belong to the token subject', async () => {
    const h = createHarness({ auth: jwtAuth({ secret: SECRET_KEY, audience: 'sora' }) });
    const client = jarClient(h.app);
    const token = (sub: string) =>
      new SignJWT({ sub, aud: 'sora' })
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET_KEY));
    const none = await client.json('/videos', { prompt: 'x' });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const bad = await client.json('/videos', { prompt: 'x' }, { headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    const alice = { authorization: `Bearer ${await token('alice')}` };
    const created = await client.json('/videos', { prompt: 'mine' }, { headers: alice });
    expect(created.status).toBe(202);
    const jobId = (await created.json()).jobId;
    expect((await client.request(`/videos/${jobId}`, { headers: alice })).status).toBe(200);
    const bob = { authorization: `Bearer ${await token('bob')}` };
    expect((await client.request(`/videos/${jobId}`, { headers: bob })).status).toBe(404);
    await h.close();
  });

  it("identityFrom: the host's own session decides, and nobody is a 401", async () => {
    const h = createHarness({ auth: identityFrom((c) => c.req.header('x-test-user')) });
    const client = jarClient(h.app);
    expect((await client.request('/videos')).status).toBe(401);
    expect((await client.request('/videos', { headers: { 'x-test-user': 'u1' } })).status).toBe(200);
    await h.close();
  });
});
