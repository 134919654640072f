/** Input validation at the boundary: required and bounded prompts, known values, body sizes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JarClient, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

describe('input validation', () => {
  let h: Harness;
  let client: JarClient;

  beforeAll(() => {
    h = createHarness({ maxPromptChars: 50, maxReferenceBytes: 1024, limits: false, quotas: false });
    client = jarClient(h.app);
  });
  afterAll(() => h.close());

  async function expectInvalid(res: Response, path: string) {
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path, message: expect.any(String) })]),
    );
  }

  it('requires a prompt, and refuses a blank one', async () => {
    await expectInvalid(await client.json('/videos', {}), 'prompt');
    await expectInvalid(await client.json('/videos', { prompt: '   ' }), 'prompt');
    await expectInvalid(await client.json('/videos', { prompt: 42 }), 'prompt');
  });

  it('refuses a prompt over the configured length', async () => {
    await expectInvalid(await client.json('/videos', { prompt: 'x'.repeat(51) }), 'prompt');
    expect((await client.json('/videos', { prompt: 'x'.repeat(50) })).status).toBe(202);
  });

  it('refuses unknown models, sizes and lengths', async () => {
    await expectInvalid(await client.json('/videos', { prompt: 'a', model: 'sora-99' }), 'model');
    await expectInvalid(await client.json('/videos', { prompt: 'a', size: '99999x1' }), 'size');
    await expectInvalid(await client.json('/videos', { prompt: 'a', seconds: 5 }), 'seconds');
  });

  it('ignores unknown fields instead of failing (older and newer clients keep working)', async () => {
    const res = await client.request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"prompt":"a","colour":"blue","__proto__":{"admin":true},"status":"completed"}',
    });
    expect(res.status).toBe(202);
    const job = await res.json();
    expect(job).not.toHaveProperty('colour');
    expect(job).not.toHaveProperty('admin');
    expect(job.status).toBe('queued');
  });

  it('answers 413 for a JSON body over 64 KB, even without a Content-Length', async () => {
    const big = JSON.stringify({ prompt: 'a', pad: 'x'.repeat(70 * 1024) });
    const sized = await client.request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(sized.status).toBe(413);
    expect((await sized.json()).error.code).toBe('payload_too_large');
    const bytes = new TextEncoder().encode(big);
    const streamed = await client.request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 413 for a multipart body over the reference limit, 415 for a reference that is not an image', async () => {
    const big = new FormData();
    big.set('prompt', 'a');
    big.set('input_reference', new Blob([new Uint8Array(1024 + 65 * 1024)], { type: 'image/png' }), 'r.png');
    const tooBig = await client.request('/videos', { method: 'POST', body: big });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.code).toBe('payload_too_large');
    const text = new FormData();
    text.set('prompt', 'a');
    text.set('input_reference', new Blob(['hello'], { type: 'text/plain' }), 'r.txt');
    const wrong = await client.request('/videos', { method: 'POST', body: text });
    expect(wrong.status).toBe(415);
    expect((await wrong.json()).error.code).toBe('unsupported_media_type');
  });
});
