/** Shared set-up for the OpenRouter suites: a fake on a manual clock and clients pointed at it. */
import { HTTPClient, OpenRouter } from '@openrouter/sdk';
import { createFakeClock, type FakeClock } from '../../../src/providers/fake-kit/clock.js';
import {
  createFakeOpenRouter,
  type FakeOpenRouter,
  type FakeOpenRouterOptions,
} from '../../../src/providers/openrouter-fake/fake.js';

export const API_KEY = 'sk-or-v1-test-key-0123456789';
/** 2026-10-01T00:00:00Z, after the OpenAI Videos API shut down. */
export const T0 = Date.UTC(2026, 9, 1);

/** A fake that only accepts {@link API_KEY}, on a clock the test drives. */
export function setup(options: FakeOpenRouterOptions = {}): { fake: FakeOpenRouter; clock: FakeClock } {
  const clock = options.clock ?? createFakeClock(() => T0);
  const fake = createFakeOpenRouter({ apiKey: API_KEY, clock, ...options });
  return { fake, clock };
}

/** The real SDK, talking to the fake through its `fetch`, with its own retries off. */
export function sdkFor(fake: FakeOpenRouter, apiKey = API_KEY): OpenRouter {
  return new OpenRouter({
    apiKey,
    serverURL: 'https://openrouter.ai/api/v1',
    httpClient: new HTTPClient({ fetcher: (input, init) => fake.fetch(input, init) }),
    retryConfig: { strategy: 'none' },
  });
}

/** Reads a stream whole (test-sized bodies only). */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The 4-byte box type at offset 4: `ftyp` for an MP4. */
export function boxType(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes.subarray(4, 8));
}
