/** `openrouterProvider()` against the fake: capabilities, the job lifecycle, downloads and errors. */
import { readFile } from 'node:fs/promises';
import { samplePath } from '@sora-kit/sample-media';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors.js';
import type { FakeClock } from '../../../src/providers/fake-kit/clock.js';
import { clipForPrompt } from '../../../src/providers/fake-kit/media.js';
import { openrouterProvider } from '../../../src/providers/openrouter.js';
import type { FakeOpenRouter } from '../../../src/providers/openrouter-fake/fake.js';
import type { ProviderCreateInput } from '../../../src/providers/types.js';
import { API_KEY, boxType, readAll, setup } from './helpers.js';

function providerFor(
  fake: FakeOpenRouter,
  clock: FakeClock,
  extra: Parameters<typeof openrouterProvider>[0] = {},
) {
  return openrouterProvider({ apiKey: API_KEY, fetch: fake.fetch, now: clock.now, ...extra });
}

/** The sample clip the fake serves for a prompt (from @sora-kit/sample-media). */
const sampleFor = (prompt: string, size: string, seconds: number) =>
  readFile(
    new URL(
      `../../../../sample-media/media/${samplePath('video', size, seconds, clipForPrompt(prompt))}`,
      import.meta.url,
    ),
  );

const input = (over: Partial<ProviderCreateInput> = {}): ProviderCreateInput => ({
  prompt: 'a red fox in the snow',
  model: 'openai/sora-2-pro',
  size: '1280x720',
  seconds: 4,
  idempotencyKey: 'idem-1',
  ...over,
});

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('openrouterProvider capabilities', () => {
  it('maps the model list to sizes, lengths, references and prices, in the host order', async () => {
    const { fake, clock } = setup();
    const provider = providerFor(fake, clock, {
      models: ['google/veo-3.1', 'openai/sora-2-pro', 'alibaba/wan-2.6', 'bytedance/not-there'],
    });
    const caps = await provider.capabilities();
    expect(caps.variants).toEqual(['video']);
    expect(caps.models.map((m) => m.id)).toEqual(['google/veo-3.1', 'openai/sora-2-pro', 'alibaba/wan-2.6']);
    const [veo, sora, wan] = caps.models;
    expect(veo).toEqual({
      id: 'google/veo-3.1',
      sizes: ['1280x720', '720x1280', '1920x1080', '1080x1920'],
      seconds: [4, 6, 8],
      reference: true,
      remix: false,
      pricePerSecondUsd: { '1280x720': 0.4, '720x1280': 0.4, '1920x1080': 0.5, '1080x1920': 0.5 },
    });
    expect(sora?.sizes).toEqual(['1280x720', '720x1280', '1792x1024', '1024x1792']);
    expect(sora?.pricePerSecondUsd).toEqual({
      '1280x720': 0.3,
      '720x1280': 0.3,
      '1792x1024': 0.5,
      '1024x1792': 0.5,
    });
    expect(wan?.reference).toBe(false);
    expect(wan?.seconds).toEqual([5, 10]);
  });

  it('fetches the model list once per TTL', async () => {
    const { fake, clock } = setup();
    const provider = providerFor(fake, clock, { capabilitiesTtlMs: 60_000 });
    await provider.capabilities();
    await provider.create(input());
    expect(fake.counters.get('GET /videos/models')).toBe(1);
    clock.advance(61_000);
    await provider.capabilities();
    expect(fake.counters.get('GET /videos/models')).toBe(2);
  });
});

describe('openrouterProvider jobs', () => {
  it('creates, estimates progress below 100 while running, then completes and downloads the MP4', async () => {
    const { fake, clock } = setup({ generationSeconds: 100 });
    const provider = providerFor(fake, clock, { estimatedSeconds: 60 });
    const startedAt = clock.now();
    const created = await provider.create(input({ model: 'google/veo-3.1', size: '720x1280', seconds: 8 }));
    expect(created).toMatchObject({ status: 'queued', progress: 0 });

    const seen: number[] = [];
    clock.advance(10_000);
    for (let t = 0; t < 10; t++) {
      clock.advance(8_900);
      const video = await provider.retrieve(created.id, { startedAt });
      expect(video.status).toBe('in_progress');
      seen.push(video.progress ?? -1);
    }
    expect(seen.every((p) => p >= 0 && p <= 95)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBeGreaterThan(seen[0] ?? 0);

    clock.advance(1_000);
    expect(await provider.retrieve(created.id, { startedAt })).toEqual({
      id: created.id,
      status: 'completed',
      progress: 100,
      costUsd: 3.2,
    });
    const download = await provider.download(created.id, 'video');
    expect(download.contentType).toBe('video/mp4');
    const bytes = await readAll(download.body);
    expect(boxType(bytes)).toBe('ftyp');
    expect(download.bytes).toBe(bytes.byteLength);
    const sample = await sampleFor(input().prompt, '720x1280', 8);
    expect(Buffer.from(bytes).equals(sample)).toBe(true);
  });

  it('estimates progress from the first sighting when the handler gives no start time', async () => {
    const { fake, clock } = setup({ generationSeconds: 100 });
    const provider = providerFor(fake, clock, { estimatedSeconds: 100 });
    const { id } = await provider.create(input());
    clock.advance(50_000);
    expect((await provider.retrieve(id)).progress).toBe(45);
  });

  it.each([
    ['fake:moderation_blocked', { code: 'moderation_blocked', retryable: false }],
    ['fake:failed', { code: 'upstream_failed', retryable: true }],
    ['fake:cancelled', { code: 'upstream_failed', retryable: true }],
    ['fake:expired', { code: 'expired', retryable: true }],
  ])('maps a %s job to a failed video with %o', async (token, expected) => {
    const { fake, clock } = setup();
    const provider = providerFor(fake, clock);
    const { id } = await provider.create(input({ prompt: `a fox ${token}` }));
    clock.advance(30_000);
    const video = await provider.retrieve(id);
    expect(video.status).toBe('failed');
    expect(video.error).toMatchObject(expected);
    expect(video.error?.message.length).toBeGreaterThan(0);
  });

  it('sends a reference as a first frame data URL, the idempotency key, and resolution + aspect for Veo', async () => {
    const { fake, clock } = setup();
    const sent: { body: Record<string, unknown>; headers: Headers }[] = [];
    const spy: typeof fetch = async (url, init) => {
      if (init?.method === 'POST') {
        sent.push({ body: JSON.parse(String(init.body)), headers: new Headers(init.headers) });
      }
      return fake.fetch(url, init);
    };
    const provider = providerFor(fake, clock, {
      fetch: spy,
      callbackUrl: 'https://host.test/hooks/openrouter',
    });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const created = await provider.create(
      input({
        model: 'google/veo-3.1',
        reference: { bytes: png, contentType: 'image/png', filename: 'ref.png' },
        idempotencyKey: 'idem-42',
      }),
    );
    expect(created.status).toBe('queued');
    expect(sent[0]?.body).toMatchObject({
      model: 'google/veo-3.1',
      duration: 4,
      resolution: '720p',
      aspect_ratio: '16:9',
      callback_url: 'https://host.test/hooks/openrouter',
      frame_images: [
        {
          type: 'image_url',
          image_url: { url: 'data:image/png;base64,iVBORw==' },
          frame_type: 'first_frame',
        },
      ],
    });
    expect(sent[0]?.body).not.toHaveProperty('size');
    expect(sent[0]?.headers.get('idempotency-key')).toBe('idem-42');
  });

  it('asks Veo for 1080x1920 as 1080p at 9:16 and gets that clip, billed at the 1080p price', async () => {
    const { fake, clock } = setup();
    const provider = providerFor(fake, clock);
    const { id } = await provider.create(input({ model: 'google/veo-3.1', size: '1080x1920', seconds: 4 }));
    clock.advance(30_000);
    expect(fake.jobs()[0]?.usage).toEqual({ cost: 2, is_byok: false });
    const bytes = await readAll((await provider.download(id, 'video')).body);
    const sample = await sampleFor(input().prompt, '1080x1920', 4);
    expect(Buffer.from(bytes).equals(sample)).toBe(true);
  });

  it('refuses a length the model does not offer without calling upstream', async () => {
    const { fake, clock } = setup();
    const error = await rejection(providerFor(fake, clock).create(input({ seconds: 5 })));
    expect(error.kind).toBe('rejected');
    expect(fake.counters.get('POST /videos')).toBe(0);
  });

  it('passes a download cut mid-way on as a failing stream, and an expired video as not_found', async () => {
    const { fake, clock } = setup({ faults: { cutDownloadRate: 1 } });
    const provider = providerFor(fake, clock);
    const { id } = await provider.create(input());
    const old = await provider.create(input({ prompt: 'a fox fake:expired' }));
    clock.advance(30_000);
    const download = await provider.download(id, 'video');
    await expect(readAll(download.body)).rejects.toThrow();
    expect((await rejection(provider.download(old.id, 'video'))).kind).toBe('not_found');
  });

  it('offers no thumbnail or spritesheet', async () => {
    const { fake, clock } = setup();
    const provider = providerFor(fake, clock);
    const { id } = await provider.create(input());
    clock.advance(30_000);
    expect((await rejection(provider.download(id, 'thumbnail'))).kind).toBe('not_found');
    expect(provider.remix).toBeUndefined();
    expect(provider.delete).toBeUndefined();
  });
});

describe('openrouterProvider errors', () => {
  it('maps 429 with Retry-After to rate_limited', async () => {
    const { fake, clock } = setup();
    const error = await rejection(providerFor(fake, clock).create(input({ prompt: 'fox fake:rate_limit' })));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 1000, retryable: true });
  });

  it('maps 402 to unavailable with the insufficient_credits code', async () => {
    const { fake, clock } = setup({ credits: 0.5 });
    const error = await rejection(providerFor(fake, clock).create(input()));
    expect(error).toMatchObject({ kind: 'unavailable', status: 402, code: 'insufficient_credits' });
  });

  it('maps 5xx to a retryable unavailable and an unknown id to not_found', async () => {
    const { fake, clock } = setup({ script: [{ route: 'GET /videos/:id', status: 502 }] });
    const provider = providerFor(fake, clock);
    const { id } = await provider.create(input());
    expect(await rejection(provider.retrieve(id))).toMatchObject({ kind: 'unavailable', retryable: true });
    expect((await provider.retrieve(id)).status).toBe('queued');
    expect((await rejection(provider.retrieve('job-unknown'))).kind).toBe('not_found');
  });

  it('maps a bad key to unauthorized and never puts a key in a message', async () => {
    const { fake, clock } = setup();
    const wrongKey = 'sk-or-v1-wrong-secret-key';
    const error = await rejection(providerFor(fake, clock, { apiKey: wrongKey }).retrieve('job-1'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });

    const leaky: typeof fetch = async () => {
      throw new Error(`connect ECONNREFUSED while sending Bearer ${API_KEY}`);
    };
    const network = await rejection(providerFor(fake, clock, { fetch: leaky }).capabilities());
    expect(network.kind).toBe('unavailable');
    expect(network.message).not.toContain(API_KEY);
    expect(error.message).not.toContain(wrongKey);
  });
});
