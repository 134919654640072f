/**
 * Prices of generated video, per model and size, for dollar quotas and cost estimates.
 * Money is counted in whole micro-dollars so that sums never drift the way float dollars do.
 */
import type { ModelCapabilities } from '@sora-kit/core';

/** USD per second of video, by model id and then by size (`"1280x720"`). */
export type PriceTable = Record<string, Record<string, number>>;

/**
 * OpenAI's published Sora 2 prices (USD per second) when this table was written. Hosts with other
 * prices or other providers pass their own table (`prices` option); it wins over this one.
 */
export const DEFAULT_PRICES: PriceTable = {
  'sora-2': { '720x1280': 0.1, '1280x720': 0.1 },
  'sora-2-pro': {
    '720x1280': 0.3,
    '1280x720': 0.3,
    '1024x1792': 0.5,
    '1792x1024': 0.5,
    '1080x1920': 0.7,
    '1920x1080': 0.7,
  },
};

/** The prices a provider advertises in its capabilities (`pricePerSecondUsd`), as a table. */
export function pricesFromCapabilities(models: readonly ModelCapabilities[]): PriceTable {
  const table: PriceTable = {};
  for (const model of models) {
    if (model.pricePerSecondUsd) table[model.id] = { ...model.pricePerSecondUsd };
  }
  return table;
}

/**
 * Merges price tables; a later table wins for each model and size it names.
 *
 * @example mergePrices(DEFAULT_PRICES, pricesFromCapabilities(caps.models), hostPrices)
 */
export function mergePrices(...tables: (PriceTable | undefined)[]): PriceTable {
  const merged: PriceTable = {};
  for (const table of tables) {
    if (!table) continue;
    for (const [model, sizes] of Object.entries(table)) {
      merged[model] = { ...merged[model], ...sizes };
    }
  }
  return merged;
}

/** USD per second for a model and size; `undefined` when the table has no price for it. */
export function pricePerSecond(table: PriceTable, model: string, size: string): number | undefined {
  const sizes = Object.hasOwn(table, model) ? table[model] : undefined;
  const price = sizes && Object.hasOwn(sizes, size) ? sizes[size] : undefined;
  return typeof price === 'number' && Number.isFinite(price) && price >= 0 ? price : undefined;
}

/** One million: micro-dollars per dollar. */
export const MICROS_PER_USD = 1_000_000;

/**
 * The cost of a clip in micro-dollars, or `undefined` when its price is unknown.
 *
 * @example costMicros(DEFAULT_PRICES, 'sora-2', '1280x720', 8) // 800_000 (0.80 USD)
 */
export function costMicros(
  table: PriceTable,
  model: string,
  size: string,
  seconds: number,
): number | undefined {
  const price = pricePerSecond(table, model, size);
  return price === undefined ? undefined : Math.round(price * MICROS_PER_USD) * seconds;
}
