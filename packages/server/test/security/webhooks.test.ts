/**
 * Provider webhooks: forged, tampered, stale (older than 300 s), from the future, and replayed
 * deliveries change nothing; a genuine one only nudges a re-read. Signed here by hand in the
 * Standard Webhooks format OpenAI uses, so the test does not trust the fake's own signer.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeProvider } from '../../src/providers/fake-provider.js';
import { type JarClient, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

const KEY = Buffer.from('webhook-signing-key-for-the-security-suite');
const WEBHOOK_SECRET = `whsec_${KEY.toString('base64')}`;
const RETRIEVE = 'GET /videos/:id';

function sign(body: string, options: { id?: string; at?: number; key?: Buffer } = {}) {
  const id = options.id ?? `evt_${crypto.randomUUID()}`;
  const at = Math.floor((options.at ?? Date.now()) / 1000);
  const mac = createHmac('sha256', options.key ?? KEY)
    .update(`${id}.${at}.${body}`)
    .digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(at),
    'webhook-signature': `v1,${mac}`,
    'content-type': 'application/json',
  };
}

describe('provider webhooks', () => {
  let h: Harness;
  let client: JarClient;
  let provider: ReturnType<typeof fakeProvider>;
  let videoId: string;

  const event = (type = 'video.completed') =>
    JSON.stringify({
      id: `evt_${crypto.randomUUID()}`,
      object: 'event',
      created_at: 1,
      type,
      data: { id: videoId },
    });

  async function deliver(body: string, headers: Record<string, string>) {
    const before = provider.fake.counters.get(RETRIEVE);
    const res = await client.request('/webhooks/fake', { method: 'POST', body, headers });
    return { res, retrieves: provider.fake.counters.get(RETRIEVE) - before };
  }

  async function expectRefused(body: string, headers: Record<string, string>) {
    const { res, retrieves } = await deliver(body, headers);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } });
    expect(retrieves).toBe(0);
  }

  beforeAll(async () => {
    provider = fakeProvider({ generationSeconds: 4, provider: { webhookSecret: WEBHOOK_SECRET } });
    h = createHarness({ provider, webhooks: { enabled: true } });
    client = jarClient(h.app);
    expect((await client.json('/videos', { prompt: 'a harbour' })).status).toBe(202);
    const [video] = provider.fake.videos();
    if (!video) throw new Error('the fake holds no video');
    videoId = video.id;
  });
  afterAll(() => h.close());

  it('a genuine delivery answers 200 and makes the handler re-read the video', async () => {
    const body = event();
    const { res, retrieves } = await deliver(body, sign(body));
    expect(res.status).toBe(200);
    expect(retrieves).toBe(1);
  });

  it('refuses a delivery signed with another secret', async () => {
    const body = event();
    await expectRefused(body, sign(body, { key: Buffer.from('not-the-secret') }));
  });

  it('refuses a body changed after signing', async () => {
    const body = event();
    await expectRefused(body.replace('video.completed', 'video.failed'), sign(body));
  });

  it('refuses a delivery older than 300 s, and one from the future', async () => {
    const body = event();
    await expectRefused(body, sign(body, { at: Date.now() - 301_000 }));
    await expectRefused(body, sign(body, { at: Date.now() + 301_000 }));
  });

  it('refuses a delivery without signature headers or with a garbled one', async () => {
    const body = event();
    await expectRefused(body, { 'content-type': 'application/json' });
    await expectRefused(body, { ...sign(body), 'webhook-signature': 'v1,AAAA' });
    await expectRefused('not json', sign('not json'));
  });

  it('does nothing for a replayed delivery (same webhook-id)', async () => {
    const body = event();
    const headers = sign(body);
    expect((await deliver(body, headers)).retrieves).toBe(1);
    const replay = await deliver(body, headers);
    expect(replay.res.status).toBe(200);
    expect(replay.retrieves).toBe(0);
  });

  it('is exempt from the cross-site check (server to server) but still verified', async () => {
    const body = event();
    const forged = await deliver(body, {
      ...sign(body, { key: Buffer.from('x') }),
      origin: 'https://evil.example',
    });
    expect(forged.res.status).toBe(400);
    const genuine = await deliver(body, { ...sign(body), origin: 'https://evil.example' });
    expect(genuine.res.status).toBe(200);
  });

  it('refuses an oversized body with 413 before verifying it', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(300 * 1024) });
    const { res, retrieves } = await deliver(body, sign(body));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(retrieves).toBe(0);
  });

  it('answers 404 for a webhook of a provider this handler does not use', async () => {
    const body = event();
    const res = await client.request('/webhooks/openrouter', { method: 'POST', body, headers: sign(body) });
    expect(res.status).toBe(404);
  });
});
