/**
 * `createAdmissionControl`: the rate limit, the quotas and the active-job caps composed into the
 * handler's {@link AdmissionControl}, each an atomic take-if-room on the deployment's coordination.
 * They are taken one after another; a later one that refuses gives the earlier ones back, so a
 * refused request leaves nothing counted and no limit is ever passed, even by racing instances.
 */

import { inProcessCoordinationFor } from '../coordination/memory.js';
import { runOnce } from '../coordination/run-once.js';
import type { Coordination } from '../coordination/types.js';
import type { SoraStorage } from '../storage.js';
import { DEFAULT_LIMITS_PREFIX, identityKey, type LimitKeys, limitKeys } from './limit-keys.js';
import { costMicros, DEFAULT_PRICES, type PriceTable } from './pricing.js';
import {
  type Charge,
  chargePeriod,
  DEFAULT_QUOTAS,
  type JobCost,
  periodEnabled,
  type QuotaOptions,
  refund,
} from './quota.js';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions, takeRate } from './rate-limit.js';
import type { Admission, AdmissionControl, AdmissionRequest } from './types.js';
import { toRetryAfterSeconds } from './window.js';

/** Options of {@link createAdmissionControl}; `false` turns a check off. */
export interface AdmissionOptions {
  /** Where reservations are remembered until `settle()`: the handler's storage. */
  storage: SoraStorage;
  /**
   * Where the counters live, shared by every instance: `redisCoordination(…)` or
   * `postgresCoordination(…)` across processes. Default: in-process, per `storage`.
   */
  coordination?: Coordination;
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
  /** Prefix of every key. Default `limits:`. */
  prefix?: string;
}

/** What `Retry-After` says when an active-job cap is full: no one knows when a job will end. */
export const ACTIVE_RETRY_AFTER_SECONDS = 10;

/** What a reservation remembers so that `settle()` can undo it. */
interface ReservationRecord {
  who: string;
  charges: Charge[];
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
  storage: SoraStorage;
  coordination: Coordination;
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
  const now = options.now ?? Date.now;
  return {
    storage: options.storage,
    coordination: options.coordination ?? inProcessCoordinationFor(options.storage, now),
    now,
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

/** Charges every enabled quota period, or none: the refusal names the periods that are full. */
async function chargeQuotas(
  cfg: Config,
  who: string,
  cost: JobCost,
  at: number,
): Promise<Charge[] | Refusal> {
  const { quotas } = cfg;
  if (!quotas) return [];
  const charges: Charge[] = [];
  for (const period of (['day', 'month'] as const).filter((p) => periodEnabled(p, quotas))) {
    const usageKey = (p: string) => cfg.keys.usage(who, p);
    const charged = await chargePeriod(cfg.coordination, usageKey, period, cost, quotas, at);
    if ('endsAt' in charged) {
      await refund(cfg.coordination, charges);
      return refuse(
        'quota_exceeded',
        `This would go over your video quota for the ${period}`,
        charged.endsAt - at,
      );
    }
    charges.push(...charged.charges);
  }
  return charges;
}

/** The active-job caps in force: where their slots live, their size and what a refusal says. */
function capsOf(cfg: Config, who: string) {
  const caps = [
    {
      key: cfg.keys.active(who),
      cap: cfg.perIdentity,
      message: `At most ${cfg.perIdentity} videos can be in progress at once`,
    },
    { key: cfg.keys.globalActive(), cap: cfg.global, message: 'The service is busy; try again shortly' },
  ];
  return caps.filter((c): c is { key: string; cap: number; message: string } => c.cap !== undefined);
}

const busy = (message: string) => refuse('rate_limited', message, ACTIVE_RETRY_AFTER_SECONDS * 1000);

/** Claims a slot under every cap, or none: a cap that refuses gives back the slots already taken. */
async function claimAll(cfg: Config, who: string, id: string, at: number): Promise<Refusal | undefined> {
  const taken: string[] = [];
  for (const { key, cap, message } of capsOf(cfg, who)) {
    const claim = await cfg.coordination.claimSlot(key, id, { cap, now: at, expiresAt: at + cfg.ttlMs });
    if (!claim.ok) {
      for (const held of taken) await cfg.coordination.releaseSlot(held, id);
      return busy(message);
    }
    taken.push(key);
  }
  return undefined;
}

/**
 * The checks that need no job: rate and caps (see AdmissionControl.precheck). Each is probed by
 * taking a place and giving it straight back, so a full limit is seen exactly; a probe can at worst
 * make a concurrent admission see the limit full a moment early (a refusal with Retry-After).
 */
async function precheckNow(cfg: Config, identity: string): Promise<Refusal | undefined> {
  const who = await identityKey(identity);
  const at = cfg.now();
  const probe = `probe-${cfg.newId()}`;
  if (cfg.rate) {
    const rate = await takeRate(cfg.coordination, cfg.keys.rate(who), probe, cfg.rate, at);
    if (!rate.allowed)
      return refuse('rate_limited', 'Too many videos started in a short time', rate.retryAfterMs);
    await rate.undo();
  }
  for (const { key, cap, message } of capsOf(cfg, who)) {
    const claim = await cfg.coordination.claimSlot(key, probe, { cap, now: at, expiresAt: at + 60_000 });
    if (!claim.ok) return busy(message);
    await cfg.coordination.releaseSlot(key, probe);
  }
  return undefined;
}

async function admitNow(cfg: Config, request: AdmissionRequest): Promise<Admission> {
  const who = await identityKey(request.identity);
  const at = cfg.now();
  const reservation = cfg.newId();
  const micros = costMicros(await cfg.prices(), request.model, request.size, request.seconds) ?? 0;
  const cost: JobCost = { seconds: request.seconds, micros };
  // What was taken so far, given back when a later step refuses or fails (an engine outage
  // mid-admission must not leave a hit or a charge behind for a request that was not admitted).
  const undo: (() => Promise<void>)[] = [];
  const rollback = async () => {
    for (const step of undo.reverse()) await step().catch(() => {});
  };
  try {
    if (cfg.rate) {
      const rate = await takeRate(cfg.coordination, cfg.keys.rate(who), reservation, cfg.rate, at);
      if (!rate.allowed)
        return refuse('rate_limited', 'Too many videos started in a short time', rate.retryAfterMs);
      undo.push(rate.undo);
    }
    const charges = await chargeQuotas(cfg, who, cost, at);
    if (!Array.isArray(charges)) {
      await rollback();
      return charges;
    }
    undo.push(() => refund(cfg.coordination, charges));
    const refused = await claimAll(cfg, who, reservation, at);
    if (refused) {
      await rollback();
      return refused;
    }
    undo.push(async () => {
      for (const { key } of capsOf(cfg, who)) await cfg.coordination.releaseSlot(key, reservation);
    });
    const record: ReservationRecord = { who, charges };
    await cfg.storage.setItem(cfg.keys.reservation(reservation), record, {
      ttl: Math.ceil(cfg.ttlMs / 1000) * 2,
    });
    return { ok: true, reservation };
  } catch (error) {
    await rollback();
    throw error;
  }
}

async function settleNow(
  cfg: Config,
  reservation: string,
  outcome: 'completed' | 'failed',
): Promise<'pending' | undefined> {
  const { storage, keys, coordination } = cfg;
  const key = keys.reservation(reservation);
  const record = asRecord(await storage.getItem(key));
  if (!record) return; // settled already, or never ours
  // Settling twice must not give back twice, even from two instances at once; a settler killed
  // midway leaves it to the next caller.
  const settled = await runOnce(coordination, `${key}:settled`, async () => {
    await coordination.releaseSlot(keys.active(record.who), reservation);
    await coordination.releaseSlot(keys.globalActive(), reservation);
    if (outcome === 'failed') await refund(coordination, record.charges);
    await storage.removeItem(key);
  });
  return settled === 'busy' ? 'pending' : undefined;
}

/**
 * Admission control whose limits hold exactly across every instance sharing the coordination.
 *
 * @example
 * const admission = createAdmissionControl({ storage, coordination, rateLimit: { limit: 5, windowSeconds: 60 } });
 * const verdict = await admission.admit({ identity: 'u1', model: 'sora-2', size: '1280x720', seconds: 4 });
 */
export function createAdmissionControl(options: AdmissionOptions): AdmissionControl {
  const cfg = configOf(options);
  return {
    precheck: (identity) => precheckNow(cfg, identity),
    admit: (request) => admitNow(cfg, request),
    settle: (reservation, outcome) => settleNow(cfg, reservation, outcome),
  };
}

function asRecord(value: unknown): ReservationRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Partial<ReservationRecord>;
  if (typeof r.who !== 'string' || !Array.isArray(r.charges)) return undefined;
  const charges = r.charges.filter(
    (c): c is Charge =>
      typeof c === 'object' && c !== null && typeof c.key === 'string' && typeof c.amount === 'number',
  );
  return { who: r.who, charges };
}
