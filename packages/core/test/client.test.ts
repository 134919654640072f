import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSoraClient, SoraApiError } from '../src/index.js';
import { API, envelope, makeJob } from './fixtures.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

const client = createSoraClient({ endpoint: `${API}/` });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function record() {
  const requests: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(request.clone());
  });
  return requests;
}

describe('request shapes', () => {
  it('createVideo posts JSON with a fresh idempotency key and answers the queued job', async () => {
    const job = makeJob();
    let body: unknown;
    let key: string | null = null;
    server.use(
      http.post(`${API}/videos`, async ({ request }) => {
        body = await request.json();
        key = request.headers.get('Idempotency-Key');
        expect(request.headers.get('Content-Type')).toMatch(/application\/json/);
        return HttpResponse.json(job, { status: 202 });
      }),
    );
    await expect(client.createVideo({ prompt: 'boat', model: 'sora-2', seconds: 8 })).resolves.toEqual(job);
    expect(body).toEqual({ prompt: 'boat', model: 'sora-2', seconds: 8 });
    expect(key).toMatch(UUID);
  });

  it('each logical create gets its own key; a given key is used as is', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${API}/videos`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return HttpResponse.json(makeJob(), { status: 202 });
      }),
    );
    await client.createVideo({ prompt: 'one' });
    await client.createVideo({ prompt: 'two' });
    await client.createVideo({ prompt: 'three' }, { idempotencyKey: 'my-key-123' });
    expect(keys[0]).not.toEqual(keys[1]);
    expect(keys[2]).toBe('my-key-123');
  });

  it('createVideo with a reference sends multipart with an input_reference file', async () => {
    let form: FormData | undefined;
    server.use(
      http.post(`${API}/videos`, async ({ request }) => {
        expect(request.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
        form = await request.formData();
        return HttpResponse.json(makeJob({ hasReference: true }), { status: 202 });
      }),
    );
    const image = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'cat.png', { type: 'image/png' });
    await client.createVideo({ prompt: 'a cat', size: '720x1280', seconds: 4, inputReference: image });
    expect(form?.get('prompt')).toBe('a cat');
    expect(form?.get('size')).toBe('720x1280');
    expect(form?.get('seconds')).toBe('4');
    const file = form?.get('input_reference') as File;
    expect(file.name).toBe('cat.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it('listVideos passes limit and cursor; getVideo, retry, remix, delete and capabilities hit their routes', async () => {
    const requests = record();
    const job = makeJob({ jobId: 'job a/b' });
    server.use(
      http.get(`${API}/videos`, () => HttpResponse.json({ items: [job], nextCursor: 'c2' })),
      http.get(`${API}/videos/:id`, ({ params }) => HttpResponse.json({ ...job, jobId: params.id })),
      http.post(`${API}/videos/:id/retry`, () => HttpResponse.json({ ...job, attempts: 2 }, { status: 202 })),
      http.post(`${API}/videos/:id/remix`, () =>
        HttpResponse.json(makeJob({ remixOf: job.jobId }), { status: 202 }),
      ),
      http.delete(`${API}/videos/:id`, () => new HttpResponse(null, { status: 204 })),
      http.get(`${API}/capabilities`, () =>
        HttpResponse.json({
          provider: 'fake',
          models: [],
          limits: { maxPromptChars: 10, maxReferenceBytes: 10 },
        }),
      ),
    );
    await expect(client.listVideos({ limit: 5, cursor: 'c1' })).resolves.toEqual({
      items: [job],
      nextCursor: 'c2',
    });
    await expect(client.getVideo('job a/b')).resolves.toMatchObject({ jobId: 'job a/b' });
    await expect(client.retryVideo('job_1')).resolves.toMatchObject({ attempts: 2 });
    await expect(client.remixVideo('job_1', { prompt: 'now at night' })).resolves.toMatchObject({
      remixOf: 'job a/b',
    });
    await expect(client.deleteVideo('job_1')).resolves.toBeUndefined();
    await expect(client.getCapabilities()).resolves.toMatchObject({ provider: 'fake' });

    const seen = requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`);
    expect(seen).toEqual([
      'GET /api/sora/videos?limit=5&cursor=c1',
      'GET /api/sora/videos/job%20a%2Fb',
      'POST /api/sora/videos/job_1/retry',
      'POST /api/sora/videos/job_1/remix',
      'DELETE /api/sora/videos/job_1',
      'GET /api/sora/capabilities',
    ]);
    expect(requests[2]?.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(requests[3]?.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(await requests[3]?.json()).toEqual({ prompt: 'now at night' });
  });

  it('getMediaLink asks for the variant and download, and makes a relative link absolute', async () => {
    const requests = record();
    server.use(
      http.get(`${API}/videos/:id/media`, () =>
        HttpResponse.json({ url: '/api/sora/media/abc?sig=1', expiresAt: '2026-11-24T13:00:00.000Z' }),
      ),
    );
    const link = await client.getMediaLink('job_1', { variant: 'thumbnail', download: true });
    expect(link).toEqual({
      url: 'http://sora.test/api/sora/media/abc?sig=1',
      expiresAt: '2026-11-24T13:00:00.000Z',
    });
    await client.getMediaLink('job_1');
    expect(requests.map((r) => new URL(r.url).search)).toEqual([
      '?variant=thumbnail&download=1',
      '?variant=video',
    ]);
  });

  it('sends configured headers, computed per request', async () => {
    let token = 0;
    const authed = createSoraClient({
      endpoint: API,
      headers: () => ({ Authorization: `Bearer t${++token}` }),
    });
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${API}/videos/:id`, ({ request }) => {
        seen.push(request.headers.get('Authorization'));
        return HttpResponse.json(makeJob());
      }),
    );
    await authed.getVideo('a');
    await authed.getVideo('b');
    expect(seen).toEqual(['Bearer t1', 'Bearer t2']);
  });
});

describe('errors', () => {
  it('maps the envelope to SoraApiError with status, code, message and details', async () => {
    const details = [{ path: 'prompt', message: 'prompt is required' }];
    server.use(
      http.post(`${API}/videos`, () =>
        HttpResponse.json(envelope('invalid_request', 'prompt is required', details), { status: 400 }),
      ),
    );
    const error = await client.createVideo({ prompt: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SoraApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: 'prompt is required',
      details,
    });
  });

  it('a long Retry-After is not waited for: one request, and retryAfterSeconds tells the caller', async () => {
    const requests = record();
    server.use(
      http.post(`${API}/videos`, () =>
        HttpResponse.json(envelope('quota_exceeded', 'daily quota used'), {
          status: 429,
          headers: { 'Retry-After': '3600' },
        }),
      ),
    );
    const error = await client.createVideo({ prompt: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'quota_exceeded', retryAfterSeconds: 3600 });
    expect(requests).toHaveLength(1);
  });

  it('code written against the old name still reads the wait: retryAfter is a deprecated alias', () => {
    const fromNew = new SoraApiError({
      status: 429,
      code: 'rate_limited',
      message: '',
      retryAfterSeconds: 9,
    });
    const fromOld = new SoraApiError({ status: 429, code: 'rate_limited', message: '', retryAfter: 4 });
    expect([fromNew.retryAfter, fromOld.retryAfterSeconds, fromOld.retryAfter]).toEqual([9, 4, 4]);
  });

  it('an answer without an envelope still becomes a SoraApiError', async () => {
    server.use(
      http.get(`${API}/videos/:id`, () => new HttpResponse('<html>bad gateway</html>', { status: 404 })),
    );
    const error = await client.getVideo('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'invalid_response' });
  });

  it('no answer at all is status 0, code network_error (the UI says "offline")', async () => {
    server.use(http.get(`${API}/capabilities`, () => HttpResponse.error()));
    const error = await createSoraClient({ endpoint: API, retry: { limit: 0 } })
      .getCapabilities()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SoraApiError);
    expect(error).toMatchObject({ status: 0, code: 'network_error', isNetworkError: true });
  });

  it('an aborted call rejects with code aborted', async () => {
    server.use(
      http.get(`${API}/videos`, async () => {
        // Not a sleep: a server that never answers, so only the test's abort can end the call.
        await delay('infinite');
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );
    const controller = new AbortController();
    const pending = client.listVideos({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'SoraApiError', code: 'aborted', status: 0 });
  });

  it('a relative endpoint outside a page fails with a clear message', async () => {
    const relative = createSoraClient({ endpoint: '/api/sora' });
    await expect(relative.getCapabilities()).rejects.toThrow(/relative/);
  });
});

describe('retries', () => {
  it('GET is retried after 503 and 429, honouring Retry-After', async () => {
    const statuses = [503, 429];
    const requests = record();
    server.use(
      http.get(`${API}/videos/:id`, () => {
        const status = statuses.shift();
        if (status)
          return HttpResponse.json(envelope('upstream_unavailable', 'busy'), {
            status,
            headers: { 'Retry-After': '0' },
          });
        return HttpResponse.json(makeJob({ jobId: 'job_ok' }));
      }),
    );
    await expect(client.getVideo('job_ok')).resolves.toMatchObject({ jobId: 'job_ok' });
    expect(requests).toHaveLength(3);
  });

  it('GET retries are bounded: the last error is thrown', async () => {
    const requests = record();
    server.use(
      http.get(`${API}/capabilities`, () =>
        HttpResponse.json(envelope('internal', 'down'), { status: 503, headers: { 'Retry-After': '0' } }),
      ),
    );
    await expect(client.getCapabilities()).rejects.toMatchObject({
      status: 503,
      code: 'internal',
      retryAfterSeconds: 0,
    });
    expect(requests).toHaveLength(3);
  });

  it('a refused POST (429, 503) comes back at once with its Retry-After: the person sees the wait', async () => {
    for (const [status, code] of [
      [429, 'rate_limited'],
      [503, 'upstream_unavailable'],
    ] as const) {
      let calls = 0;
      server.use(
        http.post(`${API}/videos`, () => {
          calls += 1;
          return HttpResponse.json(envelope(code, 'wait'), { status, headers: { 'Retry-After': '7' } });
        }),
      );
      const error = await client.createVideo({ prompt: 'p' }).catch((e: unknown) => e);
      expect({ calls, error }).toMatchObject({ calls: 1, error: { status, code, retryAfterSeconds: 7 } });
    }
  });

  it('a retried POST keeps its Idempotency-Key', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${API}/videos`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        if (keys.length < 3) return HttpResponse.json(envelope('internal', 'hiccup'), { status: 502 });
        return HttpResponse.json(makeJob(), { status: 202 });
      }),
    );
    await client.createVideo({ prompt: 'p' });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(UUID);
  });

  it('a retried multipart POST sends the same file again', async () => {
    const sizes: number[] = [];
    server.use(
      http.post(`${API}/videos`, async ({ request }) => {
        const file = (await request.formData()).get('input_reference') as File;
        sizes.push(file.size);
        if (sizes.length === 1) return HttpResponse.json(envelope('internal', 'x'), { status: 502 });
        return HttpResponse.json(makeJob(), { status: 202 });
      }),
    );
    await client.createVideo({
      prompt: 'p',
      inputReference: new Blob([new Uint8Array(1000)], { type: 'image/png' }),
    });
    expect(sizes).toEqual([1000, 1000]);
  });

  it('DELETE is not retried', async () => {
    const requests = record();
    server.use(
      http.delete(`${API}/videos/:id`, () =>
        HttpResponse.json(envelope('internal', 'x'), { status: 503, headers: { 'Retry-After': '0' } }),
      ),
    );
    await expect(client.deleteVideo('job_1')).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('sends nothing else until the first request is answered, so a new visitor gets one session', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.get(`${API}/capabilities`, async () => {
        await answered;
        return HttpResponse.json(
          { provider: 'fake', models: [], limits: { maxPromptChars: 10, maxReferenceBytes: 10 } },
          { headers: { 'Set-Cookie': 'sora_kit_session=one; Path=/' } },
        );
      }),
      http.get(`${API}/videos`, () => HttpResponse.json({ items: [], nextCursor: null })),
      http.post(`${API}/videos`, () => HttpResponse.json(makeJob(), { status: 202 })),
    );
    // Requests are recorded as the client hands them to fetch, before any network step.
    const sent: string[] = [];
    const recording: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
      return fetch(request);
    };
    const fresh = createSoraClient({ endpoint: `${API}/`, fetch: recording });
    const all = Promise.all([
      fresh.getCapabilities(),
      fresh.listVideos(),
      fresh.createVideo({ prompt: 'boat' }),
    ]);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    // The first request is held open by the gate. Everything a client does before calling fetch is
    // promise work, all run by the next turn of the event loop: a client that did not wait would
    // have handed the other two to fetch by then.
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual(['GET /api/sora/capabilities']);
    answer();
    await all;
    expect(sent.slice(1).sort()).toEqual(['GET /api/sora/videos', 'POST /api/sora/videos']);
  });

  it('still sends later requests when the first one fails', async () => {
    server.use(
      http.get(`${API}/capabilities`, () => HttpResponse.error()),
      http.get(`${API}/videos`, () => HttpResponse.json({ items: [], nextCursor: null })),
    );
    const fresh = createSoraClient({ endpoint: `${API}/`, retry: { limit: 0 } });
    const [first, second] = await Promise.allSettled([fresh.getCapabilities(), fresh.listVideos()]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: { items: [], nextCursor: null } });
  });
});
