/**
 * `createAdmissionControl`: the rate limit, the active-job caps and the quotas composed into the
 * handler's {@link AdmissionControl}. Every check reads first; nothing is written unless all pass,
 * so a refused request leaves no trace in any counter.
 */
import type { Storage } from 'unstorage';
import { claimSlot, liveSlots, releaseSlot, type Slot } from './active-jobs.js';
import { DEFAULT_LIMITS_PREFIX, identityKey, type LimitKeys, limitKeys } from './keys.js';
import { costMicros, DEFAULT_PRICES, type PriceTable } from './pricing.js';
import {
  addUsage,
  checkPeriod,
  DEFAULT_QUOTAS,
  type JobCost,
  type PeriodCheck,
  periodEnabled,
  type QuotaOptions,
} from './quota.js';
import { checkRateLimit, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';
import { createSerializer } from './serial.js';
import type { Admission, AdmissionControl, AdmissionRequest } from './types.js';
import { toRetryAfterSeconds } from './window.js';

/** Options of {@link createAdmissionControl}; `false` turns a check off. */
export interface AdmissionOptions {
  /** Where the counters live: the handler's storage, shared by every instance. */
  storage: Storage;
  /** Epoch milliseconds; injected so tests and the fake clock drive the windows. */
  now?: () => number;
  /** Reservation ids; random UUIDs by default. */
  id?: () => string;
  /** Creations per identity per window. Default 10 per 60 s, sliding. */
  rateLimit?: RateLimitOptions | false;
  /** Active (not yet ended) jobs per identity. Default 3. */
  activeJobs?: number | false;
  /** Active jobs across all identities. Default 50. */
  globalActiveJobs?: number | false;
  /** Seconds and dollars per identity per UTC day and month. Default {@link DEFAULT_QUOTAS}. */
  quotas?: QuotaOptions | false;
  /**
   * USD per second by model and size, or a function giving the table (the handler merges the
   * provider's advertised prices over {@link DEFAULT_PRICES}). A clip without a price costs 0 USD
   * (its seconds still count).
   */
  prices?: PriceTable | (() => PriceTable | Promise<PriceTable>);
  /** A slot whose `settle()` never came is freed after this long. Default 6 hours. */
  activeJobTtlSeconds?: number;
  /** Prefix of every storage key. Default `limits:`. */
  prefix?: string;
}

/** What `Retry-After` says when an active-job cap is full: no one knows when a job will end. */
export const ACTIVE_RETRY_AFTER_SECONDS = 10;

/** What a reservation remembers so that `settle()` can undo it. */
interface ReservationRecord {
  who: string;
  cost: JobCost;
  usageKeys: string[];
}

type Refusal = Extract<Admission, { ok: false }>;

function refuse(code: Refusal['code'], message: string, retryAfterMs: number): Refusal {
  return { ok: false, code, message, retryAfterSeconds: toRetryAfterSeconds(retryAfterMs) };
}

function resolveQuotas(quotas: QuotaOptions | false | undefined): QuotaOptions | undefined {
  if (quotas === false) return undefined;
  return quotas === undefined ? DEFAULT_QUOTAS : quotas;
}

/** The options with every default resolved (internal). */
interface Config {
  storage: Storage;
  now: () => number;
  newId: () => string;
  keys: LimitKeys;
  rate: Required<RateLimitOptions> | undefined;
  perIdentity: number | undefined;
  global: number | undefined;
  quotas: QuotaOptions | undefined;
  ttlMs: number;
  prices: () => Promise<PriceTable>;
}

function configOf(options: AdmissionOptions): Config {
  const given = options.prices ?? DEFAULT_PRICES;
  return {
    storage: options.storage,
    now: options.now ?? Date.now,
    newId: options.id ?? (() => crypto.randomUUID()),
    keys: limitKeys(options.prefix ?? DEFAULT_LIMITS_PREFIX),
    rate: options.rateLimit === false ? undefined : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit },
    perIdentity: options.activeJobs === false ? undefined : (options.activeJobs ?? 3),
    global: options.globalActiveJobs === false ? undefined : (options.globalActiveJobs ?? 50),
    quotas: resolveQuotas(options.quotas),
    ttlMs: (options.activeJobTtlSeconds ?? 6 * 3600) * 1000,
    prices: async () => (typeof given === 'function' ? given() : given),
  };
}

async function checkQuotas(
  cfg: Config,
  who: string,
  cost: JobCost,
  at: number,
): Promise<PeriodCheck[] | Refusal> {
  const { quotas } = cfg;
  if (!quotas) return [];
  const periods = (['day', 'month'] as const).filter((p) => periodEnabled(p, quotas));
  const usageKey = (period: string) => cfg.keys.usage(who, period);
  const checks = await Promise.all(
    periods.map((p) => checkPeriod(cfg.storage, usageKey, p, cost, quotas, at)),
  );
  const over = checks.filter((c) => !c.fits);
  if (over.length === 0) return checks;
  const until = Math.max(...over.map((c) => c.endsAt));
  const which = over.map((c) => c.period).join(' and ');
  return refuse('quota_exceeded', `This would go over your video quota for the ${which}`, until - at);
}

/** The active-job caps in force: where their slots live, their size and what a refusal says. */
function capsOf(cfg: Config, who: string) {
  const caps = [
    {
      base: cfg.keys.active(who),
      cap: cfg.perIdentity,
      message: `At most ${cfg.perIdentity} videos can be in progress at once`,
    },
    { base: cfg.keys.globalActive(), cap: cfg.global, message: 'The service is busy; try again shortly' },
  ];
  return caps.filter((c): c is { base: string; cap: number; message: string } => c.cap !== undefined);
}

const busy = (message: string) => refuse('rate_limited', message, ACTIVE_RETRY_AFTER_SECONDS * 1000);

/** Claims a slot under every cap, or none: a cap that refuses gives back the slots already taken. */
async function claimAll(cfg: Config, who: string, slot: Slot): Promise<Refusal | undefined> {
  const taken: string[] = [];
  for (const { base, cap, message } of capsOf(cfg, who)) {
    if (!(await claimSlot(cfg.storage, base, slot, cap, cfg.ttlMs))) {
      for (const held of taken) await releaseSlot(cfg.storage, held, slot.id);
      return busy(message);
    }
    taken.push(base);
  }
  return undefined;
}

/** The checks that need no job: rate and caps, read only (see AdmissionControl.precheck). */
async function precheckNow(cfg: Config, identity: string): Promise<Refusal | undefined> {
  const who = await identityKey(identity);
  const at = cfg.now();
  const rate = cfg.rate ? await checkRateLimit(cfg.storage, cfg.keys.rate(who), cfg.rate, at) : undefined;
  if (rate && !rate.allowed) {
    return refuse('rate_limited', 'Too many videos started in a short time', rate.retryAfterMs);
  }
  for (const { base, cap, message } of capsOf(cfg, who)) {
    if ((await liveSlots(cfg.storage, base, at, cfg.ttlMs)).length >= cap) return busy(message);
  }
  return undefined;
}

async function admitNow(cfg: Config, request: AdmissionRequest): Promise<Admission> {
  const { storage, keys, ttlMs } = cfg;
  const who = await identityKey(request.identity);
  const at = cfg.now();
  const rate = cfg.rate ? await checkRateLimit(storage, keys.rate(who), cfg.rate, at) : undefined;
  if (rate && !rate.allowed) {
    return refuse('rate_limited', 'Too many videos started in a short time', rate.retryAfterMs);
  }
  const micros = costMicros(await cfg.prices(), request.model, request.size, request.seconds) ?? 0;
  const cost: JobCost = { seconds: request.seconds, micros };
  const periods = await checkQuotas(cfg, who, cost, at);
  if (!Array.isArray(periods)) return periods;

  // The read checks passed: claim the cap slots (write, then count; a refused claim withdraws its
  // slot), and only then record the rest.
  const reservation = cfg.newId();
  // The slot's time is read just before it is written, to keep the claim's race window small.
  const refused = await claimAll(cfg, who, { id: reservation, at: cfg.now() });
  if (refused) return refused;
  const record: ReservationRecord = { who, cost, usageKeys: periods.map((p) => p.key) };
  await storage.setItem(keys.reservation(reservation), record, { ttl: Math.ceil(ttlMs / 1000) * 2 });
  await rate?.commit();
  for (const p of periods) await addUsage(storage, p.key, cost, 1, usageTtlSeconds(p));
  return { ok: true, reservation };
}

async function settleNow(cfg: Config, reservation: string, outcome: 'completed' | 'failed'): Promise<void> {
  const { storage, keys } = cfg;
  const key = keys.reservation(reservation);
  const record = asRecord(await storage.getItem(key));
  if (!record) return; // settled already, or never ours: settling twice must not give back twice
  await storage.removeItem(key);
  await releaseSlot(storage, keys.active(record.who), reservation);
  await releaseSlot(storage, keys.globalActive(), reservation);
  if (outcome === 'failed') {
    for (const usageKey of record.usageKeys) await addUsage(storage, usageKey, record.cost, -1, 40 * 86400);
  }
}

/**
 * Admission control over unstorage: limits that hold across every instance sharing `storage`.
 *
 * unstorage has no atomic increment. Admissions are serialized within one instance, so one instance
 * is exact. Active-job slots are one key each, claimed by write-then-count, so instances never lose
 * each other's slots and over-admit a cap only in a race within one storage round trip; the rate
 * and quota counters are read-modify-write,
 * so N instances admitting for the same identity in the same instant may over-admit them by up to
 * N − 1 (see docs/security.md).
 *
 * @example
 * const admission = createAdmissionControl({ storage, rateLimit: { limit: 5, windowSeconds: 60 } });
 * const verdict = await admission.admit({ identity: 'u1', model: 'sora-2', size: '1280x720', seconds: 4 });
 */
export function createAdmissionControl(options: AdmissionOptions): AdmissionControl {
  const cfg = configOf(options);
  const serial = createSerializer();
  return {
    precheck: (identity) => precheckNow(cfg, identity),
    admit: (request) => serial(() => admitNow(cfg, request)),
    settle: (reservation, outcome) => serial(() => settleNow(cfg, reservation, outcome)),
  };
}

/** Usage outlives its period a little, so a late `settle('failed')` still finds it. */
function usageTtlSeconds(check: PeriodCheck): number {
  return check.period === 'day' ? 2 * 86400 : 40 * 86400;
}

function asRecord(value: unknown): ReservationRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Partial<ReservationRecord>;
  if (typeof r.who !== 'string' || !Array.isArray(r.usageKeys) || typeof r.cost !== 'object' || !r.cost) {
    return undefined;
  }
  return { who: r.who, cost: r.cost, usageKeys: r.usageKeys.filter((k) => typeof k === 'string') };
}
