/** Signed webhooks: the fake sends them as OpenRouter documents, the adapter verifies them. */
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors.js';
import { createFakeClock } from '../../../src/providers/fake-kit/clock.js';
import { openrouterProvider } from '../../../src/providers/openrouter.js';
import { MAX_ATTEMPTS } from '../../../src/providers/openrouter-fake/webhooks.js';
import { signOpenRouterWebhook } from '../../../src/providers/openrouter-signature.js';
import { API_KEY, setup, T0 } from './helpers.js';

interface Received {
  body: string;
  headers: Headers;
  url: string;
}

/** A receiver that records deliveries and answers the given statuses in turn (0: a network error; then 200). */
function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const fetch = async (request: Request) => {
    received.push({ body: await request.text(), headers: request.headers, url: request.url });
    const status = statuses.shift() ?? 200;
    if (status === 0) throw new TypeError('fetch failed: connection reset');
    return new Response(null, { status });
  };
  return { received, fetch };
}

const SECRET = 'whsec-test-secret';

async function settledJob(statuses: number[] = [], prompt = 'a fox') {
  const hook = receiver(statuses);
  const clock = createFakeClock(() => T0);
  const { fake } = setup({ clock, webhook: { secret: SECRET, fetch: hook.fetch, timestamp: clock.now } });
  const provider = openrouterProvider({
    apiKey: API_KEY,
    fetch: fake.fetch,
    now: clock.now,
    webhookSecret: SECRET,
    callbackUrl: 'https://host.test/api/sora/webhooks/openrouter',
  });
  const { id } = await provider.create({
    prompt,
    model: 'openai/sora-2-pro',
    size: '1280x720',
    seconds: 4,
    idempotencyKey: 'k',
  });
  return { fake, clock, provider, hook, id };
}

async function refusal(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).kind).toBe('invalid_webhook');
  return error as ProviderError;
}

describe('OpenRouter video webhooks', () => {
  it("go to the handler's webhook URL when the adapter has no callbackUrl of its own", async () => {
    const hook = receiver();
    const clock = createFakeClock(() => T0);
    const { fake } = setup({ clock, webhook: { secret: SECRET, fetch: hook.fetch, timestamp: clock.now } });
    const provider = openrouterProvider({
      apiKey: API_KEY,
      fetch: fake.fetch,
      now: clock.now,
      webhookSecret: SECRET,
    });
    await provider.create({
      prompt: 'a fox',
      model: 'openai/sora-2-pro',
      size: '1280x720',
      seconds: 4,
      idempotencyKey: 'k',
      webhookUrl: 'https://host.test/api/sora/webhooks/openrouter',
    });
    await fake.advance(31_000);
    await fake.advance(1_000);
    expect(hook.received.map((delivery) => delivery.url)).toEqual([
      'https://host.test/api/sora/webhooks/openrouter',
    ]);
  });

  it('are sent once the job settles, signed, and verified into a nudge for that video', async () => {
    const { fake, provider, hook, id } = await settledJob();
    await fake.advance(0);
    expect(hook.received).toHaveLength(0);
    await fake.advance(30_000);
    await fake.advance(1_000);
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received;
    const event = JSON.parse(delivery?.body ?? '');
    expect(event).toMatchObject({
      type: 'video.generation.completed',
      data: { id, status: 'completed', model: 'openai/sora-2-pro', usage: { cost: 1.2, is_byok: false } },
    });
    expect(delivery?.headers.get('x-openrouter-signature')).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const verified = await provider.verifyWebhook?.(delivery?.body ?? '', delivery?.headers ?? new Headers());
    expect(verified).toEqual({
      eventId: delivery?.headers.get('x-openrouter-idempotency-key'),
      videoId: id,
      type: 'video.generation.completed',
    });
  });

  it('carry the failure status and message of a failed job', async () => {
    const { fake, provider, hook } = await settledJob([], 'a fox fake:cancelled');
    await fake.advance(30_000);
    const event = JSON.parse(hook.received[0]?.body ?? '');
    expect(event).toMatchObject({ type: 'video.generation.cancelled', data: { status: 'cancelled' } });
    expect(event.data.error).toMatch(/cancelled/);
    const headers = hook.received[0]?.headers ?? new Headers();
    expect((await provider.verifyWebhook?.(hook.received[0]?.body ?? '', headers))?.type).toBe(
      'video.generation.cancelled',
    );
  });

  it('go to the workspace default URL when a job has no callback_url, and nowhere without one', async () => {
    const hook = receiver();
    const clock = createFakeClock(() => T0);
    const withDefault = setup({
      clock,
      webhook: { secret: SECRET, fetch: hook.fetch, timestamp: clock.now, url: 'https://host.test/default' },
    }).fake;
    const provider = openrouterProvider({ apiKey: API_KEY, fetch: withDefault.fetch, now: clock.now });
    const job = {
      prompt: 'a fox',
      model: 'openai/sora-2-pro',
      size: '1280x720',
      seconds: 4,
      idempotencyKey: 'k',
    };
    await provider.create(job);
    await withDefault.advance(30_000);
    expect(withDefault.webhookDeliveries().map((d) => d.url)).toEqual(['https://host.test/default']);

    const silent = setup({
      clock,
      webhook: { secret: SECRET, fetch: hook.fetch, timestamp: clock.now },
    }).fake;
    await openrouterProvider({ apiKey: API_KEY, fetch: silent.fetch, now: clock.now }).create(job);
    await silent.advance(30_000);
    expect(silent.webhookDeliveries()).toEqual([]);
  });

  it('are retried with the same idempotency key until the receiver answers 2xx', async () => {
    const { fake, provider, hook } = await settledJob([500, 0]);
    await fake.advance(30_000);
    await fake.advance(1_000);
    await fake.advance(2_000);
    await fake.advance(60_000);
    expect(hook.received).toHaveLength(3);
    expect(fake.webhookDeliveries().map((d) => d.status)).toEqual([500, 0, 200]);
    const keys = new Set(hook.received.map((r) => r.headers.get('x-openrouter-idempotency-key')));
    expect(keys.size).toBe(1);
    const stamps = new Set(hook.received.map((r) => r.headers.get('x-openrouter-signature')));
    expect(stamps.size).toBe(3);
    const last = hook.received[2];
    await expect(
      provider.verifyWebhook?.(last?.body ?? '', last?.headers ?? new Headers()),
    ).resolves.toBeDefined();
  });

  it('give up after the bounded number of attempts', async () => {
    const { fake, hook } = await settledJob(Array(10).fill(500));
    for (let i = 0; i < 10; i++) await fake.advance(30_000);
    expect(hook.received).toHaveLength(MAX_ATTEMPTS);
    expect(fake.webhookDeliveries().every((d) => d.status === 500)).toBe(true);
  });

  it('are refused when tampered with, signed with another secret, stale, or unconfigured', async () => {
    const { fake, clock, provider, hook } = await settledJob();
    await fake.advance(30_000);
    const { body, headers } = hook.received[0] as Received;

    await refusal(
      provider.verifyWebhook?.(body.replace('completed', 'failed'), headers) ?? Promise.resolve(),
    );

    const t = Math.floor(clock.now() / 1000);
    const forged = new Headers(headers);
    forged.set('x-openrouter-signature', await signOpenRouterWebhook('another-secret', body, t));
    await refusal(provider.verifyWebhook?.(body, forged) ?? Promise.resolve());

    const noSignature = new Headers(headers);
    noSignature.delete('x-openrouter-signature');
    await refusal(provider.verifyWebhook?.(body, noSignature) ?? Promise.resolve());

    clock.advance(301_000);
    const stale = await refusal(provider.verifyWebhook?.(body, headers) ?? Promise.resolve());
    expect(stale.message).toMatch(/300 seconds/);

    const unconfigured = openrouterProvider({ apiKey: API_KEY, fetch: fake.fetch });
    await refusal(unconfigured.verifyWebhook?.(body, headers) ?? Promise.resolve());
  });

  it('accept a delivery signed within the tolerance and refuse a body that is not a video event', async () => {
    const { clock, provider } = await settledJob();
    const t = Math.floor(clock.now() / 1000) - 299;
    const body = JSON.stringify({
      type: 'video.generation.completed',
      created_at: '',
      data: { id: 'job-9' },
    });
    const headers = new Headers({ 'X-OpenRouter-Signature': await signOpenRouterWebhook(SECRET, body, t) });
    const event = await provider.verifyWebhook?.(body, headers);
    expect(event?.videoId).toBe('job-9');
    expect(event?.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);

    const other = JSON.stringify({ type: 'credits.low', data: { id: 'x' } });
    const otherHeaders = new Headers({
      'X-OpenRouter-Signature': await signOpenRouterWebhook(SECRET, other, t),
    });
    await refusal(provider.verifyWebhook?.(other, otherHeaders) ?? Promise.resolve());
  });
});
