import { fakeProvider } from '@sora-kit/server';
import { describe, expect, it } from 'vitest';

const T0 = Date.UTC(2026, 2, 1);

async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('fakeProvider: the OpenAI adapter over the in-process fake', () => {
  it('creates, completes and downloads through the VideoProvider interface', async () => {
    const provider = fakeProvider({ now: () => T0, generationSeconds: 4 });
    expect(provider.name).toBe('fake');
    const created = await provider.create({
      prompt: 'a lighthouse',
      model: 'sora-2',
      size: '1280x720',
      seconds: 4,
      idempotencyKey: 'job-1',
    });
    expect(created.status).toBe('queued');
    await provider.fake.advance(4_000);
    const done = await provider.retrieve(created.id);
    expect(done).toMatchObject({ id: created.id, status: 'completed', progress: 100 });
    expect(done.expiresAt).toBe(Math.floor((T0 + 4_000) / 1000) * 1000 + 3_600_000);
    const download = await provider.download(created.id, 'video');
    const bytes = await drain(download.body);
    expect(download.contentType).toBe('video/mp4');
    expect(download.bytes).toBe(bytes.byteLength);
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');
  });

  it('offers Sora 2 and Sora 2 Pro with prices and all three variants', async () => {
    const capabilities = await fakeProvider().capabilities();
    expect(capabilities.variants).toEqual(['video', 'thumbnail', 'spritesheet']);
    expect(capabilities.models.map((model) => model.id)).toEqual(['sora-2', 'sora-2-pro']);
    expect(capabilities.models[1]?.pricePerSecondUsd?.['1792x1024']).toBe(0.5);
  });
});

describe('fakeProvider webhooks', () => {
  it('verifies the events its own fake signs, with no second secret to configure', async () => {
    const secret = `whsec_${btoa('fake provider secret, 32 bytes..')}`;
    const deliveries: Request[] = [];
    const provider = fakeProvider({
      now: () => T0,
      webhook: {
        url: 'https://app.example/api/sora/webhooks/openai',
        secret,
        fetch: async (request) => {
          deliveries.push(request);
          return new Response(null, { status: 204 });
        },
      },
    });
    const { id } = await provider.create({
      prompt: 'hook',
      model: 'sora-2',
      size: '720x1280',
      seconds: 4,
      idempotencyKey: 'w1',
    });
    await provider.fake.advance(12_000);
    const delivery = deliveries[0] as Request;
    const event = await provider.verifyWebhook?.(await delivery.text(), delivery.headers);
    expect(event).toMatchObject({ videoId: id, type: 'video.completed' });
  });
});
