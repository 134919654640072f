/** One handler over two fakes: the OpenAI fake (`fakeProvider()`, name "fake") and OpenRouter's. */
import { fakeProvider } from '../../../src/providers/fake-provider.js';
import { openrouterProvider } from '../../../src/providers/openrouter.js';
import { createFakeOpenRouter } from '../../../src/providers/openrouter-fake/fake.js';
import { browser, type Harness, harness } from '../../support/harness.js';

export const OPENROUTER_KEY = 'sk-or-v1-multi-test-0123456789';
export const WEBHOOK_SECRET = 'whsec-multi-provider-test';

/**
 * Starts a handler whose providers are the OpenAI fake and the OpenRouter fake, the OpenAI fake
 * first (the default) unless `openrouterFirst`.
 */
export async function twoProviderHost(options: { webhooks?: boolean; openrouterFirst?: boolean } = {}) {
  let h: Harness | undefined;
  const now = () => (h ? h.clock.now().getTime() : Date.parse('2026-01-01T00:00:00Z'));
  const openai = fakeProvider({ now, generationSeconds: 10, provider: { maxRetries: 0 } });
  const openrouterFake = createFakeOpenRouter({
    apiKey: OPENROUTER_KEY,
    now,
    generationSeconds: 20,
    webhook: {
      secret: WEBHOOK_SECRET,
      fetch: async (request) => (h as Harness).handler.request(request),
      timestamp: now,
    },
  });
  const openrouter = openrouterProvider({
    apiKey: OPENROUTER_KEY,
    fetch: openrouterFake.fetch,
    now,
    models: ['google/veo-3.1'],
    webhookSecret: WEBHOOK_SECRET,
    estimatedSeconds: 20,
    ...(options.webhooks ? { callbackUrl: 'http://localhost/webhooks/openrouter' } : {}),
  });
  h = await harness({
    provider: undefined,
    providers: options.openrouterFirst ? [openrouter, openai] : [openai, openrouter],
    ...(options.webhooks ? { webhooks: { enabled: true } } : {}),
  });
  return { h, openai, openrouter, openrouterFake, user: browser(h.handler) };
}
