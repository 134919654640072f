import { describe, expect, it } from 'vitest';
import {
  costMicros,
  DEFAULT_PRICES,
  mergePrices,
  pricePerSecond,
  pricesFromCapabilities,
} from '../../src/limits/pricing.js';

describe('prices', () => {
  it('prices a sora-2 clip at 10 cents a second by default', () => {
    expect(costMicros(DEFAULT_PRICES, 'sora-2', '1280x720', 8)).toBe(800_000);
  });

  it('lets the provider and then the host override the defaults, per size', () => {
    const fromProvider = pricesFromCapabilities([
      {
        id: 'sora-2',
        sizes: ['1280x720'],
        seconds: [4],
        reference: true,
        remix: true,
        pricePerSecondUsd: { '1280x720': 0.2 },
      },
      { id: 'other', sizes: ['1x1'], seconds: [4], reference: false, remix: false },
    ]);
    const table = mergePrices(DEFAULT_PRICES, fromProvider, { 'sora-2': { '720x1280': 0.05 } });
    expect(pricePerSecond(table, 'sora-2', '1280x720')).toBe(0.2);
    expect(pricePerSecond(table, 'sora-2', '720x1280')).toBe(0.05);
    expect(pricePerSecond(table, 'sora-2-pro', '1792x1024')).toBe(0.5);
    expect(pricePerSecond(table, 'other', '1x1')).toBeUndefined();
  });

  it('knows no price for unknown models, sizes or inherited object keys', () => {
    expect(costMicros(DEFAULT_PRICES, 'nope', '1280x720', 4)).toBeUndefined();
    expect(pricePerSecond(DEFAULT_PRICES, 'sora-2', 'toString')).toBeUndefined();
    expect(pricePerSecond(DEFAULT_PRICES, '__proto__', '1280x720')).toBeUndefined();
  });

  it('adds up cents without float drift', () => {
    const table = { m: { s: 0.1 } };
    let total = 0;
    for (let i = 0; i < 30; i++) total += costMicros(table, 'm', 's', 1) ?? 0;
    expect(total).toBe(3_000_000);
  });
});
