/** `createFakeOpenAI()` with msw handlers attached, for `@sora-kit/server/testing`. */
import type { HttpHandler } from 'msw';
import { createBareFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from './fake.js';
import { fakeOpenAIHandlers } from './msw.js';

/** A fake that can also hand out msw request handlers. */
export interface FakeOpenAIWithHandlers extends FakeOpenAI {
  /** msw handlers for every request under `baseUrl` (default `https://api.openai.com/v1`). */
  handlers(baseUrl?: string): HttpHandler[];
}

/**
 * Creates a fake OpenAI Videos API (see `FakeOpenAIOptions`), usable in-process (`fetch`), over
 * HTTP (`listen`) and through msw (`handlers`).
 *
 * @example
 * ```ts
 * const fake = createFakeOpenAI();
 * setupServer(...fake.handlers()).listen();
 * const client = new OpenAI({ apiKey: 'sk-test' }); // reaches the fake through msw
 * ```
 */
export function createFakeOpenAI(options: FakeOpenAIOptions = {}): FakeOpenAIWithHandlers {
  const fake = createBareFakeOpenAI(options);
  return { ...fake, handlers: (baseUrl) => fakeOpenAIHandlers(fake, baseUrl) };
}
