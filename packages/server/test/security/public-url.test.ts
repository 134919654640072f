/**
 * The handler behind a TLS-terminating proxy, under a mount and under `next start`: media links,
 * the origin check and the session cookie follow `publicUrl`, `basePath` and `trustProxy`.
 */
import type { Job, MediaLink } from '@sora-kit/core';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { SoraHandlerOptions } from '../../src/options.js';
import { clientAddress, resolvePublicUrl } from '../../src/proxy.js';
import { createHarness, type Harness } from './support/handler.js';

const harnesses: Harness[] = [];
function handler(options: Partial<SoraHandlerOptions> = {}): Harness {
  const h = createHarness(options);
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

const json = (headers: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ prompt: 'A lighthouse at dusk' }),
});

/** Creates one job through `request` and returns its media link and the cookie line. */
async function createAndLink(
  request: (path: string, init?: RequestInit) => Response | Promise<Response>,
  prefix: string,
  headers: Record<string, string>,
  h: Harness,
) {
  const created = await request(`${prefix}/videos`, json(headers));
  expect(created.status).toBe(202);
  const cookieLine = created.headers.get('set-cookie') ?? '';
  const cookie = cookieLine.split(';')[0] ?? '';
  const { jobId } = (await created.json()) as Job;
  await h.settle();
  const res = await request(`${prefix}/videos/${jobId}/media`, { headers: { ...headers, cookie } });
  expect(res.status).toBe(200);
  return { link: (await res.json()) as MediaLink, cookieLine, jobId };
}

describe('behind a TLS-terminating proxy', () => {
  const proxied = {
    origin: 'https://app.example',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'app.example',
    'x-forwarded-for': '203.0.113.7',
  };

  it('with trustProxy, accepts the https page, sets a Secure cookie and links under the mount', async () => {
    const h = handler({ trustProxy: true });
    const app = new Hono().route('/api/sora', h.app);
    const { link, cookieLine } = await createAndLink(
      (path, init) => app.request(`http://internal:3000${path}`, init),
      '/api/sora',
      proxied,
      h,
    );
    expect(cookieLine).toMatch(/;\s*Secure/i);
    expect(link.url).toMatch(/^\/api\/sora\/media\/job_[^/]+\/video\?/);
    const media = await app.request(`http://internal:3000${link.url}`, { headers: { range: 'bytes=0-99' } });
    expect(media.status).toBe(206);
  });

  it('reads the standard Forwarded header too', async () => {
    const h = handler({ trustProxy: 1 });
    const res = await h.app.request(
      'http://internal:3000/videos',
      json({ origin: 'https://app.example', forwarded: 'for=203.0.113.7;proto=https;host="app.example"' }),
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('without trustProxy, refuses the https page and says what to configure', async () => {
    const h = handler();
    const res = await h.app.request('http://app.example/videos', json(proxied));
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toContain('trustProxy');
  });

  it('takes the port from X-Forwarded-Port when the forwarded host has none (nginx $host)', async () => {
    const h = handler({ trustProxy: 1 });
    const nginx = {
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'localhost',
      'x-forwarded-port': '18080',
    };
    const res = await h.app.request(
      'http://127.0.0.1:3000/videos',
      json({ ...nginx, origin: 'http://localhost:18080' }),
    );
    expect(res.status).toBe(202);
    // A port in the forwarded host wins; the default port of the scheme is no port.
    const named = await h.app.request(
      'http://127.0.0.1:3000/videos',
      json({ ...nginx, 'x-forwarded-host': 'localhost:8080', origin: 'http://localhost:8080' }),
    );
    expect(named.status).toBe(202);
    const https = await h.app.request(
      'http://127.0.0.1:3000/videos',
      json({
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'app.example',
        'x-forwarded-port': '443',
        origin: 'https://app.example',
      }),
    );
    expect(https.status).toBe(202);
  });

  it('says how to forward the port when only the port differs', async () => {
    const h = handler({ trustProxy: 1 });
    const res = await h.app.request(
      'http://127.0.0.1:3000/videos',
      json({
        'x-forwarded-proto': 'http',
        'x-forwarded-host': 'localhost',
        origin: 'http://localhost:18080',
      }),
    );
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain('http://localhost:18080 is not this server');
    expect(body.error.message).toContain('$http_host');
  });

  it('compares the port exactly', async () => {
    const h = handler({ trustProxy: true });
    const res = await h.app.request(
      'http://internal:3000/videos',
      json({ ...proxied, origin: 'https://app.example:8443' }),
    );
    expect(res.status).toBe(403);
  });
});

describe('publicUrl (next start sees localhost:PORT)', () => {
  const publicUrl = 'https://videos.example/api/sora';

  it('makes absolute links under publicUrl, accepts its origin and sets a Secure cookie', async () => {
    const h = handler({ publicUrl });
    const request = (path: string, init?: RequestInit) => h.app.request(`http://localhost:3000${path}`, init);
    const { link, cookieLine } = await createAndLink(
      request,
      '/api/sora',
      { origin: 'https://videos.example' },
      h,
    );
    expect(link.url).toMatch(/^https:\/\/videos\.example\/api\/sora\/media\/job_[^/]+\/video\?/);
    expect(cookieLine).toMatch(/;\s*Secure/i);
    const media = await request(new URL(link.url).pathname + new URL(link.url).search, {
      headers: { range: 'bytes=0-99' },
    });
    expect(media.status).toBe(206);
  });

  it('refuses the server-local origin once publicUrl says otherwise', async () => {
    const h = handler({ publicUrl });
    const res = await h.app.request(
      'http://localhost:3000/api/sora/videos',
      json({ origin: 'http://localhost:3000' }),
    );
    expect(res.status).toBe(403);
  });

  it.each([
    ['videos.example/api/sora', /absolute http\(s\) URL/],
    ['ftp://videos.example/api', /http:\/\/ or https:\/\//],
    ['https://videos.example/api/sora?x=1', /query or a fragment/],
    ['https://videos.example/api/sora#top', /query or a fragment/],
  ])('refuses publicUrl %s at start-up with one line', (bad, message) => {
    expect(() => handler({ publicUrl: bad })).toThrow(message);
    try {
      handler({ publicUrl: bad });
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).toMatch(/^createSoraHandler: /);
    }
  });
});

describe('basePath', () => {
  it('lets fetch take whole URLs, as Next.js, Bun and Deno pass them', async () => {
    const h = handler({ basePath: '/api/sora' });
    const fetchWhole = (path: string, init?: RequestInit) =>
      h.app.fetch(new Request(`http://localhost${path}`, init));
    const { link } = await createAndLink(fetchWhole, '/api/sora', { origin: 'http://localhost' }, h);
    expect(link.url).toMatch(/^\/api\/sora\/media\//);
    expect((await fetchWhole(link.url)).status).toBe(200);
  });

  it('answers a request outside basePath with a contract 404 naming it', async () => {
    const h = handler({ basePath: '/api/sora' });
    const res = await h.app.fetch(new Request('http://localhost/other/videos'));
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('/api/sora');
  });

  it('answers a clear contract error when mounted at another path than basePath', async () => {
    const h = handler({ basePath: '/api/sora' });
    const app = new Hono().route('/api/video', h.app);
    const res = await app.request('http://localhost/api/video/capabilities');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /mounted at \/api\/sora \(basePath\)/,
    );
  });

  it('works under app.route at the same path', async () => {
    const h = handler({ basePath: '/api/sora/' });
    const app = new Hono().route('/api/sora', h.app);
    expect((await app.request('http://localhost/api/sora/capabilities')).status).toBe(200);
  });

  it('refuses a basePath that is not a path', () => {
    expect(() => handler({ basePath: 'https://x.example/api' })).toThrow(/`basePath` must be a path/);
  });
});

describe('clientAddress', () => {
  async function addressOf(trustProxy: SoraHandlerOptions['trustProxy'], headers: Record<string, string>) {
    const config = resolvePublicUrl({ trustProxy });
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c, config) ?? 'unknown'));
    const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    return (await app.request('/', { headers }, env)).text();
  }
  const xff = { 'x-forwarded-for': '198.51.100.1, 203.0.113.9, 10.0.0.2' };

  it('is the socket address unless a proxy is trusted', async () => {
    expect(await addressOf(false, xff)).toBe('127.0.0.1');
  });
  it('is the leftmost forwarded address when every proxy is trusted', async () => {
    expect(await addressOf(true, xff)).toBe('198.51.100.1');
  });
  it('counts hops', async () => {
    expect(await addressOf(1, xff)).toBe('10.0.0.2');
    expect(await addressOf(2, xff)).toBe('203.0.113.9');
  });
  it('stops at the first address outside the trusted subnets', async () => {
    expect(await addressOf(['loopback', '10.0.0.0/8'], xff)).toBe('203.0.113.9');
  });
  it('reads Forwarded for= with IPv6 brackets and ports', async () => {
    expect(await addressOf(true, { forwarded: 'for="[2001:db8::1]:4711", for=10.0.0.2' })).toBe(
      '2001:db8::1',
    );
  });
  it('refuses a list that is not addresses at start-up', () => {
    expect(() => resolvePublicUrl({ trustProxy: ['not-an-ip'] })).toThrow(/`trustProxy`/);
  });
});
