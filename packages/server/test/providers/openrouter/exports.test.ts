/** The public entries offer the provider and the fake (the browser-safe testing entry included). */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/index.js';
import * as testing from '../../../src/testing.js';
import { API_KEY } from './helpers.js';

describe('public entries', () => {
  it('@sora-kit/server exports openrouterProvider, and /testing the fake and its msw handlers', async () => {
    const fake = testing.createFakeOpenRouter({ apiKey: API_KEY, now: () => Date.UTC(2026, 9, 1) });
    const provider = server.openrouterProvider({ apiKey: API_KEY, fetch: fake.fetch, now: fake.clock.now });
    expect(provider.name).toBe(server.OPENROUTER_PROVIDER_NAME);
    expect((await provider.capabilities()).models.map((m) => m.id)).toEqual([
      'openai/sora-2-pro',
      'google/veo-3.1',
      'alibaba/wan-2.6',
    ]);
    expect(testing.fakeOpenRouterHandlers(fake)).toHaveLength(1);
    expect(server.DEFAULT_OPENROUTER_MODELS).toContain('bytedance/seedance-2.0');
  });
});
