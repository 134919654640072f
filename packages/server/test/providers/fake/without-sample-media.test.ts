/**
 * A fake whose sample clips are not installed (`@sora-kit/sample-media` missing: `npm install
 * @sora-kit/server` alone) warns once at start and fails each video early, saying what to
 * install, instead of completing videos whose download then fails behind minutes of retries.
 * The package is made unresolvable here; everything else is the real code.
 */
import { fakeProvider } from '@sora-kit/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openrouterProvider } from '../../../src/providers/openrouter.js';
import { API_KEY, setup } from '../openrouter/helpers.js';

vi.mock('../../../src/node-require.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/node-require.js')>();
  return {
    ...actual,
    isResolvable: (name: string) => (name === '@sora-kit/sample-media' ? false : actual.isResolvable(name)),
  };
});

const T0 = Date.UTC(2026, 9, 1);
const INPUT = { prompt: 'a lighthouse at dusk', size: '1280x720', seconds: 4, idempotencyKey: 'k' };

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
process.on('warning', onWarning);
afterEach(() => {
  process.off('warning', onWarning);
});

describe('a fake without @sora-kit/sample-media', () => {
  it('OpenAI fake: warns once at start, then fails each video within a tenth of its time, naming the package', async () => {
    const provider = fakeProvider({ now: () => T0, generationSeconds: 10 });
    fakeProvider({ now: () => T0 });
    await new Promise((resolve) => setImmediate(resolve));
    const missing = warnings.filter(
      (warning) => (warning as { code?: string }).code === 'SORA_KIT_SAMPLE_MEDIA_MISSING',
    );
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain('npm i -D @sora-kit/sample-media');

    const created = await provider.create({ ...INPUT, model: 'sora-2' });
    await provider.fake.advance(1_000);
    const failed = await provider.retrieve(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toContain('install @sora-kit/sample-media');
  });

  it('OpenRouter fake: fails each job early with the same advice', async () => {
    const { fake, clock } = setup({ generationSeconds: 10 });
    const provider = openrouterProvider({ apiKey: API_KEY, fetch: fake.fetch, now: clock.now });
    const created = await provider.create({ ...INPUT, model: 'openai/sora-2-pro' });
    clock.advance(1_000);
    const failed = await provider.retrieve(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toContain('install @sora-kit/sample-media');
  });
});
