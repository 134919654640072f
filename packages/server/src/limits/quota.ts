/**
 * Quotas: seconds of video and dollars per identity per UTC day and per UTC month. A job's cost is
 * reserved when it is admitted, given back when it fails, and kept when it completes.
 */
import type { SoraStorage } from '../storage.js';
import { MICROS_PER_USD } from './pricing.js';
import { type QuotaPeriod, quotaPeriod } from './window.js';

/** Per-identity budgets; `false` (or leaving one out of a custom object) turns that budget off. */
export interface QuotaOptions {
  /** Seconds of video per identity per UTC day. Default 120. */
  secondsPerDay?: number | false;
  /** Seconds of video per identity per UTC month. Default 1200. */
  secondsPerMonth?: number | false;
  /** USD per identity per UTC day, priced from the price table. Default 15. */
  usdPerDay?: number | false;
  /** USD per identity per UTC month. Default 150. */
  usdPerMonth?: number | false;
}

/**
 * Defaults that suit a demo: ten 12-second clips (or thirty 4-second ones) a day. The dollar caps
 * let the full seconds budget go to sora-2 (0.10 USD/s: 12 USD a day) but stop an identity from
 * spending it all on sora-2-pro (0.30–0.70 USD/s).
 */
export const DEFAULT_QUOTAS: Required<QuotaOptions> = {
  secondsPerDay: 120,
  secondsPerMonth: 1200,
  usdPerDay: 15,
  usdPerMonth: 150,
};

/** What an identity used in one period. */
export interface Usage {
  seconds: number;
  /** Dollars in micro-dollars (integers, no float drift). */
  micros: number;
}

/** The cost of one job as the quotas count it. */
export interface JobCost {
  seconds: number;
  micros: number;
}

/** Reads a stored usage, treating anything malformed as nothing used. */
export function asUsage(value: unknown): Usage {
  if (typeof value !== 'object' || value === null) return { seconds: 0, micros: 0 };
  const { seconds, micros } = value as Partial<Usage>;
  const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);
  return { seconds: num(seconds), micros: num(micros) };
}

function limitsOf(period: QuotaPeriod, quotas: QuotaOptions) {
  const seconds = period === 'day' ? quotas.secondsPerDay : quotas.secondsPerMonth;
  const usd = period === 'day' ? quotas.usdPerDay : quotas.usdPerMonth;
  return {
    seconds: typeof seconds === 'number' ? seconds : undefined,
    micros: typeof usd === 'number' ? Math.round(usd * MICROS_PER_USD) : undefined,
  };
}

/** Whether adding `cost` to `used` stays within a period's budgets. Pure. */
export function withinQuota(period: QuotaPeriod, used: Usage, cost: JobCost, quotas: QuotaOptions): boolean {
  const limit = limitsOf(period, quotas);
  if (limit.seconds !== undefined && used.seconds + cost.seconds > limit.seconds) return false;
  if (limit.micros !== undefined && used.micros + cost.micros > limit.micros) return false;
  return true;
}

/** Whether a period has any budget switched on. */
export function periodEnabled(period: QuotaPeriod, quotas: QuotaOptions): boolean {
  const limit = limitsOf(period, quotas);
  return limit.seconds !== undefined || limit.micros !== undefined;
}

/** One period's check: the usage key and value, and whether the cost fits. */
export interface PeriodCheck {
  period: QuotaPeriod;
  key: string;
  used: Usage;
  fits: boolean;
  endsAt: number;
}

/** Reads one period's usage and checks `cost` against it. */
export async function checkPeriod(
  storage: SoraStorage,
  usageKey: (period: string) => string,
  period: QuotaPeriod,
  cost: JobCost,
  quotas: QuotaOptions,
  now: number,
): Promise<PeriodCheck> {
  const { key: periodKey, endsAt } = quotaPeriod(period, now);
  const key = usageKey(`${period}:${periodKey}`);
  const used = asUsage(await storage.getItem(key));
  return { period, key, used, fits: withinQuota(period, used, cost, quotas), endsAt };
}

/** Adds `sign × cost` to the usage under `key`, never going below zero. */
export async function addUsage(
  storage: SoraStorage,
  key: string,
  cost: JobCost,
  sign: 1 | -1,
  ttlSeconds: number,
): Promise<void> {
  const used = asUsage(await storage.getItem(key));
  const next: Usage = {
    seconds: Math.max(0, used.seconds + sign * cost.seconds),
    micros: Math.max(0, used.micros + sign * cost.micros),
  };
  await storage.setItem(key, next, { ttl: ttlSeconds });
}
