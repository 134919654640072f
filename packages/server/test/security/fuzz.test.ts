/**
 * Property-based fuzzing of every route's body, query, path and headers (fast-check): whatever
 * arrives, the handler answers without a 5xx, without hanging, and with the error envelope on
 * every 4xx. Over 5,000 requests per run, in-process over memory storage, hostile reference images
 * included. The same inputs run against the demo as a process in test/e2e/demo-fuzz.test.ts.
 */
import fc from 'fast-check';
import { createStorage } from 'unstorage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE } from './support/client.js';
import {
  check as checkWith,
  contentType,
  counted,
  headerValue,
  hostileImages,
  imageForm,
  query,
  rawBody,
  segment,
  text,
} from './support/fuzz.js';
import { createHarness, type Harness } from './support/handler.js';

const check = (h: Harness, path: string, init: RequestInit = {}) =>
  checkWith((url, i) => h.app.request(url, i), BASE, path, init);

describe('fuzzing every route', () => {
  let h: Harness;
  const realIds: string[] = [];
  const jobId = () => fc.oneof(segment, fc.constantFrom(...realIds));

  beforeAll(async () => {
    h = createHarness({ storage: createStorage(), limits: false, quotas: false });
    for (const prompt of ['kept', 'fake:failed', 'queued forever?']) {
      const res = await h.app.request(`${BASE}/videos`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt }),
      });
      realIds.push((await res.json()).jobId);
      if (prompt === 'fake:failed') await h.settle();
    }
  });
  afterAll(async () => {
    await h.close();
    expect(counted.total).toBeGreaterThanOrEqual(5_000);
  });

  it('POST /videos with any body and content type', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, async (body, type) => {
        await check(h, '/videos', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });
      }),
      { numRuns: 1200 },
    );
  });

  it('POST /videos as multipart with any fields and files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom('prompt', 'model', 'size', 'seconds', 'input_reference'), text),
            text,
          ),
          { maxLength: 5 },
        ),
        fc.option(
          fc.tuple(
            fc.uint8Array({ maxLength: 64 }),
            fc.constantFrom('image/png', 'image/jpeg', 'image/webp', 'text/plain', ''),
          ),
        ),
        async (fields, file) => {
          const form = new FormData();
          for (const [k, v] of fields) form.append(k, v);
          if (file) form.append('input_reference', new Blob([file[0]], { type: file[1] }), 'ref.png');
          await check(h, '/videos', { method: 'POST', body: form });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('POST /videos as multipart with hostile images: bombs, liars, truncated and garbage', async () => {
    const form = imageForm(await hostileImages());
    await fc.assert(
      fc.asyncProperty(form, async (body) => {
        await check(h, '/videos', { method: 'POST', body });
      }),
      { numRuns: 150 },
    );
  });

  it('GET /videos with any query', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        await check(h, `/videos?${q}`);
      }),
      { numRuns: 600 },
    );
  });

  it('every job route with any id, query and body', async () => {
    const route = fc.constantFrom(
      'GET',
      'GET media',
      'GET events',
      'POST retry',
      'POST remix',
      'DELETE',
      'PUT',
      'PATCH',
    );
    await fc.assert(
      fc.asyncProperty(route, jobId(), query, rawBody, contentType, async (r, id, q, body, type) => {
        const headers: Record<string, string> = type ? { 'content-type': type } : {};
        if (r === 'GET') return check(h, `/videos/${id}?${q}`);
        if (r === 'GET media') return check(h, `/videos/${id}/media?${q}`);
        if (r === 'GET events')
          return check(h, `/videos/${id}/events?${q}`, { headers: { 'last-event-id': q } });
        if (r === 'POST retry') return check(h, `/videos/${id}/retry`, { method: 'POST', body, headers });
        if (r === 'POST remix') return check(h, `/videos/${id}/remix`, { method: 'POST', body, headers });
        return check(h, `/videos/${id}`, { method: r, body: r === 'DELETE' ? undefined : body, headers });
      }),
      { numRuns: 1400 },
    );
  });

  it('GET /media/:jobId/:variant with any id, variant, signature and Range', async () => {
    await fc.assert(
      fc.asyncProperty(
        jobId(),
        fc.oneof(segment, fc.constantFrom('video', 'thumbnail', 'spritesheet')),
        query,
        headerValue,
        async (id, variant, q, range) => {
          await check(h, `/media/${id}/${variant}?${q}`, { headers: { range: `bytes=${range}` } });
        },
      ),
      { numRuns: 700 },
    );
  });

  it('POST /webhooks/:provider with any body and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(segment, fc.constantFrom('double', 'openai', 'fake')),
        rawBody,
        fc.record(
          { 'webhook-id': headerValue, 'webhook-timestamp': headerValue, 'webhook-signature': headerValue },
          { requiredKeys: [] },
        ),
        async (provider, body, headers) => {
          await check(h, `/webhooks/${provider}`, { method: 'POST', body, headers });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('meta routes and unknown paths with any method and query', async () => {
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS');
    const path = fc.oneof(
      fc.constantFrom(
        '/capabilities',
        '/health',
        '/metrics',
        '/events',
        '/',
        '/videos/',
        '/media',
        '/webhooks',
      ),
      fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`),
    );
    await fc.assert(
      fc.asyncProperty(method, path, query, headerValue, async (m, p, q, origin) => {
        await check(h, `${p}?${q}`, { method: m, headers: { origin, 'last-event-id': origin } });
      }),
      { numRuns: 700 },
    );
  });
});
