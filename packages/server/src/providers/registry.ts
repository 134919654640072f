/**
 * The providers one handler runs: one (`provider`) or several (`providers`). New jobs go to the
 * provider that offers the requested model; every later call for a job (refresh, copy, delete,
 * remix, retry, webhook) goes to the provider recorded on the job, looked up by name. A job whose
 * provider is no longer configured is "retired": readable, playable and deletable from our own
 * copies, but never sent upstream again.
 */
import type { JobError, ModelCapabilities, Variant } from '@sora-kit/core';
import type { ProviderCapabilities, VideoProvider } from './types.js';

/** The configured providers, in order (the first is the default). */
export interface ProviderRegistry {
  /** The provider of requests that name no model (the first configured one). */
  readonly default: VideoProvider;
  /** Every configured provider, in order. */
  readonly all: readonly VideoProvider[];
  /** The provider of that name, or `undefined` when it is not configured (a retired job's). */
  get(name: string): VideoProvider | undefined;
  /**
   * Every provider's models in order, each tagged with its `provider`; a model id offered by two
   * providers is served by the first. Variants are the union of all providers'.
   */
  capabilities(): Promise<ProviderCapabilities>;
  /** One provider's own capabilities (asked once, then cached; asked again after a failure). */
  capabilitiesOf(provider: VideoProvider): Promise<ProviderCapabilities>;
  /** The provider serving a model id of the merged capabilities (the default for an unknown id). */
  forModel(model: string): Promise<VideoProvider>;
}

/**
 * The providers of the handler options: exactly one of `provider` and `providers` (non-empty),
 * names unique. Throws a TypeError naming the problem.
 */
export function configuredProviders(options: {
  provider?: VideoProvider;
  providers?: VideoProvider[];
}): VideoProvider[] {
  const { provider, providers } = options;
  if (provider && providers)
    throw new TypeError('createSoraHandler: give either `provider` or `providers`, not both');
  const list = providers ?? (provider ? [provider] : []);
  if (!Array.isArray(list) || list.length === 0 || list.some((p) => !p || typeof p.name !== 'string')) {
    throw new TypeError(
      'createSoraHandler: `provider` (e.g. fakeProvider()) or a non-empty `providers` list is required',
    );
  }
  const seen = new Set<string>();
  for (const p of list) {
    if (seen.has(p.name))
      throw new TypeError(`createSoraHandler: two providers are named "${p.name}"; names must be unique`);
    seen.add(p.name);
  }
  return list;
}

/** The error a job of a provider no longer configured fails with (it is never polled again). */
export function retiredProviderError(name: string): JobError {
  return {
    code: 'upstream_failed',
    message: `provider ${name} is no longer configured`,
    retryable: false,
  };
}

/** Builds the registry over providers already checked by {@link configuredProviders}. */
export function createProviderRegistry(providers: VideoProvider[]): ProviderRegistry {
  const byName = new Map(providers.map((p) => [p.name, p]));
  const cache = new Map<string, Promise<ProviderCapabilities>>();
  const head = providers[0];
  if (!head) throw new TypeError('createSoraHandler: at least one provider is required');
  const first: VideoProvider = head;

  function capabilitiesOf(provider: VideoProvider): Promise<ProviderCapabilities> {
    let pending = cache.get(provider.name);
    if (!pending) {
      pending = provider.capabilities().catch((error: unknown) => {
        cache.delete(provider.name); // ask again next time
        throw error;
      });
      cache.set(provider.name, pending);
    }
    return pending;
  }

  async function capabilities(): Promise<ProviderCapabilities> {
    const all = await Promise.all(providers.map(capabilitiesOf));
    const models: ModelCapabilities[] = [];
    const ids = new Set<string>();
    const variants = new Set<Variant>();
    all.forEach((caps, index) => {
      const name = providers[index]?.name ?? first.name;
      for (const variant of caps.variants) variants.add(variant);
      for (const model of caps.models) {
        if (ids.has(model.id)) continue; // the first provider offering an id serves it
        ids.add(model.id);
        models.push({ ...model, provider: name });
      }
    });
    return { models, variants: [...variants] };
  }

  return {
    default: first,
    all: providers,
    get: (name) => byName.get(name),
    capabilities,
    capabilitiesOf,
    async forModel(model) {
      const { models } = await capabilities();
      const owner = models.find((m) => m.id === model)?.provider;
      return (owner ? byName.get(owner) : undefined) ?? first;
    },
  };
}
