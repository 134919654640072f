/**
 * `fakeProvider()`: the OpenAI adapter over an in-process fake of the OpenAI Videos API. Tests,
 * stories and the demo (when no key is set) run the real adapter code, just not the real model.
 */
import { createBareFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from './fake/fake.js';
import { type OpenAIProviderOptions, openaiProvider } from './openai.js';
import type { VideoProvider } from './types.js';

/** The key the in-process fake expects (and the adapter sends). */
const FAKE_KEY = 'sk-fake';

/** Options of {@link fakeProvider}: the fake's own, plus a few of the adapter's. */
export interface FakeProviderOptions extends Omit<FakeOpenAIOptions, 'apiKey'> {
  /** A fake of your own (e.g. shared with msw handlers); the other fake options are then ignored. */
  fake?: FakeOpenAI;
  /** Recorded on jobs; default `"fake"`. */
  name?: string;
  /** Adapter options passed through (models, webhookSecret, maxRetries, timeoutMs). */
  provider?: Pick<OpenAIProviderOptions, 'models' | 'webhookSecret' | 'maxRetries' | 'timeoutMs'>;
}

/** A {@link VideoProvider} that also exposes the fake behind it. */
export interface FakeVideoProvider extends VideoProvider {
  /** The fake: advance its clock, read its counters. */
  readonly fake: FakeOpenAI;
}

/**
 * A provider named `"fake"`: {@link openaiProvider} talking to {@link createBareFakeOpenAI} in-process.
 *
 * @example
 * ```ts
 * const provider = fakeProvider({ generationSeconds: 4 });
 * const handler = createSoraHandler({ provider });
 * await provider.fake.advance(4_000); // in tests: every video completes
 * ```
 */
export function fakeProvider(options: FakeProviderOptions = {}): FakeVideoProvider {
  const { fake: given, name, provider, ...fakeOptions } = options;
  const fake = given ?? createBareFakeOpenAI({ ...fakeOptions, apiKey: FAKE_KEY });
  const webhookSecret = provider?.webhookSecret ?? fakeOptions.webhook?.secret;
  const adapter = openaiProvider({
    ...provider,
    // The fake signs with the secret it was given; the adapter verifies with the same by default.
    ...(webhookSecret ? { webhookSecret } : {}),
    name: name ?? 'fake',
    apiKey: FAKE_KEY,
    baseURL: 'http://fake.local/v1',
    fetch: fake.fetch,
  });
  return Object.assign(adapter, { fake });
}
