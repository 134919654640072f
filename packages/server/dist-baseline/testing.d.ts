import { a as FakeOpenAI, F as FakeOpenAIOptions, X as FakeClock, Y as FakeCounters, Z as FakeFaults, _ as FakeMediaLoader, B as BlobStore, S as SoraHandler } from './fake-DjfVYuQ6.js';
export { $ as FakeListenOptions, a0 as FakeMediaVariant, a1 as FakeOpenAIServer, a2 as FakeWebhookDelivery, a3 as FakeWebhookEvent, a4 as FakeWebhookOptions, a5 as NodeMediaLoaderOptions, a6 as createFakeClock, a7 as fixtureName, a8 as nodeMediaLoader, a9 as seededRandom, aa as signWebhook, ab as urlMediaLoader } from './fake-DjfVYuQ6.js';
import { HttpHandler, RequestHandler } from 'msw';
import { Hono } from 'hono';
import { CreateVideoInput, Job } from '@sora-kit/core';
import 'unstorage';
import 'openai/resources/videos';

/**
 * OpenRouter's video generation API on the wire (`https://openrouter.ai/api/v1/videos…`), as its
 * API reference and the `@openrouter/sdk` schemas describe it. Shared by the adapter and the fake
 * so both speak exactly the same shapes; nothing here is part of sora-kit's own contract.
 */
/** A job's status. `cancelled` and `expired` are terminal failures like `failed`. */
type OpenRouterVideoStatus = 'pending' | 'in_progress' | 'completed' | 'failed' | 'cancelled' | 'expired';
/** What `POST /videos` (202) and `GET /videos/{jobId}` (200) answer. */
interface OpenRouterVideoJob {
    id: string;
    /** Relative to the host, e.g. `/api/v1/videos/<id>`. */
    polling_url: string;
    status: OpenRouterVideoStatus;
    /** A plain message, surfaced verbatim, when the job failed. */
    error?: string;
    generation_id?: string;
    /** The authenticated content routes, one per output. */
    unsigned_urls?: string[];
    /** Signed storage URLs, where the upstream provider offers them. */
    urls?: string[];
    usage?: {
        cost?: number | null;
        is_byok?: boolean;
    };
}
/** One entry of `GET /videos/models`. Every `supported_*` is `null` when the model has no such knob. */
interface OpenRouterVideoModel {
    id: string;
    canonical_slug: string;
    name: string;
    description?: string;
    created: number;
    supported_durations: number[] | null;
    supported_resolutions: string[] | null;
    supported_aspect_ratios: string[] | null;
    supported_sizes: string[] | null;
    supported_frame_images: ('first_frame' | 'last_frame')[] | null;
    generate_audio: boolean | null;
    seed: boolean | null;
    creativity: number[] | null;
    upscale_factor: {
        min?: number | null;
        max?: number | null;
    } | null;
    /** USD amounts as strings, keyed by SKU (`per-video-second`, `per-video-second-1080p`, …). */
    pricing_skus?: Record<string, string> | null;
    allowed_passthrough_parameters: string[];
}
/** The event types a video webhook carries. */
type OpenRouterWebhookType = 'video.generation.completed' | 'video.generation.failed' | 'video.generation.cancelled' | 'video.generation.expired';
/** The JSON body OpenRouter POSTs to a job's `callback_url`. */
interface OpenRouterWebhookEvent {
    type: OpenRouterWebhookType;
    /** ISO time. */
    created_at: string;
    data: {
        id: string;
        status: Exclude<OpenRouterVideoStatus, 'pending' | 'in_progress'>;
        generation_id?: string | null;
        model?: string | null;
        unsigned_urls?: string[];
        usage?: {
            cost?: number | null;
            is_byok?: boolean;
        };
        error?: string;
    };
}

/** What the fake accepts, as the OpenAI Videos API does for Sora 2 and Sora 2 Pro. */
/** Model id → the sizes it renders. Dated snapshots behave like their family. */
declare const FAKE_MODEL_SIZES: Readonly<Record<string, readonly string[]>>;
/** Clip lengths of a create or remix, in seconds (strings, as on the wire). */
declare const FAKE_SECONDS: readonly ["4", "8", "12"];

/** The tokens the fake understands. */
declare const SCENARIO_TOKENS: {
    readonly moderation: "fake:moderation_blocked";
    readonly failed: "fake:failed";
    readonly slow: "fake:slow";
    readonly rateLimit: "fake:rate_limit";
};

/** The fake as msw request handlers: Node tests (`setupServer`) and Storybook (`setupWorker`). */

/**
 * Handlers answering every request under `baseUrl` (default the real API's) with the fake, so an
 * ordinary `new OpenAI()` client reaches it without a `fetch` option.
 */
declare function fakeOpenAIHandlers(fake: Pick<FakeOpenAI, 'fetch'>, baseUrl?: string): HttpHandler[];

/** `createFakeOpenAI()` with msw handlers attached, for `@sora-kit/server/testing`. */

/** A fake that can also hand out msw request handlers. */
interface FakeOpenAIWithHandlers extends FakeOpenAI {
    /** msw handlers for every request under `baseUrl` (default `https://api.openai.com/v1`). */
    handlers(baseUrl?: string): HttpHandler[];
}
/**
 * Creates a fake OpenAI Videos API (see `FakeOpenAIOptions`), usable in-process (`fetch`), over
 * HTTP (`listen`) and through msw (`handlers`).
 *
 * @example
 * ```ts
 * const fake = createFakeOpenAI();
 * setupServer(...fake.handlers()).listen();
 * const client = new OpenAI({ apiKey: 'sk-test' }); // reaches the fake through msw
 * ```
 */
declare function createFakeOpenAI(options?: FakeOpenAIOptions): FakeOpenAIWithHandlers;

/**
 * The fake's `GET /videos/models`: a few real OpenRouter video models, trimmed to the sizes the
 * committed sample media can serve (720p and 1080p both ways, 1792x1024, 1024x1792), and with every
 * field the API reference (and the SDK's schema) requires.
 */

/** The models the fake offers unless told otherwise. */
declare function defaultFakeModels(): OpenRouterVideoModel[];

/**
 * Scripted faults: the next N calls to one route answer a given error (429 with `Retry-After`,
 * 5xx, 402…) in OpenRouter's envelope instead of doing their work. Random faults (shares of
 * requests, latency, cut downloads) use the OpenAI fake's `FakeFaults` options.
 */
/** The routes faults can target, keyed like the counters. */
type FakeOpenRouterRoute = 'POST /videos' | 'GET /videos/:id' | 'GET /videos/:id/content' | 'GET /videos/models';
/** One injected failure. */
interface FakeOpenRouterFault {
    route: FakeOpenRouterRoute;
    status: number;
    /** Seconds for `Retry-After` (429 and 503). */
    retryAfter?: number;
    message?: string;
    /** How many calls it hits; default 1. */
    times?: number;
}

/** How the fake signs and sends webhooks. */
interface FakeOpenRouterWebhookOptions {
    /** The workspace signing secret. */
    secret: string;
    /** The workspace default callback, used when a create has no `callback_url`. */
    url?: string;
    /** Sends the POST (default: global fetch); e.g. a handler's `app.request`. */
    fetch?: (request: Request) => Promise<Response>;
    /**
     * The signature's `t` source (epoch ms). Default: the wall clock, since receivers check it
     * against their own time, not the fake's.
     */
    timestamp?: () => number;
}
/** One attempt, kept for inspection. */
interface FakeOpenRouterWebhookDelivery {
    event: OpenRouterWebhookEvent;
    idempotencyKey: string;
    url: string;
    /** The exact body sent (and signed). */
    body: string;
    /** The receiver's status, or 0 when the request itself failed. */
    status: number;
}

/**
 * `createFakeOpenRouter()`: one implementation of OpenRouter's video API, usable in-process
 * (`fetch`), over a socket (`listen`) and as msw handlers. The official `@openrouter/sdk` talks to
 * it unchanged. Shaped like `createFakeOpenAI()` (same clock, counters, faults, media and webhook
 * habits) so both fakes feel alike. Browser-safe: Node is only imported by `listen()` and the
 * default media loader.
 */

/** Options of {@link createFakeOpenRouter}. */
interface FakeOpenRouterOptions {
    /** When set, the only Bearer accepted; some Bearer is always required (except for `/videos/models`). */
    apiKey?: string;
    /** Time from submit to completed on the fake's clock, in seconds. Default 12; `fake:slow` ×3. */
    generationSeconds?: number;
    /** The time source the clock starts from (default the wall clock); `() => T0` freezes it. */
    now?: () => number;
    /** A clock of your own (takes precedence over `now`). */
    clock?: FakeClock;
    /** Random faults: 5xx and 429 shares, latency, cut downloads (as the OpenAI fake). */
    faults?: FakeFaults;
    /** Faults the next calls to a route answer, in order (also `fake.fail()` later). */
    script?: FakeOpenRouterFault[];
    /** USD balance; a create costing more than what is left answers 402. Default unlimited. */
    credits?: number;
    /** Signed `video.generation.*` deliveries to each job's `callback_url`. */
    webhook?: FakeOpenRouterWebhookOptions;
    /** The model list; default Sora 2 Pro, Veo 3.1 and Wan 2.6 trimmed to the sample sizes. */
    models?: OpenRouterVideoModel[];
    /** Loads sample media; default reads the package's `media/` folder in Node. */
    media?: FakeMediaLoader;
    /** Id factory (`prefix` is `job` or `whk`); default random. */
    id?: (prefix: string) => string;
}
/** Options of {@link FakeOpenRouter.listen}. */
interface FakeOpenRouterListenOptions {
    port?: number;
    hostname?: string;
    /** How often webhooks that fell due are sent while listening, in real ms. Default 250. */
    sweepIntervalMs?: number;
}
/** A running fake server. */
interface FakeOpenRouterServer {
    /** Base URL including `/api/v1`, e.g. `http://127.0.0.1:4011/api/v1`. */
    url: string;
    port: number;
    close(): Promise<void>;
}
/** A fake OpenRouter video API. */
interface FakeOpenRouter {
    /** The Hono app serving `/api/v1/videos…`. */
    app: Hono;
    /** A `fetch` answering from the fake whatever the host: `openrouterProvider({ fetch: fake.fetch })`. */
    fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
    /** msw handlers for every request under `baseUrl` (default `https://openrouter.ai/api/v1`). */
    handlers(baseUrl?: string): RequestHandler[];
    /** The fake's clock; `advance(ms)` moves every job along (and sends the webhooks that fall due). */
    clock: FakeClock;
    /** Moves the clock and waits until the webhooks that fell due are delivered. */
    advance(ms: number): Promise<void>;
    /** Waits for webhook deliveries under way. */
    idle(): Promise<void>;
    /** Calls per route (`"POST /videos"`, `"GET /videos/:id"`, `"GET /videos/:id/content"`, `"GET /videos/models"`). */
    counters: FakeCounters;
    /** Every job as `GET /videos/{id}` would show it now, oldest first. */
    jobs(): OpenRouterVideoJob[];
    /** Credits left, when limited. */
    credits(): number | undefined;
    /** Queues a scripted fault. */
    fail(fault: FakeOpenRouterFault): void;
    /** Every webhook delivery attempt, oldest first. */
    webhookDeliveries(): FakeOpenRouterWebhookDelivery[];
    /** Serves the app over HTTP (Node only). */
    listen(options?: FakeOpenRouterListenOptions): Promise<FakeOpenRouterServer>;
}
/**
 * Creates a fake OpenRouter video API.
 *
 * @example
 * ```ts
 * const fake = createFakeOpenRouter({ apiKey: 'sk-or-fake', now: () => Date.UTC(2026, 9, 1) });
 * const provider = openrouterProvider({ apiKey: 'sk-or-fake', fetch: fake.fetch, now: fake.clock.now });
 * const video = await provider.create({ prompt: 'a calm lake', model: 'google/veo-3.1', size: '1280x720', seconds: 4, idempotencyKey: 'k' });
 * await fake.advance(12_000);
 * await provider.retrieve(video.id); // status 'completed'
 * ```
 */
declare function createFakeOpenRouter(options?: FakeOpenRouterOptions): FakeOpenRouter;

/** The fake as msw request handlers: Node tests (`setupServer`) and Storybook (`setupWorker`). */

/**
 * Handlers answering every request under `baseUrl` (default the real API's) with the fake, so an
 * ordinary `new OpenRouter()` client or `openrouterProvider()` reaches it without a `fetch` option.
 * `polling_url` and `unsigned_urls` point back under `baseUrl`.
 */
declare function fakeOpenRouterHandlers(fake: {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
}, baseUrl?: string): HttpHandler[];

/**
 * Scenario tokens in a prompt, the same ones as the OpenAI fake (CONTRACT.md) plus the two statuses
 * only OpenRouter has, and the timeline each gives a job. Pure: state at a time is computed, so the
 * fake's clock alone drives every job.
 */

/** The messages a failed job carries, as OpenRouter surfaces them (plain text in `error`). */
declare const SCENARIO_ERRORS: {
    readonly moderation_blocked: "Request blocked by the provider: the prompt was flagged by content moderation and violates the usage policy.";
    readonly failed: "The provider failed to generate the video. Please try again.";
    readonly cancelled: "The generation was cancelled by the provider.";
    readonly expired: "The generation expired before its output was retrieved.";
};

/** Options of {@link memoryBlobs}. */
interface MemoryBlobsOptions {
    /** The clock stamped on `lastModified` (default: the wall clock). */
    now?: () => Date;
}
/**
 * A blob store in memory. Each call makes an independent store; nothing is shared between them.
 *
 * @example
 * const handler = createSoraHandler({ provider, secret, storage: createStorage(), blobs: memoryBlobs() });
 */
declare function memoryBlobs(options?: MemoryBlobsOptions): BlobStore;

/** A state a seeded job should show once seeding is over. */
type SeedState = 'queued' | 'completed'
/** Failed with `moderation_blocked` (not retryable), after some progress. */
 | 'moderation_blocked'
/** Failed with `upstream_failed` (retryable). */
 | 'failed'
/** In progress at this percentage (the fake reports 10..99 while generating). */
 | {
    progress: number;
};
/** One job to seed. */
interface SeedJob {
    prompt: string;
    state: SeedState;
    model?: string;
    size?: string;
    seconds?: number;
}

/**
 * `createSoraMock()`: the sora-kit HTTP API in the browser, for Storybook and component tests.
 * It is not a re-implementation: it runs the real `createSoraHandler` with in-memory storage and
 * blobs, over the real OpenAI adapter talking to the fake OpenAI, and exposes it as msw handlers
 * for `<base>/*`. Helpers seed jobs in any state deterministically on the fake's clock.
 */

/** Options of {@link createSoraMock}. */
interface SoraMockOptions {
    /** Where the API is mounted on the page (default `/api/sora`, the elements' default endpoint). */
    base?: string;
    /**
     * `true`: the fake's clock follows the wall clock and a polling loop runs, so new jobs progress
     * by themselves (interactive stories). `false` (default): time only moves on `advance()`, so a
     * seeded state stays put.
     */
    live?: boolean;
    /** Generation time on the fake's clock (default 120 s frozen, 12 s live). */
    generationSeconds?: number;
    /** Where the fake's sample media are fetched (default `/sora-kit-media/` on this page). */
    mediaBaseUrl?: string | URL;
    /** Loads the sample media instead of `mediaBaseUrl` (e.g. the Node loader in tests). */
    media?: FakeMediaLoader;
    /** The identity every request runs as (default `storybook`). */
    identity?: string;
}
/** What a mock offers stories and tests. */
interface SoraMock {
    /** The path the handlers answer under. */
    readonly base: string;
    /** The real handler running in memory. */
    readonly handler: SoraHandler;
    /** The fake OpenAI Videos API behind it. */
    readonly fake: FakeOpenAI;
    /** The fake's clock, which the handler's `now()` follows too. */
    readonly clock: FakeClock;
    /** msw handlers answering `<base>/*` (GET media links included) from the handler. */
    handlers(): HttpHandler[];
    /** Calls the API directly (no network, no msw), with a path relative to the base. */
    request(path: string, init?: RequestInit): Promise<Response>;
    /** Creates a job as a browser would (`POST /videos`). */
    create(input: CreateVideoInput | string): Promise<Job>;
    /** Creates jobs that show the given states, oldest first on the clock; returns them in `jobs`' order. */
    seed(jobs: readonly SeedJob[]): Promise<Job[]>;
    /** Moves the clock, then refreshes every job that fell due (and copies finished videos). */
    advance(ms: number): Promise<void>;
    /** Every later `POST /videos` (and remix) is refused `429 rate_limited` with this `Retry-After`. */
    rateLimit(retryAfterSeconds: number | false): void;
    /** Every request to the API fails as if the network were down (`fetch` rejects). */
    offline(on: boolean): void;
    /**
     * Requests hang, to show loading states: `'history'` only the list (`GET /videos`), `'all'`
     * every request, `false` none.
     */
    stall(what: 'history' | 'all' | false): void;
    /** Stops the polling loop. */
    close(): Promise<void>;
}
/**
 * Creates an in-memory sora-kit API.
 *
 * @example
 * ```ts
 * const mock = createSoraMock();
 * await mock.seed([{ prompt: 'A lighthouse at dusk', state: { progress: 50 } }]);
 * worker.use(...mock.handlers()); // msw's setupWorker, e.g. Storybook's context.msw
 * ```
 */
declare function createSoraMock(options?: SoraMockOptions): SoraMock;

export { FAKE_MODEL_SIZES, FAKE_SECONDS, FakeClock, FakeCounters, FakeFaults, FakeMediaLoader, FakeOpenAI, FakeOpenAIOptions, type FakeOpenAIWithHandlers, type FakeOpenRouter, type FakeOpenRouterFault, type FakeOpenRouterListenOptions, type FakeOpenRouterOptions, type FakeOpenRouterRoute, type FakeOpenRouterServer, type FakeOpenRouterWebhookDelivery, type FakeOpenRouterWebhookOptions, type MemoryBlobsOptions, SCENARIO_ERRORS as OPENROUTER_SCENARIO_ERRORS, SCENARIO_TOKENS, type SeedJob, type SeedState, type SoraMock, type SoraMockOptions, createFakeOpenAI, createFakeOpenRouter, createSoraMock, defaultFakeModels, fakeOpenAIHandlers, fakeOpenRouterHandlers, memoryBlobs };
