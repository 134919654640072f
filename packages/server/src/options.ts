/**
 * What a host configures in `createSoraHandler(options)`, and the defaults filled in.
 */
import type { Job, ValidCreateVideo } from '@sora-kit/core';
import { DEFAULT_MAX_PROMPT_CHARS, DEFAULT_MAX_REFERENCE_BYTES } from '@sora-kit/core/protocol';
import type { Registry } from 'prom-client';
import type { AuthAdapter, Identity } from './auth/types.js';
import type { BlobStore } from './blobs/types.js';
import type { Coordination } from './coordination/types.js';
import type { Limits } from './jobs/runtime.js';
import type { PriceTable } from './limits/pricing.js';
import type { QuotaOptions } from './limits/quota.js';
import type { LimitsOptions } from './limits/resolve.js';
import type { AdmissionControl } from './limits/types.js';
import { DEFAULT_REFERENCE_DECODE_SECONDS, DEFAULT_REFERENCE_PIXELS } from './media/reference-budget.js';
import type { LoggerOption } from './observability/logger.js';
import { configuredProviders } from './providers/registry.js';
import type { VideoProvider } from './providers/types.js';
import type { PublicUrlOptions } from './proxy.js';
import type { ReadinessOptions } from './routes/ready.js';
import type { CorsOptions } from './security/cors.js';
import type { SoraStorage } from './storage.js';

/** How the poller paces upstream refreshes. */
export interface PollingOptions {
  /**
   * Shortest delay between two refreshes of one job (default 1000 ms); a poll aimed at the
   * completion the provider's pace predicts may come up to 10× sooner.
   */
  minDelayMs?: number;
  /** Longest delay between two refreshes of one job (default 15000 ms). */
  maxDelayMs?: number;
  /** Consecutive failed refreshes after which a job fails `upstream_failed` (default 8). */
  failureBudget?: number;
  /** A job with no terminal state this long after its attempt began fails `timeout` (default 30 min). */
  deadlineMs?: number;
  /** How long one instance holds a job's refresh lease (default 60000 ms; renewed while copying). */
  leaseMs?: number;
  /**
   * How often a running loop looks for due jobs scheduled by other instances (default 500 ms); jobs
   * this process scheduled wake it when they fall due.
   */
  tickMs?: number;
  /** @deprecated Ignored: leases are now atomic on the coordination, with nothing to settle. */
  leaseSettleMs?: number;
  /** Jobs refreshed at the same time by one instance (default 8). */
  concurrency?: number;
}

/** Retries of one download while copying a finished video. */
export interface CopyRetryOptions {
  /** Tries per file, the first included (default 4). */
  attempts?: number;
  /** First pause in milliseconds, doubled each time (default 500). */
  baseDelayMs?: number;
  /** Longest pause (default 8000). */
  maxDelayMs?: number;
}

/** Webhook handling. With webhooks on, polling becomes a slow safety net. */
export interface WebhookOptions {
  /** Whether the provider sends webhooks to `POST /webhooks/:provider` (default false). */
  enabled?: boolean;
  /** The poll delay while webhooks are on (default 60000 ms). */
  safetyNetDelayMs?: number;
}

/** What `beforeCreate` sees. */
export interface BeforeCreateContext {
  identity: Identity;
  input: ValidCreateVideo & { hasReference: boolean; remixOf?: string };
  request: Request;
}

/** `beforeCreate`'s verdict: nothing to allow, or a refusal whose message the user sees. */
export type BeforeCreateResult = undefined | { refuse: string; status?: 400 | 403 };

/** What the job hooks see. */
export interface JobHookContext {
  identity: Identity;
  job: Job;
}

/**
 * Host callbacks. `beforeCreate` may refuse a new job (403 `forbidden` by default, or 400
 * `invalid_request` with `status: 400`), with a message shown to the user. The others are called
 * exactly once per transition, even with several instances; their errors are logged, not thrown.
 */
export interface SoraHooks {
  beforeCreate?(ctx: BeforeCreateContext): BeforeCreateResult | Promise<BeforeCreateResult>;
  onJobCreated?(ctx: JobHookContext): void | Promise<void>;
  onJobCompleted?(ctx: JobHookContext): void | Promise<void>;
  onJobFailed?(ctx: JobHookContext): void | Promise<void>;
}

/** Options of {@link createSoraHandler}. */
export interface SoraHandlerOptions extends PublicUrlOptions {
  /** The video backend: `openaiProvider(...)`, `fakeProvider()`, or your own (or use `providers`). */
  provider?: VideoProvider;
  /**
   * Several backends instead of `provider` (give exactly one of the two; names must be unique).
   * `GET /capabilities` lists every provider's models; a new job goes to the provider offering its
   * model (the first one when a model id is offered twice), a request without a model to the first
   * provider. Jobs of a provider no longer listed stay readable, playable and deletable from our
   * copies; unfinished ones fail, and they cannot be remixed or retried. See docs/migration.md.
   */
  providers?: VideoProvider[];
  /** At least 32 characters; signs session cookies and media links (a separate key is derived for each). */
  secret: string;
  /** Where the default file storage and blobs live (default `.sora-kit`). */
  dataDir?: string;
  /** Job storage (default: unstorage's fs driver at `<dataDir>/jobs`). */
  storage?: SoraStorage;
  /**
   * Leases, limits, the refresh schedule and change notifications shared by every process:
   * `redisCoordination(…)` or `postgresCoordination(…)` when several processes share `storage`.
   * Default: in-process (one process). See docs/deployment.md.
   */
  coordination?: Coordination;
  /**
   * `true` when workers (`createSoraWorker`, `sora-kit worker`) refresh, copy and notify: this
   * handler then only serves — it never polls or refreshes on reads, and a webhook just marks its
   * job due for a worker. Default `false`: this process does it all.
   */
  separateWorker?: boolean;
  /** Where video copies live (default: `fsBlobs(<dataDir>/blobs)`). */
  blobs?: BlobStore;
  /** Who is calling (default: anonymous signed-cookie sessions). */
  auth?: AuthAdapter;
  /**
   * Your own admission control.
   * @deprecated Pass it as `limits` (one option for one idea); giving both is refused at start.
   */
  admission?: AdmissionControl;
  /**
   * Creations per identity per window (default 10/min), jobs in progress per identity (3) and in
   * total (50); or your own `AdmissionControl`; `false` turns these off. See docs/security.md.
   */
  limits?: AdmissionControl | LimitsOptions | false;
  /** Seconds and USD per identity per UTC day and month (default 120 s / 15 USD a day); `false` for none. */
  quotas?: QuotaOptions | false;
  /** USD per second by model and size, over the provider's advertised prices and `DEFAULT_PRICES`. */
  prices?: PriceTable;
  /** Other origins allowed to make state-changing requests (the page's own origin always is). */
  allowedOrigins?: string[];
  /** CORS for pages on other origins (off by default; credentials only when asked for). */
  cors?: CorsOptions;
  /** Lifetime of signed media links (default 900 s). */
  mediaLinkTtlSeconds?: number;
  /** Longest prompt accepted (default 4000 characters). */
  maxPromptChars?: number;
  /** Largest reference image accepted (default 10 MB). */
  maxReferenceBytes?: number;
  /** Largest JSON body accepted (default 64 KB). */
  maxJsonBytes?: number;
  /**
   * Budgets of reference-image decoding: at most `maxPixels` (default 50 M, read from the header
   * before decoding), `timeoutSeconds` per image (default 10), `concurrency` images at once per
   * instance (default 2) with up to `maxWaiting` (16) waiting; beyond that 503 `unavailable`.
   */
  referenceImages?: {
    maxPixels?: number;
    timeoutSeconds?: number;
    concurrency?: number;
    maxWaiting?: number;
  };
  /**
   * Longest time a request body may take to arrive, in milliseconds (default 30000); a slower one
   * answers 408 and its connection is closed. Set your server's header timeout too (see docs/security.md).
   */
  bodyTimeoutMs?: number;
  /** Event streams one identity may hold open at once on one instance (default 20; over it: 429). */
  maxEventStreamsPerIdentity?: number;
  /** Pacing, failure budget, deadline and leases of the job refreshes. */
  polling?: PollingOptions;
  /**
   * How copying a finished video into the blob store retries a failed or cut-off download before
   * the job's failure budget takes over (default 4 tries, 500 ms doubling up to 8 s).
   */
  copy?: CopyRetryOptions;
  /** Turn on when the provider sends webhooks to `POST /webhooks/:provider` (polling then slows). */
  webhooks?: WebhookOptions;
  /** Callbacks around job creation and completion. */
  hooks?: SoraHooks;
  /**
   * `GET /metrics` (Prometheus, names `sora_kit_…`): open in development and off when
   * `NODE_ENV=production` unless you give a `token` (requires `Authorization: Bearer <token>`) or
   * `public: true`; `false` turns the route off. `{ registry }` registers the metrics in your
   * prom-client `Registry` (serve it yourself, or merge with `Registry.merge`).
   */
  metrics?: false | MetricsOptions;
  /**
   * Where log lines go: a pino logger (or anything pino-compatible), a `Logger` with
   * `(message, fields)` methods, or `false` for silence. Default: JSON lines on stdout from `info`.
   * Lines carry `requestId` and `jobId`; secrets are redacted; prompts only ever at `debug`.
   */
  logger?: LoggerOption;
  /** `GET /ready`: more dependencies to check and the time limit of a check. */
  ready?: ReadinessOptions;
  /** The clock (inject for tests). */
  now?: () => Date;
  /** Job id factory (default: `job_` + a time-sortable ULID). */
  id?: () => string;
}

/** Options of the metrics. */
export interface MetricsOptions {
  /** Bearer token `GET /metrics` requires. */
  token?: string;
  /** Serve `GET /metrics` to anyone, also when `NODE_ENV=production` (default: off in production). */
  public?: boolean;
  /** A prom-client registry to register the metrics in (default: one per handler). */
  registry?: Registry;
}

/** Options with every default filled in (internal). */
export interface ResolvedPolling extends Required<PollingOptions> {
  webhooks: boolean;
  safetyNetDelayMs: number;
}

/** Validates the options and fills the polling defaults. */
export function resolvePolling(options: SoraHandlerOptions): ResolvedPolling {
  const p = options.polling ?? {};
  return {
    minDelayMs: p.minDelayMs ?? 1000,
    maxDelayMs: p.maxDelayMs ?? 15_000,
    failureBudget: p.failureBudget ?? 8,
    deadlineMs: p.deadlineMs ?? 30 * 60_000,
    leaseMs: p.leaseMs ?? 60_000,
    tickMs: p.tickMs ?? 500,
    leaseSettleMs: p.leaseSettleMs ?? 15,
    concurrency: p.concurrency ?? 8,
    webhooks: options.webhooks?.enabled ?? false,
    safetyNetDelayMs: options.webhooks?.safetyNetDelayMs ?? 60_000,
  };
}

/** Input limits with defaults. */
export function resolveLimits(options: SoraHandlerOptions): Limits {
  return {
    maxPromptChars: options.maxPromptChars ?? DEFAULT_MAX_PROMPT_CHARS,
    maxReferenceBytes: options.maxReferenceBytes ?? DEFAULT_MAX_REFERENCE_BYTES,
    maxJsonBytes: options.maxJsonBytes ?? 64 * 1024,
    mediaLinkTtlSeconds: options.mediaLinkTtlSeconds ?? 900,
    maxReferencePixels: options.referenceImages?.maxPixels ?? DEFAULT_REFERENCE_PIXELS,
    referenceDecodeSeconds: options.referenceImages?.timeoutSeconds ?? DEFAULT_REFERENCE_DECODE_SECONDS,
    referenceDecodeConcurrency: options.referenceImages?.concurrency ?? 2,
    referenceDecodeMaxWaiting: options.referenceImages?.maxWaiting ?? 16,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
    maxEventStreamsPerIdentity: options.maxEventStreamsPerIdentity ?? 20,
  };
}

/** Throws a clear error for options that cannot work. */
export function assertOptions(options: SoraHandlerOptions): void {
  if (!options || typeof options !== 'object') throw new TypeError('createSoraHandler: options are required');
  configuredProviders(options);
  if (options.admission && (options.limits !== undefined || options.quotas !== undefined)) {
    throw new TypeError(
      'createSoraHandler: pass your AdmissionControl as `limits` (`admission` is its old name), not beside `limits`/`quotas`',
    );
  }
  if (typeof options.secret !== 'string' || options.secret.length < 32) {
    throw new TypeError(
      'createSoraHandler: `secret` must be a string of at least 32 characters (e.g. `openssl rand -base64 32`)',
    );
  }
}
