import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodySizeLimit } from '../../src/security/body-limit.js';
import { corsMiddleware } from '../../src/security/cors.js';
import { crossSiteProtection, isCrossSiteAllowed } from '../../src/security/origin.js';

function app(options: Parameters<typeof crossSiteProtection>[0] = {}) {
  const a = new Hono();
  a.use('*', crossSiteProtection({ exempt: (c) => c.req.path.startsWith('/api/webhooks/'), ...options }));
  a.all('/api/*', (c) => c.json({ ok: true }));
  return a;
}

const post = (headers: Record<string, string>) => ({ method: 'POST', headers });

describe('cross-site protection', () => {
  it('refuses a POST from another origin with the 403 forbidden envelope', async () => {
    const res = await app().request(
      'http://app.example/api/videos',
      post({ origin: 'https://evil.example' }),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('refuses a cross-site %s too', async (method) => {
    const res = await app().request('http://app.example/api/videos/x', {
      method,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('lets a same-origin POST through', async () => {
    const res = await app().request('http://app.example/api/videos', post({ origin: 'http://app.example' }));
    expect(res.status).toBe(200);
  });

  it('lets an allowed other origin through, compared exactly', async () => {
    const a = app({ allowedOrigins: ['https://shop.example/'] });
    expect(
      (await a.request('http://app.example/api/videos', post({ origin: 'https://shop.example' }))).status,
    ).toBe(200);
    expect(
      (await a.request('http://app.example/api/videos', post({ origin: 'http://shop.example' }))).status,
    ).toBe(403);
    expect(
      (
        await a.request(
          'http://app.example/api/videos',
          post({ origin: 'https://shop.example.evil.example' }),
        )
      ).status,
    ).toBe(403);
  });

  it('compares the scheme too: an https page is not the origin of an http server', async () => {
    const res = await app().request('http://app.example/api/videos', post({ origin: 'https://app.example' }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/trustProxy.*publicUrl/);
  });

  it('ignores X-Forwarded-Host when no proxy is trusted', async () => {
    const res = await app().request(
      'http://internal:3000/api/videos',
      post({
        origin: 'https://app.example',
        'x-forwarded-host': 'app.example',
        'x-forwarded-proto': 'https',
      }),
    );
    expect(res.status).toBe(403);
  });

  it('refuses the opaque origin "null" (sandboxed frames)', async () => {
    expect((await app().request('http://app.example/api/videos', post({ origin: 'null' }))).status).toBe(403);
  });

  it('without Origin, refuses a browser that says cross-site or sends a foreign Referer', async () => {
    const a = app();
    expect(
      (await a.request('http://app.example/api/videos', post({ 'sec-fetch-site': 'cross-site' }))).status,
    ).toBe(403);
    expect(
      (await a.request('http://app.example/api/videos', post({ referer: 'https://evil.example/page' })))
        .status,
    ).toBe(403);
    expect(
      (await a.request('http://app.example/api/videos', post({ referer: 'http://app.example/page' }))).status,
    ).toBe(200);
  });

  it('lets non-browser clients without Origin through (no ambient cookie to abuse)', async () => {
    expect((await app().request('http://app.example/api/videos', { method: 'POST' })).status).toBe(200);
  });

  it('never blocks reads, and exempts the signed webhooks route', async () => {
    const a = app();
    expect(
      (await a.request('http://app.example/api/videos', { headers: { origin: 'https://evil.example' } }))
        .status,
    ).toBe(200);
    expect(
      (await a.request('http://app.example/api/webhooks/openai', post({ origin: 'https://evil.example' })))
        .status,
    ).toBe(200);
  });

  it('decides on the method case-insensitively', () => {
    const facts = { method: 'delete', ownOrigin: 'http://a.example', origin: 'https://b.example' };
    expect(isCrossSiteAllowed(facts, new Set())).toBe(false);
  });
});

describe('CORS', () => {
  function corsApp(credentials?: boolean) {
    const a = new Hono();
    a.use('*', corsMiddleware({ origins: ['https://shop.example'], credentials }));
    a.all('*', (c) => c.json({ ok: true }));
    return a;
  }

  it('answers a preflight from a listed origin, without credentials unless asked', async () => {
    const res = await corsApp().request('http://api.example/videos', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows credentials for listed origins when asked, and exposes Retry-After', async () => {
    const res = await corsApp(true).request('http://api.example/videos', {
      headers: { origin: 'https://shop.example' },
    });
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('grants nothing to an unlisted origin', async () => {
    const res = await corsApp(true).request('http://api.example/videos', {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('body size limits', () => {
  function limited() {
    const a = new Hono();
    a.use('*', bodySizeLimit({ jsonBytes: 1024, maxReferenceBytes: 2048 }));
    a.post('*', async (c) => c.json({ size: (await c.req.arrayBuffer()).byteLength }));
    return a;
  }

  it('answers 413 payload_too_large for a JSON body over the limit', async () => {
    const res = await limited().request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x'.repeat(2000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('gives multipart bodies room for the reference image', async () => {
    const form = new FormData();
    form.set('prompt', 'a cat');
    form.set('input_reference', new Blob([new Uint8Array(1500)], { type: 'image/png' }), 'ref.png');
    expect((await limited().request('/videos', { method: 'POST', body: form })).status).toBe(200);
    form.set(
      'input_reference',
      new Blob([new Uint8Array(2048 + 70 * 1024)], { type: 'image/png' }),
      'ref.png',
    );
    expect((await limited().request('/videos', { method: 'POST', body: form })).status).toBe(413);
  });

  it('counts a streamed body without Content-Length', async () => {
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(512));
        controller.close();
      },
    });
    const res = await limited().request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });
});
