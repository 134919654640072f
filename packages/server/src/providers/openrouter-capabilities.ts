/**
 * From `GET /videos/models` to sora-kit's {@link ModelCapabilities}, and a small per-instance cache
 * so the model list is fetched once per TTL rather than on every create.
 */
import type { ModelCapabilities } from '@sora-kit/core';
import { modelSizes, resolutionOfSize } from './openrouter-sizes.js';
import type { OpenRouterVideoModel } from './openrouter-wire.js';

/** Models offered when the host does not choose: the ones most hosts moving off OpenAI want. */
export const DEFAULT_OPENROUTER_MODELS: readonly string[] = [
  'openai/sora-2-pro',
  'google/veo-3.1',
  'bytedance/seedance-2.0',
  'alibaba/wan-2.6',
];

const PER_SECOND = /^per-video-second(?:-(.+))?$/;

/**
 * USD per second by size, from SKUs such as `per-video-second` (every size) and
 * `per-video-second-1080p` / `per-video-second-1792x1024` (one resolution or size). Other SKUs
 * (per request, audio surcharges) are not per second of video and are left out.
 */
export function pricePerSecond(
  skus: Record<string, string> | null | undefined,
  sizes: string[],
): Record<string, number> | undefined {
  if (!skus) return undefined;
  const prices: Record<string, number> = {};
  const specific: [string, number][] = [];
  for (const [sku, raw] of Object.entries(skus)) {
    const match = PER_SECOND.exec(sku);
    const usd = Number.parseFloat(raw);
    if (!match || !Number.isFinite(usd) || usd < 0) continue;
    const target = match[1];
    if (target === undefined) for (const size of sizes) prices[size] ??= usd;
    else specific.push([target, usd]);
  }
  // A specific SKU beats the general one, whatever order the object lists them in.
  for (const [target, usd] of specific) {
    for (const size of sizes) if (size === target || resolutionOfSize(size) === target) prices[size] = usd;
  }
  return Object.keys(prices).length > 0 ? prices : undefined;
}

/** One OpenRouter model in our terms, or `undefined` when it offers no size or length we can name. */
export function toModelCapabilities(model: OpenRouterVideoModel): ModelCapabilities | undefined {
  const sizes = modelSizes(model);
  const seconds = [...new Set(model.supported_durations ?? [])].sort((a, b) => a - b);
  if (sizes.length === 0 || seconds.length === 0) return undefined;
  const capabilities: ModelCapabilities = {
    id: model.id,
    sizes,
    seconds,
    reference: model.supported_frame_images?.includes('first_frame') ?? false,
    remix: false,
  };
  const prices = pricePerSecond(model.pricing_skus, sizes);
  if (prices) capabilities.pricePerSecondUsd = prices;
  return capabilities;
}

/** The offered models, in the host's order, among those the upstream list knows. */
export function selectModels(
  all: OpenRouterVideoModel[],
  wanted: readonly string[],
): { wire: OpenRouterVideoModel; capabilities: ModelCapabilities }[] {
  const out: { wire: OpenRouterVideoModel; capabilities: ModelCapabilities }[] = [];
  for (const id of wanted) {
    const wire = all.find((m) => m.id === id);
    const capabilities = wire && toModelCapabilities(wire);
    if (wire && capabilities) out.push({ wire, capabilities });
  }
  return out;
}

/** A value loaded at most once per `ttlMs`; concurrent callers share one load; failures are not kept. */
export function ttlCache<T>(load: () => Promise<T>, ttlMs: number, now: () => number): () => Promise<T> {
  let entry: { value: Promise<T>; at: number } | undefined;
  return () => {
    if (entry && now() - entry.at < ttlMs) return entry.value;
    const value = load();
    const current = { value, at: now() };
    entry = current;
    value.catch(() => {
      if (entry === current) entry = undefined;
    });
    return value;
  };
}
