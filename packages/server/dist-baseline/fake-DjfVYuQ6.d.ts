import { Context, MiddlewareHandler, Hono } from 'hono';
import { ModelCapabilities, Variant, JobErrorCode, ValidCreateVideo, Job } from '@sora-kit/core';
import { Storage } from 'unstorage';
import { Video } from 'openai/resources/videos';

/** Who is calling. Every job belongs to exactly one identity. */
interface Identity {
    /** Stable, opaque, at most 200 characters; used in storage keys only after hashing/escaping. */
    id: string;
}
/**
 * Resolves the caller's identity from a request. Returning `null` answers 401 `unauthorized`.
 * An adapter may set cookies on the context (anonymous sessions do).
 */
type AuthAdapter = (c: Context) => Promise<Identity | null> | Identity | null;

/**
 * Where our own copies of videos, thumbnails, spritesheets and reference images live.
 * One small interface, several drivers (`fsBlobs`, `vercelBlobs`, `s3Blobs`), in the manner of
 * unstorage's drivers.
 */
/** What is known about a stored blob. */
interface BlobInfo {
    key: string;
    bytes: number;
    contentType: string;
    /** A strong validator, quoted as an HTTP ETag (`"…"`). */
    etag: string;
    lastModified: Date;
}
/** An inclusive byte range, as HTTP ranges are. */
interface ByteRange {
    start: number;
    end: number;
}
/** A blob store. Keys are `/`-separated paths made by the handler, never by users. */
interface BlobStore {
    /**
     * Streams `body` into the store. The blob appears under `key` only once it is whole: a reader
     * never sees a partial write, and a failed write leaves nothing behind.
     */
    put(key: string, body: ReadableStream<Uint8Array>, options: {
        contentType: string;
    }): Promise<BlobInfo>;
    /** Streams the blob, or the given range of it; `null` when there is no such blob. */
    get(key: string, range?: ByteRange): Promise<{
        info: BlobInfo;
        body: ReadableStream<Uint8Array>;
    } | null>;
    stat(key: string): Promise<BlobInfo | null>;
    /** Removes the blob; removing a missing blob is not an error. */
    delete(key: string): Promise<void>;
    /** A URL the browser can fetch directly (a public or pre-signed URL), when the store has one. */
    publicUrl?(key: string, options: {
        expiresAt: Date;
        download?: string;
    }): Promise<string | null>;
}

/**
 * Admission control for new jobs: rate limits, active-job caps and quotas, decided before any
 * upstream call. State lives in unstorage so the limits hold across instances.
 */
/** What a new job would cost, as the limits see it. */
interface AdmissionRequest {
    identity: string;
    model: string;
    size: string;
    seconds: number;
}
/** The verdict: a reservation to settle later, or a refusal the handler turns into a 429. */
type Admission = {
    ok: true;
    reservation: string;
} | {
    ok: false;
    code: 'rate_limited' | 'quota_exceeded';
    message: string;
    retryAfterSeconds: number;
};
/** Decides whether a job may be created, and keeps the books when it ends. */
interface AdmissionControl {
    admit(request: AdmissionRequest): Promise<Admission>;
    /**
     * Called exactly once per admitted job when it ends, or when its creation failed upstream:
     * `failed` gives the reserved quota back; both free the active-job slot.
     */
    settle(reservation: string, outcome: 'completed' | 'failed'): Promise<void>;
}

/**
 * The handler's logger: levelled, structured, and careful. Prompts are only ever logged at
 * `debug`; keys and secrets never.
 */
/** Severity, lowest first. */
type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Extra structured fields of one log line (job ids, statuses, durations — never secrets). */
type LogFields = Record<string, string | number | boolean | null | undefined>;
/** What the handler logs through; pass your own (pino, consola, …) with the same four methods. */
interface Logger {
    debug(message: string, fields?: LogFields): void;
    info(message: string, fields?: LogFields): void;
    warn(message: string, fields?: LogFields): void;
    error(message: string, fields?: LogFields): void;
}
/**
 * A logger writing one line per event to the console, from `level` up.
 * @example consoleLogger('debug')
 */
declare function consoleLogger(level?: LogLevel): Logger;
/** A logger that drops everything (for tests and hosts that log elsewhere). */
declare function silentLogger(): Logger;

/**
 * Prices of generated video, per model and size, for dollar quotas and cost estimates.
 * Money is counted in whole micro-dollars so that sums never drift the way float dollars do.
 */

/** USD per second of video, by model id and then by size (`"1280x720"`). */
type PriceTable = Record<string, Record<string, number>>;
/**
 * OpenAI's published Sora 2 prices (USD per second) when this table was written. Hosts with other
 * prices or other providers pass their own table (`prices` option); it wins over this one.
 */
declare const DEFAULT_PRICES: PriceTable;
/** The prices a provider advertises in its capabilities (`pricePerSecondUsd`), as a table. */
declare function pricesFromCapabilities(models: readonly ModelCapabilities[]): PriceTable;
/**
 * Merges price tables; a later table wins for each model and size it names.
 *
 * @example mergePrices(DEFAULT_PRICES, pricesFromCapabilities(caps.models), hostPrices)
 */
declare function mergePrices(...tables: (PriceTable | undefined)[]): PriceTable;

/**
 * Quotas: seconds of video and dollars per identity per UTC day and per UTC month. A job's cost is
 * reserved when it is admitted, given back when it fails, and kept when it completes.
 */

/** Per-identity budgets; `false` (or leaving one out of a custom object) turns that budget off. */
interface QuotaOptions {
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
declare const DEFAULT_QUOTAS: Required<QuotaOptions>;

/**
 * The provider interface: how the handler talks to any video model, in our own terms.
 * Each adapter (openai, openrouter, fake, …) maps its API to this; the handler never sees a
 * provider's wire format.
 */

/** A reference image, already checked and resized to the requested size by the handler. */
interface ProviderReference {
    bytes: Uint8Array;
    contentType: 'image/png' | 'image/jpeg' | 'image/webp';
    filename: string;
}
/** What the handler asks a provider to generate. */
interface ProviderCreateInput {
    prompt: string;
    model: string;
    size: string;
    seconds: number;
    reference?: ProviderReference;
    /** Sent upstream so that a retried create never makes a second video. */
    idempotencyKey: string;
}
/** The provider's view of one generation, mapped to our statuses. */
interface ProviderVideo {
    /** The provider's own id (kept server-side only, never sent to browsers). */
    id: string;
    status: 'queued' | 'in_progress' | 'completed' | 'failed';
    /** 0..100 when the provider reports or estimates it. */
    progress?: number;
    /** Epoch milliseconds after which the provider's files are gone, when known. */
    expiresAt?: number;
    error?: {
        code: JobErrorCode;
        message: string;
        retryable: boolean;
    };
    /**
     * What the provider actually charged, in USD, when it reports it (OpenRouter's `usage.cost`),
     * so quotas can settle against the real cost rather than the reservation's estimate.
     */
    costUsd?: number;
}
/** A variant's bytes as a stream, never whole in memory. */
interface ProviderDownload {
    body: ReadableStream<Uint8Array>;
    contentType: string;
    /** From Content-Length, when the provider sends it. */
    bytes?: number;
}
/** A verified webhook event: only a nudge to re-read the video; never trusted for its status. */
interface ProviderWebhookEvent {
    /** Unique per delivery, for replay protection (`webhook-id`, idempotency key, …). */
    eventId: string;
    videoId: string;
    type: string;
}
/** Per-call options. */
interface ProviderCallOptions {
    signal?: AbortSignal;
}
/** Options of {@link VideoProvider.retrieve}. */
interface ProviderRetrieveOptions extends ProviderCallOptions {
    /**
     * Epoch milliseconds when this provider video was created (the handler knows it from the job).
     * Providers that report no progress (OpenRouter) estimate it from the elapsed time.
     */
    startedAt?: number;
}
/** The models a provider offers and the variants its videos come with. */
interface ProviderCapabilities {
    models: ModelCapabilities[];
    variants: Variant[];
}
/**
 * A video generation backend.
 *
 * Methods throw {@link ProviderError} for upstream failures so the handler can tell transient
 * from final ones without reading messages.
 */
interface VideoProvider {
    /** Recorded on every job (`"openai"`, `"fake"`, `"openrouter"`, …). */
    readonly name: string;
    capabilities(): Promise<ProviderCapabilities>;
    create(input: ProviderCreateInput, options?: ProviderCallOptions): Promise<ProviderVideo>;
    retrieve(id: string, options?: ProviderRetrieveOptions): Promise<ProviderVideo>;
    download(id: string, variant: Variant, options?: ProviderCallOptions): Promise<ProviderDownload>;
    remix?(id: string, input: {
        prompt: string;
        idempotencyKey: string;
    }, options?: ProviderCallOptions): Promise<ProviderVideo>;
    /** Best effort: the handler ignores failures here. */
    delete?(id: string, options?: ProviderCallOptions): Promise<void>;
    /**
     * Verifies a webhook delivery over its raw body; throws {@link ProviderError} with kind
     * `invalid_webhook` when the signature, timestamp or payload is wrong.
     */
    verifyWebhook?(rawBody: string, headers: Headers): Promise<ProviderWebhookEvent>;
}

/**
 * Creations per identity per window, with state in unstorage. The decision is the pure window math
 * of window.ts; this file only reads the state, decides, and hands back what to write.
 */

/** How many jobs one identity may create per window. */
interface RateLimitOptions {
    /** Creations allowed per window. Default 10. */
    limit?: number;
    /** The window, in seconds. Default 60. */
    windowSeconds?: number;
    /**
     * `sliding` (default): exact over any window, keeps up to `limit` timestamps.
     * `fixed`: one counter per aligned window, constant size, up to 2× the limit across a boundary.
     */
    algorithm?: 'sliding' | 'fixed';
}
/** The defaults: 10 creations per minute per identity, sliding. */
declare const DEFAULT_RATE_LIMIT: Required<RateLimitOptions>;

/**
 * `createAdmissionControl`: the rate limit, the active-job caps and the quotas composed into the
 * handler's {@link AdmissionControl}. Every check reads first; nothing is written unless all pass,
 * so a refused request leaves no trace in any counter.
 */

/** Options of {@link createAdmissionControl}; `false` turns a check off. */
interface AdmissionOptions {
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
declare function createAdmissionControl(options: AdmissionOptions): AdmissionControl;

/**
 * A per-client limit on requests that start work (create, retry, remix), keyed by something the
 * host trusts to tell callers apart beyond their identity — usually the client IP its proxy reports.
 * Anonymous identities cost nothing to mint, so per-identity limits alone do not stop one caller
 * who drops the cookie each time; this does.
 */

/** Options of the per-client limit (`limits.perClient`). */
interface PerClientOptions extends RateLimitOptions {
    /**
     * Names the client of a request, or `undefined` to skip the check (e.g. a trusted backend).
     * Read it from your platform or proxy, which you trust: `(c) => c.req.header('cf-connecting-ip')`.
     * A header any caller can set (a bare `X-Forwarded-For` without a proxy) protects nothing.
     */
    key: (c: Context) => string | undefined;
}
/** Default: 20 starts per client per minute, which a household or an office behind one IP can share. */
declare const DEFAULT_PER_CLIENT: Required<RateLimitOptions>;

/**
 * From the handler's `limits`, `quotas` and `prices` options to the {@link AdmissionControl} it
 * uses: the host's own, the built-in one over the handler's storage, or none.
 */

/** The handler's `limits` option when it is not an {@link AdmissionControl} of the host's own. */
type LimitsOptions = Pick<AdmissionOptions, 'rateLimit' | 'activeJobs' | 'globalActiveJobs' | 'activeJobTtlSeconds' | 'prefix'> & {
    /** Starts of work per client (e.g. per IP), on top of the per-identity limits. Off unless set. */
    perClient?: PerClientOptions;
};

/**
 * CORS for hosts whose pages live on another origin than the handler (widgets embedded on
 * `shop.example.com`, API on `api.example.com`). Off unless configured; credentials (cookies) are
 * only allowed when asked for, and then only for the listed origins, never `*`.
 */

/** Options of {@link corsMiddleware}. */
interface CorsOptions {
    /** Exact origins allowed to call the API from a browser (`https://shop.example.com`). */
    origins: readonly string[];
    /**
     * Let those origins send cookies (the anonymous session, the host's session). Off by default:
     * with credentials, a listed origin acts as the user, so list only origins you control.
     */
    credentials?: boolean;
    /** How long browsers may cache a preflight, in seconds. Default 600. */
    maxAgeSeconds?: number;
}
/**
 * Hono's `cors()` configured for sora-kit: listed origins only, the client's headers, and
 * `Retry-After` readable by the page.
 *
 * @example app.use('*', corsMiddleware({ origins: ['https://shop.example.com'], credentials: true }));
 */
declare function corsMiddleware(options: CorsOptions): MiddlewareHandler;

/**
 * What a host configures in `createSoraHandler(options)`, and the defaults filled in.
 */

/** How the poller paces upstream refreshes. */
interface PollingOptions {
    /** Shortest delay between two refreshes of one job (default 1000 ms). */
    minDelayMs?: number;
    /** Longest delay between two refreshes of one job (default 15000 ms). */
    maxDelayMs?: number;
    /** Consecutive failed refreshes after which a job fails `upstream_failed` (default 8). */
    failureBudget?: number;
    /** A job with no terminal state this long after its attempt began fails `timeout` (default 30 min). */
    deadlineMs?: number;
    /** How long one instance holds a job's refresh lease (default 60000 ms; renewed while copying). */
    leaseMs?: number;
    /** How often a running loop looks for due jobs (default 500 ms). */
    tickMs?: number;
    /**
     * Pause between writing a lease token and reading it back (default 15 ms). Storage without
     * compare-and-set needs it to settle races between instances; 0 is fine with one instance.
     */
    leaseSettleMs?: number;
    /** Jobs refreshed at the same time by one instance (default 8). */
    concurrency?: number;
}
/** Retries of one download while copying a finished video. */
interface CopyRetryOptions {
    /** Tries per file, the first included (default 4). */
    attempts?: number;
    /** First pause in milliseconds, doubled each time (default 500). */
    baseDelayMs?: number;
    /** Longest pause (default 8000). */
    maxDelayMs?: number;
}
/** Webhook handling. With webhooks on, polling becomes a slow safety net. */
interface WebhookOptions {
    /** Whether the provider sends webhooks to `POST /webhooks/:provider` (default false). */
    enabled?: boolean;
    /** The poll delay while webhooks are on (default 60000 ms). */
    safetyNetDelayMs?: number;
}
/** What `beforeCreate` sees. */
interface BeforeCreateContext {
    identity: Identity;
    input: ValidCreateVideo & {
        hasReference: boolean;
        remixOf?: string;
    };
    request: Request;
}
/** `beforeCreate`'s verdict: nothing to allow, or a refusal whose message the user sees. */
type BeforeCreateResult = undefined | {
    refuse: string;
    status?: 400 | 403;
};
/** What the job hooks see. */
interface JobHookContext {
    identity: Identity;
    job: Job;
}
/**
 * Host callbacks. `beforeCreate` may refuse a new job (403 `forbidden` by default, or 400
 * `invalid_request` with `status: 400`), with a message shown to the user. The others are called
 * exactly once per transition, even with several instances; their errors are logged, not thrown.
 */
interface SoraHooks {
    beforeCreate?(ctx: BeforeCreateContext): BeforeCreateResult | Promise<BeforeCreateResult>;
    onJobCreated?(ctx: JobHookContext): void | Promise<void>;
    onJobCompleted?(ctx: JobHookContext): void | Promise<void>;
    onJobFailed?(ctx: JobHookContext): void | Promise<void>;
}
/** Options of {@link createSoraHandler}. */
interface SoraHandlerOptions {
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
    storage?: Storage;
    /** Where video copies live (default: `fsBlobs(<dataDir>/blobs)`). */
    blobs?: BlobStore;
    /** Who is calling (default: anonymous signed-cookie sessions). */
    auth?: AuthAdapter;
    /** Rate limits and quotas, checked before any upstream call (your own; overrides `limits`/`quotas`). */
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
    /** `GET /metrics`: on by default; `false` turns it off, `{ token }` requires `Authorization: Bearer <token>`. */
    metrics?: false | {
        token?: string;
    };
    /** Defaults to a console logger at `info`; `false` silences it. */
    logger?: Logger | false;
    /** The clock (inject for tests). */
    now?: () => Date;
    /** Job id factory (default: `job_` + a time-sortable ULID). */
    id?: () => string;
}

/** The Hono environment of the handler's routes: who is calling, and their storage-safe key. */
interface SoraEnv {
    Variables: {
        identity: Identity;
        /** SHA-256 of the identity id. */
        owner: string;
        /** Set by `anonymousSessions` when this request was given a brand-new session. */
        soraSessionIssued?: boolean;
    };
}

/**
 * `createSoraHandler(options)`: the whole server side of sora-kit as one Hono app. Mount it under
 * any path (`app.route('/api/sora', handler)`) or serve `handler.fetch` anywhere a Fetch-API
 * handler fits. All state lives in the storage and blob store, so any number of instances can
 * share them.
 */

/** The handler: a Hono app plus the controls of its background work. */
type SoraHandler = Hono<SoraEnv> & {
    /** Starts the in-process poller (long-running servers); resumes every unfinished job. */
    startPolling(): void;
    /** Stops the poller; jobs stay in storage and resume on the next start. */
    stopPolling(): void;
    /**
     * Runs one polling pass now and resolves when it is done, with how many jobs were due. For
     * serverless schedulers (a cron calling it) and tests.
     */
    pollOnce(): Promise<number>;
    /** Stops the poller, waits for work in progress and releases the default storage. */
    close(): Promise<void>;
};
/**
 * Creates the sora-kit handler.
 *
 * @example
 * const sora = createSoraHandler({ provider: fakeProvider(), secret: process.env.SORA_KIT_SECRET! });
 * app.route('/api/sora', sora);
 * sora.startPolling();
 */
declare function createSoraHandler(options: SoraHandlerOptions): SoraHandler;

/** The fake's sense of time: real time by default, moved by hand in tests and stories. */
/** A clock the fake reads for every status computation; `advance` moves it forward. */
interface FakeClock {
    /** Epoch milliseconds. */
    now(): number;
    /** Moves the clock forward by `ms` (never backwards). */
    advance(ms: number): void;
}
/**
 * A clock that follows `base` (default: the wall clock) plus whatever {@link FakeClock.advance}
 * added. With a frozen `base` (`() => T0`) it only moves when told to, which is what tests want.
 */
declare function createFakeClock(base?: () => number): FakeClock;

/** Calls per route, so tests and benchmarks can see how a client used the fake. */
/** Read access to the fake's call counts, keyed like `"GET /videos/:id"`. */
interface FakeCounters {
    /** Calls to one route (`"POST /videos"`, `"GET /videos/:id/content"`, …), 0 when never called. */
    get(route: string): number;
    /** Calls to every route together. */
    total(): number;
    /** Every route's count. */
    snapshot(): Record<string, number>;
    /** Back to zero. */
    reset(): void;
}

/** Fault injection: the failures a client of the real API meets now and then, on demand. */
/** Options of the fake's fault injection. Rates are shares of requests, 0..1. */
interface FakeFaults {
    /** Share of requests answered `500` with the API's error envelope. */
    serverErrorRate?: number;
    /** Share of requests answered `429` with `Retry-After`. */
    rateLimitRate?: number;
    /** `Retry-After` of every 429 the fake sends, in seconds. Default 1. */
    retryAfterSeconds?: number;
    /** Delay before every answer, in real milliseconds. */
    latencyMs?: number;
    /** Share of content downloads whose body breaks off halfway. */
    cutDownloadRate?: number;
    /** The random source deciding who gets a fault; pass {@link seededRandom} for repeatable runs. */
    random?: () => number;
    /**
     * Limits the 5xx/429 faults to these routes (counter keys such as `"GET /videos/:id/content"`);
     * default every route.
     */
    routes?: string[];
}
/** A repeatable random source (mulberry32) for fault injection. */
declare function seededRandom(seed: number): () => number;

/** A downloadable asset of a video. */
type FakeMediaVariant = 'video' | 'thumbnail' | 'spritesheet';
/** Loads the bytes of one asset for a video of `size` lasting `seconds`. */
type FakeMediaLoader = (variant: FakeMediaVariant, size: string, seconds: number) => Promise<Uint8Array | ReadableStream<Uint8Array>>;
/** The fixture's file name, e.g. `video-1280x720-8s.mp4`, `thumbnail-1280x720.jpg`. */
declare function fixtureName(variant: FakeMediaVariant, size: string, seconds: number): string;
/** A loader fetching fixtures from a URL prefix (e.g. Storybook's static dir `/sora-kit-media/`). */
declare function urlMediaLoader(baseUrl: string | URL, fetcher?: typeof fetch): FakeMediaLoader;
/** Options of {@link nodeMediaLoader}. */
interface NodeMediaLoaderOptions {
    /** A folder holding the fixtures (default: the package's `media/`). */
    dir?: string;
    /** The module the default folder is looked up from (default this module; tests pass a `dist/` URL). */
    moduleUrl?: string;
}
/**
 * The Node default: reads the committed fixtures from the package's `media/` folder, found from
 * the sources (`src/providers/fake/`) or the built package (`dist/`). Files are read whole: they
 * are a few tens of kilobytes.
 */
declare function nodeMediaLoader(options?: NodeMediaLoaderOptions): FakeMediaLoader;

/**
 * Webhooks as OpenAI sends them: `video.completed` / `video.failed` events signed per Standard
 * Webhooks, which the SDK's `webhooks.unwrap()` / `verifySignature()` accept. WebCrypto only, so
 * this runs in browsers too.
 */
/** Where and how the fake delivers webhooks. */
interface FakeWebhookOptions {
    /** The endpoint receiving the POSTs. */
    url: string;
    /** The signing secret, `whsec_<base64>` as OpenAI's dashboard shows it (or any string). */
    secret: string;
    /** Sends the POST (default: global fetch); e.g. a handler's `app.request`. */
    fetch?: (request: Request) => Promise<Response>;
    /**
     * The `webhook-timestamp` source (epoch ms). Default: the wall clock, since receivers check it
     * against their own time, not the fake's.
     */
    timestamp?: () => number;
}
/** One event, as the receiver parses it. */
interface FakeWebhookEvent {
    id: string;
    object: 'event';
    created_at: number;
    type: 'video.completed' | 'video.failed';
    data: {
        id: string;
    };
}
/** A delivery attempt, kept for inspection. */
interface FakeWebhookDelivery {
    event: FakeWebhookEvent;
    /** The receiver's status, or 0 when the request itself failed. */
    status: number;
}
/** The three Standard Webhooks headers for `body`. */
declare function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): Promise<Record<string, string>>;

/**
 * `createFakeOpenAI()`: one implementation of the OpenAI Videos API, usable in-process (`fetch`),
 * over a socket (`listen`) and, through `@sora-kit/server/testing`, as msw handlers. The official
 * `openai` SDK talks to it unchanged.
 */

/** Options of {@link createFakeOpenAI}. */
interface FakeOpenAIOptions {
    /** When set, the only Bearer token accepted (others get `401 invalid_api_key`). Some Bearer is always required. */
    apiKey?: string;
    /** Time from create to completed on the fake's clock, in seconds. Default 12; `fake:slow` ×3. */
    generationSeconds?: number;
    /** The time source the clock starts from (default the wall clock); `() => T0` freezes it. */
    now?: () => number;
    /** A clock of your own (takes precedence over `now`). */
    clock?: FakeClock;
    /** Fault injection: 5xx and 429 shares, latency, cut downloads. */
    faults?: FakeFaults;
    /** Signed `video.completed` / `video.failed` deliveries. */
    webhook?: FakeWebhookOptions;
    /** Loads sample media; default reads the package's `media/` folder in Node. */
    media?: FakeMediaLoader;
    /** Id factory (`prefix` is `video`, `evt`, `char`); default random. */
    id?: (prefix: string) => string;
    /**
     * In-process only: also sweep for due webhooks on a timer (real ms), for a fake on the wall
     * clock that nobody calls between events. Off by default; {@link FakeOpenAI.close} stops it.
     */
    sweepIntervalMs?: number;
}
/** Options of {@link FakeOpenAI.listen}. */
interface FakeListenOptions {
    /** Default 0 (any free port). */
    port?: number;
    /** Default `127.0.0.1`. */
    hostname?: string;
    /** How often webhooks that fell due are sent while listening, in real ms. Default 250. */
    sweepIntervalMs?: number;
}
/** A running fake server. */
interface FakeOpenAIServer {
    /** Base URL including `/v1`, e.g. `http://127.0.0.1:4010/v1`. */
    url: string;
    port: number;
    close(): Promise<void>;
}
/** A fake OpenAI Videos API. */
interface FakeOpenAI {
    /** The Hono app serving `/v1/videos…`. */
    app: Hono;
    /** A `fetch` for the SDK's `fetch` option: `new OpenAI({ baseURL: 'http://fake.local/v1', fetch: fake.fetch })`. */
    fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
    /** The fake's clock; `advance(ms)` moves every video along (and sends the webhooks that fall due). */
    clock: FakeClock;
    /** Moves the clock and waits until the webhooks that fell due are delivered. */
    advance(ms: number): Promise<void>;
    /** Waits for webhook deliveries under way. */
    idle(): Promise<void>;
    /** Calls per route. */
    counters: FakeCounters;
    /** Every stored video as the API would show it now, oldest first. */
    videos(): Video[];
    /** Every webhook delivery attempt, oldest first. */
    webhookDeliveries(): FakeWebhookDelivery[];
    /** Serves the app over HTTP (Node only). */
    listen(options?: FakeListenOptions): Promise<FakeOpenAIServer>;
    /** Stops the `sweepIntervalMs` timer, if any (servers from `listen()` close on their own). */
    close(): void;
}

export { type FakeListenOptions as $, type AuthAdapter as A, type BlobStore as B, type CopyRetryOptions as C, DEFAULT_PER_CLIENT as D, type SoraHandlerOptions as E, type FakeOpenAIOptions as F, type SoraHooks as G, consoleLogger as H, type Identity as I, type JobHookContext as J, corsMiddleware as K, type Logger as L, createAdmissionControl as M, createSoraHandler as N, mergePrices as O, type ProviderReference as P, type QuotaOptions as Q, type RateLimitOptions as R, type SoraHandler as S, pricesFromCapabilities as T, silentLogger as U, type VideoProvider as V, type WebhookOptions as W, type FakeClock as X, type FakeCounters as Y, type FakeFaults as Z, type FakeMediaLoader as _, type FakeOpenAI as a, type FakeMediaVariant as a0, type FakeOpenAIServer as a1, type FakeWebhookDelivery as a2, type FakeWebhookEvent as a3, type FakeWebhookOptions as a4, type NodeMediaLoaderOptions as a5, createFakeClock as a6, fixtureName as a7, nodeMediaLoader as a8, seededRandom as a9, signWebhook as aa, urlMediaLoader as ab, type Admission as b, type AdmissionControl as c, type AdmissionOptions as d, type AdmissionRequest as e, type BeforeCreateContext as f, type BeforeCreateResult as g, type BlobInfo as h, type ByteRange as i, type CorsOptions as j, DEFAULT_PRICES as k, DEFAULT_QUOTAS as l, DEFAULT_RATE_LIMIT as m, type LimitsOptions as n, type LogFields as o, type LogLevel as p, type PerClientOptions as q, type PollingOptions as r, type PriceTable as s, type ProviderCallOptions as t, type ProviderCapabilities as u, type ProviderCreateInput as v, type ProviderDownload as w, type ProviderRetrieveOptions as x, type ProviderVideo as y, type ProviderWebhookEvent as z };
