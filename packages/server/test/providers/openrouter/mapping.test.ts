/** The adapter's pure decisions: progress estimates, sizes and prices. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pricePerSecond } from '../../../src/providers/openrouter-capabilities.js';
import { estimateProgress } from '../../../src/providers/openrouter-mapping.js';
import { sizeFromResolution } from '../../../src/providers/openrouter-sizes.js';
import { retryAfterMs } from '../../../src/providers/retry-after.js';

describe('estimated progress', () => {
  it('never decreases with time and never reaches 95 before completion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (typical, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const p1 = estimateProgress(early, typical);
          const p2 = estimateProgress(late, typical);
          return p1 <= p2 && p2 < 95 && p1 >= 0 && Number.isInteger(p2);
        },
      ),
    );
  });

  it('is 90 at the typical duration', () => {
    expect(estimateProgress(120_000, 120_000)).toBe(90);
    expect(estimateProgress(0, 120_000)).toBe(0);
  });
});

describe('sizes and prices', () => {
  it('turns a resolution and an aspect ratio into pixels', () => {
    expect(sizeFromResolution('720p', '16:9')).toBe('1280x720');
    expect(sizeFromResolution('720p', '9:16')).toBe('720x1280');
    expect(sizeFromResolution('1080p', '1:1')).toBe('1080x1080');
    expect(sizeFromResolution('480p', '16:9')).toBe('854x480');
    expect(sizeFromResolution('4K', '16:9')).toBeUndefined();
  });

  it('prefers a resolution- or size-specific SKU over the general one, whatever the order', () => {
    const prices = pricePerSecond(
      { 'per-video-second-1080p': '0.75', 'per-video-second': '0.50', 'per-request': '1.00' },
      ['1280x720', '1920x1080'],
    );
    expect(prices).toEqual({ '1280x720': 0.5, '1920x1080': 0.75 });
    expect(pricePerSecond({ 'per-request': '1.00' }, ['1280x720'])).toBeUndefined();
    expect(pricePerSecond({ 'per-video-second': 'n/a' }, ['1280x720'])).toBeUndefined();
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});
