/**
 * Property-based fuzzing of every route's body, query, path and headers (fast-check): whatever
 * arrives, the handler answers without a 5xx, without hanging, and with the error envelope on
 * every 4xx. Over 5,000 requests per run, in-process over memory storage.
 */
import fc from 'fast-check';
import { createStorage } from 'unstorage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

const TIMEOUT_MS = 5_000;
let total = 0;

/** Sends one request and checks the answer's shape; SSE streams are accepted and closed. */
async function check(h: Harness, path: string, init: RequestInit = {}): Promise<void> {
  let url: string;
  try {
    url = new URL(path, BASE).href;
  } catch {
    return; // not a URL any client could send
  }
  total++;
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`no answer within ${TIMEOUT_MS} ms: ${init.method ?? 'GET'} ${path}`)),
      TIMEOUT_MS,
    ),
  );
  const res = await Promise.race([h.app.request(url, init), timeout]);
  const where = `${init.method ?? 'GET'} ${path.slice(0, 120)} → ${res.status}`;
  expect(res.status, where).toBeLessThan(500);
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return;
  }
  // A HEAD answer has no body by definition; its status is what can be checked.
  if (res.status < 400 || init.method === 'HEAD') {
    await res.body?.cancel();
    return;
  }
  expect(type, where).toContain('application/json');
  const body = JSON.parse(await Promise.race([res.text(), timeout]));
  expect(typeof body.error?.code, where).toBe('string');
  expect(typeof body.error?.message, where).toBe('string');
  expect(JSON.stringify(body), where).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
}

// Building blocks: some hostile, some plausible, so the fuzz reaches past the first check.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const segment = fc.oneof(
  text.map((s) => encodeURIComponent(s)),
  fc.constantFrom('..', '%2e%2e', '%2f', '%00', '%ff', 'job_', 'a'.repeat(300), '%252e', '~', '.'),
  fc.stringMatching(/^job_[0-9A-Z]{26}$/),
);
const queryValue = fc.oneof(
  text,
  fc.integer().map(String),
  fc.constantFrom('', '0', '1', '100', '101', '-1', 'video', 'true'),
);
const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('limit', 'cursor', 'variant', 'download', 'exp', 'sig', 'dl'), text),
      queryValue,
    ),
    {
      maxLength: 4,
    },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());
const field = fc.oneof(
  fc.jsonValue(),
  text,
  fc.constantFrom('sora-2', 'sora-2-pro', '1280x720', '720x1280', '4', '8', 'x'.repeat(5000)),
  fc.integer(),
  fc.double(),
);
const createBody = fc.oneof(
  fc.record({ prompt: field, model: field, size: field, seconds: field }, { requiredKeys: [] }),
  fc.record({ prompt: text, extra: fc.jsonValue() }),
  fc.jsonValue(),
);
const rawBody = fc.oneof(
  createBody.map((v) => JSON.stringify(v)),
  text,
  fc.constantFrom('', '{', 'null', '[]', '{"prompt":', '\u0000\u0001', '{"prompt":"a"}'.repeat(2000)),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
  'application/merge-patch+json',
);
const headerValue = fc.string({ maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s));

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
    expect(total).toBeGreaterThanOrEqual(5_000);
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
