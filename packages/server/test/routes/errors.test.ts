import type { ApiError, Job } from '@sora-kit/core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ProviderError } from '../../src/providers/errors.js';
import { browser, type Harness, harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness({ maxPromptChars: 50 });
});
afterEach(async () => {
  await h.cleanup();
});

async function expectError(response: Response, status: number, code: string): Promise<ApiError> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as ApiError;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body;
}

const post = (body: string, type = 'application/json') =>
  browser(h.handler).fetch('/videos', { method: 'POST', body, headers: { 'content-type': type } });

test('bad JSON and non-object bodies answer 400 invalid_request', async () => {
  await expectError(await post('{"prompt": '), 400, 'invalid_request');
  await expectError(await post('[1,2]'), 400, 'invalid_request');
  await expectError(await post('"just text"'), 400, 'invalid_request');
  await expectError(await post('prompt=hi', 'text/plain'), 400, 'invalid_request');
});

test('missing and wrong fields answer 400 with details naming each field', async () => {
  const missing = await expectError(await post('{}'), 400, 'invalid_request');
  expect(missing.error.details).toEqual([{ path: 'prompt', message: expect.any(String) }]);
  const tooLong = await expectError(
    await post(JSON.stringify({ prompt: 'x'.repeat(51) })),
    400,
    'invalid_request',
  );
  expect(tooLong.error.details).toEqual([{ path: 'prompt', message: expect.stringContaining('50') }]);
  const model = await expectError(
    await post(JSON.stringify({ prompt: 'a', model: 'sora-9' })),
    400,
    'invalid_request',
  );
  expect(model.error.details).toEqual([{ path: 'model', message: expect.stringContaining('sora-2') }]);
  const both = await expectError(
    await post(JSON.stringify({ prompt: 'a', size: '1x1', seconds: 5 })),
    400,
    'invalid_request',
  );
  expect((both.error.details as { path: string }[]).map((d) => d.path)).toEqual(['size', 'seconds']);
  await expectError(await post(JSON.stringify({ prompt: 42 })), 400, 'invalid_request');
});

test('an oversized JSON body answers 413 payload_too_large', async () => {
  await expectError(
    await post(JSON.stringify({ prompt: 'a', pad: 'x'.repeat(70_000) })),
    413,
    'payload_too_large',
  );
});

test('bad list queries answer 400, unknown routes 404, both as envelopes', async () => {
  const user = browser(h.handler);
  await expectError(await user.fetch('/videos?limit=0'), 400, 'invalid_request');
  await expectError(await user.fetch('/videos?limit=101'), 400, 'invalid_request');
  await expectError(await user.fetch('/videos?limit=abc'), 400, 'invalid_request');
  await expectError(await user.fetch('/videos?cursor=not-a-cursor'), 400, 'invalid_request');
  await expectError(await user.fetch('/nothing/here'), 404, 'not_found');
  await expectError(await user.fetch('/videos/..%2f..%2fetc'), 404, 'not_found');
});

test('an unreachable provider at create answers 503 and leaves no job behind', async () => {
  h.fake.refusals.push(new ProviderError('unavailable', 'ECONNRESET'));
  const user = browser(h.handler);
  const response = await user.fetch('/videos', {
    method: 'POST',
    body: JSON.stringify({ prompt: 'a' }),
    headers: { 'content-type': 'application/json' },
  });
  await expectError(response, 503, 'upstream_unavailable');
  h.fake.refusals.push(new ProviderError('rate_limited', 'slow down', { retryAfterMs: 7000 }));
  const limited = await user.fetch('/videos', {
    method: 'POST',
    body: JSON.stringify({ prompt: 'a' }),
    headers: { 'content-type': 'application/json' },
  });
  expect(limited.headers.get('retry-after')).toBe('7');
  await expectError(limited, 503, 'upstream_unavailable');
  h.fake.refusals.push(new ProviderError('unauthorized', 'bad key sk-secret123'));
  const broken = await user.fetch('/videos', {
    method: 'POST',
    body: JSON.stringify({ prompt: 'a' }),
    headers: { 'content-type': 'application/json' },
  });
  const body = await expectError(broken, 502, 'upstream_error');
  expect(JSON.stringify(body)).not.toContain('sk-secret123');
  expect((await user.json<{ items: Job[] }>('/videos')).body.items).toEqual([]);
  expect(await h.handler.pollOnce()).toBe(0);
});

test('a prompt the provider refuses at create is kept as a failed moderation_blocked job', async () => {
  const user = browser(h.handler);
  const { status, body } = await user.post('/videos', { prompt: 'refuse:moderation please' });
  expect(status).toBe(202);
  expect(body).toMatchObject({
    status: 'failed',
    error: { code: 'moderation_blocked', retryable: false },
  });
});

test('secrets shorter than 32 characters are refused with a clear message', async () => {
  const { createSoraHandler } = await import('../../src/handler.js');
  expect(() => createSoraHandler({ provider: h.fake.provider, secret: 'short' })).toThrow(
    /at least 32 characters/,
  );
});

test('an own AdmissionControl is passed as `limits`; `admission` beside `limits` or `quotas` is refused at start', async () => {
  const { createSoraHandler } = await import('../../src/handler.js');
  const secret = 'x'.repeat(40);
  let asked = 0;
  const mine = {
    admit: async () => {
      asked++;
      return {
        ok: false as const,
        code: 'rate_limited' as const,
        message: 'Mine says no.',
        retryAfterSeconds: 7,
      };
    },
    settle: async () => {},
  };
  const handler = createSoraHandler({ provider: h.fake.provider, secret, limits: mine, logger: false });
  const refused = await browser(handler).post('/videos', { prompt: 'a cat' });
  expect(refused.status).toBe(429);
  expect(refused.body).toMatchObject({ error: { code: 'rate_limited', message: 'Mine says no.' } });
  expect(asked).toBe(1);
  expect(() =>
    createSoraHandler({ provider: h.fake.provider, secret, admission: mine, quotas: false }),
  ).toThrow(/pass your AdmissionControl as `limits`/);
});

test('malformed or oversized multipart bodies answer 400 and 413, never 500', async () => {
  const user = browser(h.handler);
  const garbage = await user.fetch('/videos', {
    method: 'POST',
    body: 'this is not multipart at all',
    headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
  });
  await expectError(garbage, 400, 'invalid_request');

  const small = await harness({ maxReferenceBytes: 1024 });
  try {
    const form = new FormData();
    form.set('prompt', 'big picture');
    form.set('input_reference', new File([new Uint8Array(200_000)], 'big.png', { type: 'image/png' }));
    const big = await browser(small.handler).fetch('/videos', { method: 'POST', body: form });
    await expectError(big, 413, 'payload_too_large');
    const text = new FormData();
    text.set('prompt', 'text reference');
    text.set('input_reference', 'not a file');
    const notFile = await browser(small.handler).fetch('/videos', { method: 'POST', body: text });
    const body = await expectError(notFile, 400, 'invalid_request');
    expect(body.error.details).toEqual([{ path: 'input_reference', message: expect.any(String) }]);
  } finally {
    await small.cleanup();
  }
});

test('remix and retry of unknown jobs answer 404; remix with bad JSON answers 400', async () => {
  const user = browser(h.handler);
  expect((await user.fetch('/videos/job_unknown/retry', { method: 'POST' })).status).toBe(404);
  expect((await user.post('/videos/job_unknown/remix', { prompt: 'x' })).status).toBe(404);
  const { jobId } = (await user.post('/videos', { prompt: 'source' })).body as Job;
  const bad = await user.fetch(`/videos/${jobId}/remix`, {
    method: 'POST',
    body: '{oops',
    headers: { 'content-type': 'application/json' },
  });
  await expectError(bad, 400, 'invalid_request');
});
