import { describe, expect, it } from 'vitest';
import { fixedWindow, quotaPeriod, slidingWindow, toRetryAfterSeconds } from '../../src/limits/window.js';

const MIN = 60_000;

describe('slidingWindow', () => {
  it('allows up to the limit in any window and refuses the next', () => {
    let log: number[] = [];
    for (let i = 0; i < 3; i++) {
      const v = slidingWindow(log, 1000 + i, 3, MIN);
      expect(v.allowed).toBe(true);
      log = v.state;
    }
    const refused = slidingWindow(log, 2000, 3, MIN);
    expect(refused.allowed).toBe(false);
  });

  it('tells the caller to come back when the oldest hit leaves the window', () => {
    const v = slidingWindow([0, 10_000, 20_000], 30_000, 3, MIN);
    expect(v).toMatchObject({ allowed: false, retryAfterMs: 30_000 });
    expect(slidingWindow([0, 10_000, 20_000], 60_000, 3, MIN).allowed).toBe(true);
  });

  it('drops hits older than the window so the state stays small', () => {
    const v = slidingWindow([1, 2, 3, 4], 10 * MIN, 5, MIN);
    expect(v).toEqual({ allowed: true, state: [10 * MIN] });
  });

  it('has no boundary burst: a full window just before a boundary still blocks just after', () => {
    const log = [59_000, 59_500];
    expect(slidingWindow(log, 61_000, 2, MIN).allowed).toBe(false);
  });
});

describe('fixedWindow', () => {
  it('counts per aligned window and resets at the boundary', () => {
    let state = null as Parameters<typeof fixedWindow>[0];
    for (let i = 0; i < 2; i++) {
      const v = fixedWindow(state, 5_000, 2, MIN);
      expect(v.allowed).toBe(true);
      state = v.state;
    }
    expect(fixedWindow(state, 59_999, 2, MIN)).toMatchObject({ allowed: false, retryAfterMs: 1 });
    expect(fixedWindow(state, 60_000, 2, MIN)).toEqual({ allowed: true, state: { start: 60_000, count: 1 } });
  });
});

describe('quotaPeriod', () => {
  it('names UTC days and months and says when they end', () => {
    const now = Date.UTC(2026, 10, 24, 19, 30);
    expect(quotaPeriod('day', now)).toEqual({ key: '2026-11-24', endsAt: Date.UTC(2026, 10, 25) });
    expect(quotaPeriod('month', now)).toEqual({ key: '2026-11', endsAt: Date.UTC(2026, 11, 1) });
  });

  it('rolls over the year at the end of December', () => {
    const now = Date.UTC(2026, 11, 31, 23, 59);
    expect(quotaPeriod('day', now).endsAt).toBe(Date.UTC(2027, 0, 1));
    expect(quotaPeriod('month', now)).toEqual({ key: '2026-12', endsAt: Date.UTC(2027, 0, 1) });
  });
});

describe('toRetryAfterSeconds', () => {
  it('rounds up and never says 0', () => {
    expect(toRetryAfterSeconds(1)).toBe(1);
    expect(toRetryAfterSeconds(0)).toBe(1);
    expect(toRetryAfterSeconds(1001)).toBe(2);
  });
});
