import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI, { InvalidWebhookSignatureError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

const SECRET = `whsec_${btoa('a fake signing secret, 32 bytes!')}`;

interface Captured {
  body: string;
  headers: Headers;
}

function capture() {
  const received: Captured[] = [];
  const fetch = async (request: Request) => {
    received.push({ body: await request.text(), headers: request.headers });
    return new Response(null, { status: 204 });
  };
  return { received, fetch };
}

const verifier = new OpenAI({ apiKey: 'unused' });

describe('fake OpenAI: signed webhooks the SDK accepts', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (closers.length > 0) await closers.pop()?.();
  });

  it('sends video.completed once, signed so that webhooks.unwrap() accepts it', async () => {
    const hook = capture();
    const { fake, client } = setup({
      webhook: { url: 'https://hooks.example/openai', secret: SECRET, fetch: hook.fetch },
    });
    const { id } = await client.videos.create({ prompt: 'ping me' });
    await fake.advance(11_000);
    expect(hook.received).toHaveLength(0);
    await fake.advance(1_000);
    await client.videos.retrieve(id);
    await fake.advance(5_000);
    await fake.idle();
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received as [Captured];
    const event = await verifier.webhooks.unwrap(delivery.body, delivery.headers, SECRET);
    expect(event).toMatchObject({ object: 'event', type: 'video.completed', data: { id } });
    expect(delivery.headers.get('webhook-id')).toBe((event as { id: string }).id);
  });

  it('sends video.failed for a failing scenario', async () => {
    const hook = capture();
    const { fake, client } = setup({
      webhook: { url: 'https://hooks.example/openai', secret: SECRET, fetch: hook.fetch },
    });
    const { id } = await client.videos.create({ prompt: 'fake:moderation_blocked' });
    await fake.advance(12_000);
    const event = JSON.parse((hook.received[0] as Captured).body);
    expect(event).toMatchObject({ type: 'video.failed', data: { id } });
  });

  it('a tampered body or another secret fails verification', async () => {
    const hook = capture();
    const { fake, client } = setup({
      webhook: { url: 'https://hooks.example/openai', secret: SECRET, fetch: hook.fetch },
    });
    await client.videos.create({ prompt: 'tamper' });
    await fake.advance(12_000);
    const { body, headers } = hook.received[0] as Captured;
    await expect(
      verifier.webhooks.verifySignature(body.replace('video.completed', 'video.failed'), headers, SECRET),
    ).rejects.toBeInstanceOf(InvalidWebhookSignatureError);
    const other = `whsec_${btoa('another secret entirely, 32 byte')}`;
    await expect(verifier.webhooks.verifySignature(body, headers, other)).rejects.toBeInstanceOf(
      InvalidWebhookSignatureError,
    );
  });

  it('retries a delivery the receiver refused, with the same webhook-id', async () => {
    const seen: string[] = [];
    let status = 500;
    const fetch = async (request: Request) => {
      seen.push(request.headers.get('webhook-id') ?? '');
      return new Response(null, { status });
    };
    const { fake, client } = setup({ webhook: { url: 'https://hooks.example/x', secret: SECRET, fetch } });
    await client.videos.create({ prompt: 'flaky receiver' });
    await fake.advance(12_000);
    status = 200;
    await fake.advance(5_000);
    await fake.advance(5_000);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(fake.webhookDeliveries().map((d) => d.status)).toEqual([500, 200]);
  });

  it('delivers over a real socket to a receiver on 127.0.0.1', async () => {
    const bodies: Captured[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === 'string') headers.set(name, value);
        bodies.push({ body: Buffer.concat(chunks).toString('utf8'), headers });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const { fake, client } = setup({ webhook: { url: `http://127.0.0.1:${port}/hook`, secret: SECRET } });
    const { id } = await client.videos.create({ prompt: 'over the wire' });
    await fake.advance(12_000);
    const event = await verifier.webhooks.unwrap(
      (bodies[0] as Captured).body,
      (bodies[0] as Captured).headers,
      SECRET,
    );
    expect(event).toMatchObject({ type: 'video.completed', data: { id } });
  });
});

describe('fake OpenAI: webhook failures never crash it', () => {
  it('records an unsignable secret or unreachable receiver as status 0 and keeps serving', async () => {
    const { fake, client } = setup({
      webhook: { url: 'http://127.0.0.1:9/none', secret: 'whsec_!!not-base64!!' },
    });
    const { id } = await client.videos.create({ prompt: 'nobody listens' });
    await fake.advance(12_000);
    expect(fake.webhookDeliveries().map((d) => d.status)).toEqual([0]);
    expect((await client.videos.retrieve(id)).status).toBe('completed');
  });
});
