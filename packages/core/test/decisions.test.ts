import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, renewalTime } from '../src/index.js';

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('reconnect backoff', () => {
  it('doubles per attempt up to the cap, with jitter in the upper half', () => {
    const high = (attempt: number) => backoffDelay(attempt, 1000, 30_000, () => 1);
    const low = (attempt: number) => backoffDelay(attempt, 1000, 30_000, () => 0);
    expect([1, 2, 3, 4].map(high)).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map(low)).toEqual([500, 1000, 2000, 4000]);
    expect(high(20)).toBe(30_000);
    expect(low(20)).toBe(15_000);
  });
});

describe('media link renewal', () => {
  const fetchedAt = Date.parse('2026-11-24T12:00:00Z');
  const link = (lifetimeMs: number) => ({
    url: 'x',
    expiresAt: new Date(fetchedAt + lifetimeMs).toISOString(),
  });

  it('renews a 15-minute link a minute before it expires', () => {
    expect(renewalTime(link(15 * 60_000), fetchedAt)).toBe(fetchedAt + 14 * 60_000);
  });

  it('renews a short link when 90 % of its life is used', () => {
    expect(renewalTime(link(100_000), fetchedAt)).toBe(fetchedAt + 90_000);
  });

  it('renews at once when the expiry is unreadable', () => {
    expect(renewalTime({ url: 'x', expiresAt: 'never' }, fetchedAt)).toBe(fetchedAt);
  });
});
