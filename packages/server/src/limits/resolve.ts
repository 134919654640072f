/**
 * From the handler's `limits`, `quotas` and `prices` options to the {@link AdmissionControl} it
 * uses: the host's own, the built-in one over the handler's storage, or none.
 */

import type { Coordination } from '../coordination/types.js';
import type { ProviderCapabilities } from '../providers/types.js';
import type { SoraStorage } from '../storage.js';
import { type AdmissionOptions, createAdmissionControl } from './admission.js';
import type { ClientKey, PerClientOptions } from './client-limit.js';
import { DEFAULT_PRICES, mergePrices, type PriceTable, pricesFromCapabilities } from './pricing.js';
import type { QuotaOptions } from './quota.js';
import type { RateLimitOptions } from './rate-limit.js';
import type { AdmissionControl } from './types.js';

/** The handler's `limits` option when it is not an {@link AdmissionControl} of the host's own. */
export type LimitsOptions = Pick<
  AdmissionOptions,
  'rateLimit' | 'activeJobs' | 'globalActiveJobs' | 'activeJobTtlSeconds' | 'prefix'
> & {
  /**
   * Starts of work per client address, on top of the per-identity limits: by default 20 a minute
   * for anonymous callers; `false` turns it off. See docs/security.md.
   */
  perClient?: PerClientOptions | false;
  /** New anonymous sessions per client address: by default 30 per 10 minutes; `false` turns it off. */
  sessionsPerClient?: (RateLimitOptions & { key?: ClientKey }) | false;
};

/** The per-client limits in force: none when `limits` is `false` or the host's own control. */
export function clientLimitsOf(limits: AdmissionControl | LimitsOptions | false | undefined): {
  perClient?: PerClientOptions;
  sessions?: RateLimitOptions & { key?: ClientKey };
} {
  if (limits === false || isAdmissionControl(limits)) return {};
  const perClient = limits?.perClient === false ? undefined : (limits?.perClient ?? {});
  const sessions = limits?.sessionsPerClient === false ? undefined : (limits?.sessionsPerClient ?? {});
  return { perClient, sessions };
}

/** What the handler knows when it builds its admission control. */
export interface AdmissionSetup {
  /** Rate limit and caps: options (defaults on), the host's own control, or `false` for none. */
  limits?: AdmissionControl | LimitsOptions | false;
  /** Quotas (defaults on); `false` for none. Ignored when `limits` is the host's own control. */
  quotas?: QuotaOptions | false;
  /** The host's prices, over the provider's advertised ones and {@link DEFAULT_PRICES}. */
  prices?: PriceTable;
  storage: SoraStorage;
  /** Where the counters live (default: in-process, per storage). */
  coordination?: Coordination;
  /** Epoch milliseconds. */
  now: () => number;
  capabilities: () => Promise<ProviderCapabilities>;
}

/** Whether `value` is an admission control (has `admit` and `settle`) rather than options. */
export function isAdmissionControl(value: unknown): value is AdmissionControl {
  const v = value as Partial<AdmissionControl> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.admit === 'function' && typeof v.settle === 'function'
  );
}

/**
 * The price table in force, asked of the provider once and then cached; until the provider
 * answers (or when it fails) the defaults and the host's prices apply.
 */
export function priceTable(
  capabilities: () => Promise<ProviderCapabilities>,
  hostPrices?: PriceTable,
): () => Promise<PriceTable> {
  let table: Promise<PriceTable> | undefined;
  return () => {
    table ??= capabilities().then(
      (caps) => mergePrices(DEFAULT_PRICES, pricesFromCapabilities(caps.models), hostPrices),
      () => {
        table = undefined; // try the provider again next time
        return mergePrices(DEFAULT_PRICES, hostPrices);
      },
    );
    return table;
  };
}

/**
 * The admission control a handler uses; `undefined` when both `limits` and `quotas` are `false`.
 *
 * @example admissionFor({ limits: { activeJobs: 2 }, quotas: false, storage, now: Date.now, capabilities })
 */
export function admissionFor(setup: AdmissionSetup): AdmissionControl | undefined {
  if (isAdmissionControl(setup.limits)) return setup.limits;
  if (setup.limits === false && setup.quotas === false) return undefined;
  const limits: AdmissionOptions =
    setup.limits === false
      ? { storage: setup.storage, rateLimit: false, activeJobs: false, globalActiveJobs: false }
      : { storage: setup.storage, ...setup.limits };
  return createAdmissionControl({
    ...limits,
    coordination: setup.coordination,
    now: setup.now,
    quotas: setup.quotas,
    prices: priceTable(setup.capabilities, setup.prices),
  });
}
