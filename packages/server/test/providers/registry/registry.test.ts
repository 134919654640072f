/** How the provider registry merges capabilities and picks a provider by model. */
import { describe, expect, test } from 'vitest';
import { configuredProviders, createProviderRegistry } from '../../../src/providers/registry.js';
import type { ProviderCapabilities, VideoProvider } from '../../../src/providers/types.js';

/** A provider that only answers capabilities (the registry never calls anything else). */
function stub(name: string, caps: () => Promise<ProviderCapabilities>): VideoProvider {
  const never = () => Promise.reject(new Error('not called'));
  return { name, capabilities: caps, create: never, retrieve: never, download: never };
}

const model = (id: string) => ({ id, sizes: ['1280x720'], seconds: [4], reference: false, remix: false });

describe('provider registry', () => {
  test('a model id offered twice is served by the first provider; variants are the union', async () => {
    const a = stub('a', async () => ({ models: [model('m1'), model('shared')], variants: ['video'] }));
    const b = stub('b', async () => ({
      models: [model('shared'), model('m2')],
      variants: ['video', 'thumbnail'],
    }));
    const registry = createProviderRegistry(configuredProviders({ providers: [a, b] }));
    const caps = await registry.capabilities();
    expect(caps.models.map((m) => [m.id, m.provider])).toEqual([
      ['m1', 'a'],
      ['shared', 'a'],
      ['m2', 'b'],
    ]);
    expect(caps.variants.sort()).toEqual(['thumbnail', 'video']);
    expect((await registry.forModel('shared')).name).toBe('a');
    expect((await registry.forModel('m2')).name).toBe('b');
    expect(registry.get('b')).toBe(b);
    expect(registry.get('gone')).toBeUndefined();
    expect(registry.default).toBe(a);
  });

  test('capabilities are asked once per provider, and again after a failure', async () => {
    let calls = 0;
    const flaky = stub('flaky', async () => {
      calls++;
      if (calls === 1) throw new Error('down');
      return { models: [model('m')], variants: ['video'] };
    });
    const registry = createProviderRegistry(configuredProviders({ provider: flaky }));
    await expect(registry.capabilities()).rejects.toThrow('down');
    expect((await registry.capabilities()).models).toHaveLength(1);
    await registry.capabilities();
    expect(calls).toBe(2);
  });
});
