/**
 * Quotas: seconds of video and dollars per identity per UTC day and per UTC month. A job's cost is
 * reserved when it is admitted, given back when it fails, and kept when it completes.
 */
import type { Coordination } from '../coordination/types.js';
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

/** The cost of one job as the quotas count it. */
export interface JobCost {
  seconds: number;
  micros: number;
}

function limitsOf(period: QuotaPeriod, quotas: QuotaOptions) {
  const seconds = period === 'day' ? quotas.secondsPerDay : quotas.secondsPerMonth;
  const usd = period === 'day' ? quotas.usdPerDay : quotas.usdPerMonth;
  return {
    seconds: typeof seconds === 'number' ? seconds : undefined,
    micros: typeof usd === 'number' ? Math.round(usd * MICROS_PER_USD) : undefined,
  };
}

/** Whether a period has any budget switched on. */
export function periodEnabled(period: QuotaPeriod, quotas: QuotaOptions): boolean {
  const limit = limitsOf(period, quotas);
  return limit.seconds !== undefined || limit.micros !== undefined;
}

/** A period's usage counters under `usageKey(period)`: seconds and micro-dollars, one counter each. */
export function usageCounters(usageKey: (period: string) => string, period: QuotaPeriod, now: number) {
  const { key: periodKey, endsAt } = quotaPeriod(period, now);
  const base = usageKey(`${period}:${periodKey}`);
  return { seconds: `${base}:seconds`, micros: `${base}:micros`, endsAt };
}

/** Usage outlives its period a little, so a late refund still finds it. */
export function usageTtlMs(period: QuotaPeriod): number {
  return (period === 'day' ? 2 : 40) * 86_400_000;
}

/** A charge that was applied: the counters and amounts, to refund on failure. */
export interface Charge {
  key: string;
  amount: number;
  ttlMs: number;
}

/**
 * Charges `cost` to one period's counters, each an atomic add that refuses to pass its budget.
 * The charges applied, or the period's end when a budget would be passed (nothing stays charged).
 */
export async function chargePeriod(
  coordination: Coordination,
  usageKey: (period: string) => string,
  period: QuotaPeriod,
  cost: JobCost,
  quotas: QuotaOptions,
  now: number,
): Promise<{ charges: Charge[] } | { endsAt: number }> {
  const limit = limitsOf(period, quotas);
  const counters = usageCounters(usageKey, period, now);
  const ttlMs = usageTtlMs(period);
  const wanted: (Charge & { limit?: number })[] = [
    { key: counters.seconds, amount: cost.seconds, ttlMs, limit: limit.seconds },
    { key: counters.micros, amount: cost.micros, ttlMs, limit: limit.micros },
  ];
  const charges: Charge[] = [];
  for (const charge of wanted) {
    if (charge.limit === undefined) continue;
    if (!(await coordination.addWithin(charge.key, charge.amount, { limit: charge.limit, ttlMs }))) {
      await refund(coordination, charges);
      return { endsAt: counters.endsAt };
    }
    charges.push({ key: charge.key, amount: charge.amount, ttlMs });
  }
  return { charges };
}

/** Gives charges back (never below zero). */
export async function refund(coordination: Coordination, charges: readonly Charge[]): Promise<void> {
  for (const c of charges) await coordination.addWithin(c.key, -c.amount, { ttlMs: c.ttlMs });
}
