import { A as AuthAdapter, I as Identity, B as BlobStore, V as VideoProvider, L as Logger, P as ProviderReference, F as FakeOpenAIOptions, a as FakeOpenAI } from './fake-DjfVYuQ6.js';
export { b as Admission, c as AdmissionControl, d as AdmissionOptions, e as AdmissionRequest, f as BeforeCreateContext, g as BeforeCreateResult, h as BlobInfo, i as ByteRange, C as CopyRetryOptions, j as CorsOptions, D as DEFAULT_PER_CLIENT, k as DEFAULT_PRICES, l as DEFAULT_QUOTAS, m as DEFAULT_RATE_LIMIT, J as JobHookContext, n as LimitsOptions, o as LogFields, p as LogLevel, q as PerClientOptions, r as PollingOptions, s as PriceTable, t as ProviderCallOptions, u as ProviderCapabilities, v as ProviderCreateInput, w as ProviderDownload, x as ProviderRetrieveOptions, y as ProviderVideo, z as ProviderWebhookEvent, Q as QuotaOptions, R as RateLimitOptions, S as SoraHandler, E as SoraHandlerOptions, G as SoraHooks, W as WebhookOptions, H as consoleLogger, K as corsMiddleware, M as createAdmissionControl, N as createSoraHandler, O as mergePrices, T as pricesFromCapabilities, U as silentLogger } from './fake-DjfVYuQ6.js';
import { JSONWebKeySet } from 'jose';
import { Context, Hono, MiddlewareHandler } from 'hono';
import { Variant, ApiErrorCode, JobAsset, MediaLink, ModelCapabilities, JobStatus } from '@sora-kit/core';
import { ContentfulStatusCode } from 'hono/utils/http-status';
import OpenAI from 'openai';
import 'unstorage';
import 'openai/resources/videos';

/** Options of {@link anonymousSessions}. */
interface AnonymousSessionsOptions {
    /** At least 32 characters; a cookie-only key is derived from it. */
    secret: string;
    /** Default `sora_kit_session`. */
    cookieName?: string;
    /** Force the cookie's `Secure` flag; by default it is set when the request is https. */
    secure?: boolean;
    /** Cookie lifetime in seconds (default 400 days, the most browsers keep). */
    maxAgeSeconds?: number;
}
/**
 * An {@link AuthAdapter} that never answers 401: a caller without a valid session cookie gets a
 * new identity and a `Set-Cookie`.
 *
 * @example createSoraHandler({ provider, secret, auth: anonymousSessions({ secret }) })
 */
declare function anonymousSessions(options: AnonymousSessionsOptions): AuthAdapter;

/**
 * `jwtAuth`: identities from JSON Web Tokens, signed with a shared secret (HS256) or by an OIDC
 * provider's published keys (JWKS: Auth0, Clerk, Cognito, Keycloak, …). Verification is jose's.
 */

/** Options of {@link jwtAuth}: exactly one of `secret`, `jwksUrl` or `jwks`. */
interface JwtAuthOptions {
    /** HS256 shared secret, at least 32 bytes. */
    secret?: string | Uint8Array;
    /** The provider's JWKS endpoint (e.g. `https://tenant.auth0.com/.well-known/jwks.json`); RS256/ES256/PS256/EdDSA. */
    jwksUrl?: string | URL;
    /** A key set held locally instead of fetched (tests, pinned keys). */
    jwks?: JSONWebKeySet;
    /** Required `iss` claim (one of, when a list). */
    issuer?: string | string[];
    /** Required `aud` claim (one of, when a list). */
    audience?: string | string[];
    /** Also read the token from this cookie when there is no `Authorization: Bearer` header. */
    cookieName?: string;
    /** The claim that names the identity. Default `sub`. */
    identityClaim?: string;
    /** Leeway for `exp` and `nbf`, in seconds. Default 5. */
    clockToleranceSeconds?: number;
    /** Accepted algorithms; defaults to `HS256` for a secret and the asymmetric ones for a key set. */
    algorithms?: string[];
    /** The current time in epoch ms (tests inject a clock). */
    now?: () => number;
}
/**
 * An {@link AuthAdapter} that trusts a verified JWT. A missing, malformed, forged or expired token,
 * or one with the wrong issuer or audience, gives `null` (401 `unauthorized`). A key set that
 * cannot be fetched throws, so an outage shows as a 500 in the host's logs, not as bad credentials.
 *
 * @example
 * createSoraHandler({ auth: jwtAuth({ jwksUrl: 'https://example.auth0.com/.well-known/jwks.json',
 *   issuer: 'https://example.auth0.com/', audience: 'https://api.example.com' }) });
 */
declare function jwtAuth(options: JwtAuthOptions): AuthAdapter;

/**
 * Helpers for the host's own session: any function from the request to an identity is an auth
 * adapter. These make the common shapes safe (a bare user id, `undefined` for "nobody", a throw).
 */

/** What a host's own lookup may return: an id, an identity, or nobody. */
type IdentityLookup = (c: Context) => Promise<string | Identity | null | undefined> | string | Identity | null | undefined;
/**
 * Wraps the host's session lookup as an {@link AuthAdapter}: `undefined`, `null`, an empty id or
 * one over 200 characters all mean "nobody" (401), so a lookup bug can never merge two users under
 * an empty identity.
 *
 * @example
 * auth: identityFrom(async (c) => (await getSession(c.req.raw.headers))?.user.id)
 */
declare function identityFrom(lookup: IdentityLookup): AuthAdapter;
/**
 * Tries adapters in order and answers with the first identity found: signed-in users by JWT,
 * everyone else by anonymous session, for instance. `null` when none finds one.
 *
 * @example auth: firstIdentity(jwtAuth({ jwksUrl }), anonymousSessions({ secret }))
 */
declare function firstIdentity(...adapters: AuthAdapter[]): AuthAdapter;

/**
 * A {@link BlobStore} on the local file system.
 *
 * @example const blobs = fsBlobs('./.data/blobs');
 */
declare function fsBlobs(dir: string): BlobStore;

/** Options of {@link s3Blobs}. */
interface S3BlobsOptions {
    bucket: string;
    /** Prepended to every key, e.g. `"sora-kit/"`. */
    prefix?: string;
    /** `us-east-1`, …; `auto` for Cloudflare R2. Defaults to the SDK's own resolution. */
    region?: string;
    /** The service endpoint for non-AWS stores, e.g. `https://<account>.r2.cloudflarestorage.com`. */
    endpoint?: string;
    /** Path-style URLs (`endpoint/bucket/key`), needed by MinIO and most local servers. */
    forcePathStyle?: boolean;
    /** Static credentials; otherwise the SDK's default chain (environment, profile, role). */
    credentials?: {
        accessKeyId: string;
        secretAccessKey: string;
        sessionToken?: string;
    };
    /** Bytes per uploaded part (default 8 MiB; S3's minimum is 5 MiB). */
    partSize?: number;
    /** Parts uploaded at once (default 2): memory use is about `partSize × queueSize`. */
    queueSize?: number;
    /** Let `publicUrl` hand out pre-signed GET URLs, so browsers fetch from the bucket directly. */
    presignedUrls?: boolean;
    /** The clock pre-signed URLs count their lifetime from. */
    now?: () => Date;
}
/**
 * A {@link BlobStore} on an S3-compatible bucket.
 *
 * @example
 * const blobs = s3Blobs({ bucket: 'videos', region: 'auto', endpoint: process.env.R2_ENDPOINT });
 */
declare function s3Blobs(options: S3BlobsOptions): BlobStore;

/** Options of {@link vercelBlobs}. */
interface VercelBlobsOptions {
    /** A read-write token; defaults to the `BLOB_READ_WRITE_TOKEN` environment variable. */
    token?: string;
    /** Prepended to every key, e.g. `"sora-kit/"`, to share a store with other data. */
    prefix?: string;
    /**
     * The store's access. `private` (the default) keeps files behind the token, so they are only
     * reachable through our signed media route; `public` stores serve anyone with the URL and let
     * `publicUrl` link browsers straight to Vercel's CDN.
     */
    access?: 'private' | 'public';
    /** Seconds the CDN may cache a blob (Vercel's minimum is 60); short, as keys are overwritten. */
    cacheControlMaxAge?: number;
    /** Upload in parts (for very large files); the SDK then buffers a few parts in memory. */
    multipart?: boolean;
    /** The fetch used for reads; injectable for tests and unusual runtimes. */
    fetch?: typeof globalThis.fetch;
}
/**
 * A {@link BlobStore} on Vercel Blob.
 *
 * @example const blobs = vercelBlobs({ access: 'private', prefix: 'sora/' });
 */
declare function vercelBlobs(options?: VercelBlobsOptions): BlobStore;

/**
 * Signed media links: an HMAC-SHA256 (Web Crypto, so it runs on Node, Bun, Deno and Workers) over
 * the job, the variant, the expiry and the download flag. A link works without cookies until it
 * expires and cannot be moved to another job, another variant or another disposition.
 */

/** Options of {@link createMediaSigner}. */
interface MediaSignerOptions {
    /** The HMAC key; at least 32 random bytes are advised. */
    secret: string;
    /** The clock, injected so that tests control expiry. */
    now: () => Date;
}
/** What a link is signed for. */
interface MediaSignInput {
    jobId: string;
    variant: Variant;
    expiresAt: Date;
    /** Whether the link asks for an attachment (`dl=1`). */
    download?: boolean;
}
/** The parts of a request that {@link MediaSigner.verify} checks, exactly as they came in. */
interface MediaVerifyInput {
    jobId: string;
    variant: string;
    exp?: string;
    sig?: string;
    dl?: string;
}
/** Signs and verifies media links. */
interface MediaSigner {
    /** The link's query string: `exp=<unix seconds>&sig=<base64url>[&dl=1]`. */
    sign(input: MediaSignInput): Promise<string>;
    /** `true` only for an untampered, unexpired signature made for this job and variant. */
    verify(input: MediaVerifyInput): Promise<boolean>;
}
/**
 * Creates a media link signer.
 *
 * @example
 * const signer = createMediaSigner({ secret: process.env.SORA_MEDIA_SECRET!, now: () => new Date() });
 * const query = await signer.sign({ jobId, variant: 'video', expiresAt: new Date(Date.now() + 9e5) });
 */
declare function createMediaSigner(options: MediaSignerOptions): MediaSigner;

/** Why a provider call failed, in our terms. */
type ProviderErrorKind = 'rate_limited' | 'unavailable' | 'rejected' | 'not_found' | 'unauthorized' | 'invalid_webhook' | 'unknown';
/** An upstream failure. Callers branch on `kind` and `retryable`, never on the message. */
declare class ProviderError extends Error {
    readonly name = "ProviderError";
    readonly kind: ProviderErrorKind;
    readonly status: number | undefined;
    /** Milliseconds the provider asked us to wait (`Retry-After`), when it said. */
    readonly retryAfterMs: number | undefined;
    /** A provider-specific code such as `moderation_blocked`, when given. */
    readonly code: string | undefined;
    constructor(kind: ProviderErrorKind, message: string, options?: {
        status?: number;
        retryAfterMs?: number;
        code?: string;
        cause?: unknown;
    });
    /** Whether trying the same call again later may succeed. */
    get retryable(): boolean;
}

/**
 * The handler's one error type and its one renderer: every failure leaves as the contract's
 * `ApiError` envelope with the matching status, never a stack trace or a key.
 */

/** An error the handler answers with a given status and contract code. */
declare class HttpError extends Error {
    readonly name = "HttpError";
    readonly status: ContentfulStatusCode;
    readonly code: ApiErrorCode;
    readonly details: unknown;
    /** Seconds for a `Retry-After` header (429, 503). */
    readonly retryAfterSeconds: number | undefined;
    constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string, options?: {
        details?: unknown;
        retryAfterSeconds?: number;
        cause?: unknown;
    });
}

/** What {@link probeVideo} learned from the file. */
interface VideoProbe {
    contentType: string;
    bytes: number;
    width: number;
    height: number;
    /** Duration in seconds, to the millisecond. */
    seconds: number;
}
/** Options of {@link probeVideo}. */
interface ProbeOptions {
    /** Bytes fetched per read; the default suits a `moov` at the start of small clips. */
    chunkBytes?: number;
    /** Reads allowed before giving up on a file that never yields a `moov`. */
    maxReads?: number;
}
/**
 * Probes the MP4 stored under `key`.
 *
 * @throws InvalidMediaError when the blob is missing, is not an MP4, or has no video track.
 */
declare function probeVideo(blobs: BlobStore, key: string, options?: ProbeOptions): Promise<VideoProbe>;

/** Bounded retry with exponential backoff, as a pure delay decision plus a cancellable sleep. */
/** How a copy retries transient failures. */
interface RetryPolicy {
    /** Total tries, the first included (default 4). */
    attempts?: number;
    /** First delay in milliseconds (default 500), doubled each time. */
    baseDelayMs?: number;
    /** Longest delay (default 8000). */
    maxDelayMs?: number;
    /** Waits; injected so that tests need no real time. Must reject when `signal` aborts. */
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Copies a finished generation from the provider into our blob store — streamed, never whole in
 * memory — and reads the asset's real properties from the stored MP4. Runs before a job is marked
 * completed; idempotent (fixed keys, atomic overwrite), so a lifecycle may simply run it again.
 */

/** Options of {@link copyAssets}. */
interface CopyAssetsOptions {
    provider: VideoProvider;
    blobs: BlobStore;
    /** The provider's id of the finished video. */
    providerVideoId: string;
    /** Our job id; names the blob keys. */
    jobId: string;
    /** The variants the provider offers (its capabilities); `video` is required. */
    variants: readonly Variant[];
    signal?: AbortSignal;
    /** When the provider's files are gone (epoch ms or a Date), if known. */
    expiresAt?: number | Date;
    now?: () => Date;
    retry?: RetryPolicy;
    probe?: ProbeOptions;
    /** Told about retried downloads and optional variants left out. */
    logger?: Pick<Logger, 'warn'>;
}
/**
 * Streams each offered variant into `blobs` and probes the stored video.
 *
 * @returns the asset as read from the stored file (not as requested).
 * @throws AssetExpiredError when the provider's copy expired (or is gone) before ours was made.
 * @throws MissingVariantError when the provider offers no video.
 * @throws InvalidMediaError when the stored video is not a readable MP4.
 */
declare function copyAssets(options: CopyAssetsOptions): Promise<JobAsset>;

/** Errors of the media layer, one class per meaning, with codes the handler maps to responses. */
/** A reference image the handler refuses; `status` and `code` are the contract's envelope. */
declare class MediaInputError extends Error {
    readonly name = "MediaInputError";
    readonly status: 400 | 413 | 415;
    readonly code: 'invalid_request' | 'payload_too_large' | 'unsupported_media_type';
    constructor(status: 400 | 413 | 415, code: MediaInputError['code'], message: string, options?: ErrorOptions);
}
/**
 * The provider's copy of a video expired before ours was made. The job lifecycle maps it to the
 * job error code `expired` (not retryable: the provider's files are gone).
 */
declare class AssetExpiredError extends Error {
    readonly name = "AssetExpiredError";
    readonly code: "expired";
    constructor(message?: string, options?: ErrorOptions);
}
/**
 * A stored video that could not be read as an MP4 (no `moov`, no video track). The lifecycle maps
 * it to `upstream_failed`: the provider sent something that is not a playable video.
 */
declare class InvalidMediaError extends Error {
    readonly name = "InvalidMediaError";
    readonly code: "invalid_media";
}
/** The provider has no file for a required variant (the video). */
declare class MissingVariantError extends Error {
    readonly name = "MissingVariantError";
    readonly code: "missing_variant";
}

/** Making the `MediaLink` that `GET /videos/:jobId/media` answers. */

/** Options of {@link mediaUrlFor}. */
interface MediaUrlOptions {
    /** The handler's public base URL, e.g. `https://example.com/api/sora` (no trailing slash needed). */
    baseUrl: string;
    jobId: string;
    variant: Variant;
    download?: boolean;
    signer: MediaSigner;
    now: () => Date;
    /** Link lifetime in seconds (default 900, the contract's 15 minutes). */
    ttlSeconds?: number;
    /** With `usePublicUrls`, a store offering `publicUrl` links straight to itself (a CDN). */
    blobs?: BlobStore;
    usePublicUrls?: boolean;
    /** The job's prompt, to name a download when linking straight to the store. */
    prompt?: string;
}
/**
 * A signed, short-lived link to one variant of one job: our own media route by default, or the
 * store's public/pre-signed URL when `usePublicUrls` is set and the store has one.
 *
 * @example
 * const link = await mediaUrlFor({ baseUrl: 'https://app.example/api/sora', jobId, variant: 'video', signer, now });
 */
declare function mediaUrlFor(options: MediaUrlOptions): Promise<MediaLink>;

/**
 * Reference images (`input_reference`): accepted only as PNG, JPEG or WebP — judged by their magic
 * bytes, not by the name or the declared type — and resized to exactly the video's size, because
 * the provider rejects a reference whose dimensions differ from the requested `size`.
 */

/** Options of {@link prepareReference}. */
interface PrepareReferenceOptions {
    /** Largest accepted upload, in bytes (the contract's `limits.maxReferenceBytes`). */
    maxBytes: number;
    /** Largest decoded image, in pixels, as a guard against decompression bombs (default 64 M). */
    maxInputPixels?: number;
}
/**
 * Checks and resizes an uploaded reference image to `size` (`"1280x720"`), cropping to cover
 * around the centre. The output keeps the input's format.
 *
 * @throws MediaInputError 413 `payload_too_large` over `maxBytes`; 415 `unsupported_media_type`
 * when not png, jpeg or webp; 400 `invalid_request` for a bad size or an undecodable image.
 */
declare function prepareReference(file: Blob & {
    name?: string;
}, size: string, options: PrepareReferenceOptions): Promise<ProviderReference>;

/**
 * `openaiProvider()`: OpenAI's Videos API (Sora 2) behind our {@link VideoProvider}, on the
 * official `openai` SDK. The same code runs against api.openai.com, Azure OpenAI's v1 API and the
 * fake (`fakeProvider()`), which is the point: tests exercise the real adapter.
 */

/** Azure OpenAI's v1 API: `<endpoint>/openai/v1`, authenticated with `api-key`. */
interface AzureOpenAIOptions {
    /** e.g. `https://my-resource.openai.azure.com`. */
    endpoint: string;
    apiKey: string;
    /** Sent as `api-version` when given (the v1 API needs none). */
    apiVersion?: string;
}
/** Options of {@link openaiProvider}. */
interface OpenAIProviderOptions {
    /** A configured SDK client; when given, `apiKey`, `baseURL`, `azure` and `fetch` are ignored. */
    client?: OpenAI;
    /** Defaults to the SDK's own (`OPENAI_API_KEY`). */
    apiKey?: string;
    baseURL?: string;
    azure?: AzureOpenAIOptions;
    /** The models offered; default {@link DEFAULT_OPENAI_MODELS}. */
    models?: ModelCapabilities[];
    /** The webhook signing secret (`whsec_…`) for {@link VideoProvider.verifyWebhook}. */
    webhookSecret?: string;
    /** Recorded on jobs; default `"openai"`. */
    name?: string;
    /** A `fetch` for the SDK (tests, proxies). */
    fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
    /** The SDK's retries of 408/409/429/5xx; default the SDK's (2). */
    maxRetries?: number;
    /** Per-request timeout in ms; default the SDK's. */
    timeoutMs?: number;
}
/** Sora 2 and Sora 2 Pro as OpenAI sells them (USD per second, by size). */
declare const DEFAULT_OPENAI_MODELS: ModelCapabilities[];
/**
 * A {@link VideoProvider} for OpenAI's Videos API (or Azure OpenAI's).
 *
 * @example
 * ```ts
 * createSoraHandler({ provider: openaiProvider({ apiKey: process.env.OPENAI_API_KEY }) });
 * ```
 */
declare function openaiProvider(options?: OpenAIProviderOptions): VideoProvider;

/**
 * `fakeProvider()`: the OpenAI adapter over an in-process fake of the OpenAI Videos API. Tests,
 * stories and the demo (when no key is set) run the real adapter code, just not the real model.
 */

/** Options of {@link fakeProvider}: the fake's own, plus a few of the adapter's. */
interface FakeProviderOptions extends Omit<FakeOpenAIOptions, 'apiKey'> {
    /** A fake of your own (e.g. shared with msw handlers); the other fake options are then ignored. */
    fake?: FakeOpenAI;
    /** Recorded on jobs; default `"fake"`. */
    name?: string;
    /** Adapter options passed through (models, webhookSecret, maxRetries, timeoutMs). */
    provider?: Pick<OpenAIProviderOptions, 'models' | 'webhookSecret' | 'maxRetries' | 'timeoutMs'>;
}
/** A {@link VideoProvider} that also exposes the fake behind it. */
interface FakeVideoProvider extends VideoProvider {
    /** The fake: advance its clock, read its counters. */
    readonly fake: FakeOpenAI;
}
/**
 * A provider named `"fake"`: {@link openaiProvider} talking to {@link createFakeOpenAI} in-process.
 *
 * @example
 * ```ts
 * const provider = fakeProvider({ generationSeconds: 4 });
 * const handler = createSoraHandler({ provider });
 * await provider.fake.advance(4_000); // in tests: every video completes
 * ```
 */
declare function fakeProvider(options?: FakeProviderOptions): FakeVideoProvider;

/** Options of {@link openrouterProvider}. */
interface OpenRouterProviderOptions {
    /** Defaults to the `OPENROUTER_API_KEY` environment variable where there is one. */
    apiKey?: string;
    /** Defaults to `https://openrouter.ai/api/v1`. */
    baseURL?: string;
    /** For tests (the fake's `fetch`), proxies or instrumentation. */
    fetch?: typeof fetch;
    /** OpenRouter model ids to offer, first is the default; those the upstream list lacks are left out. */
    models?: string[];
    /** The workspace's webhook signing secret; without it webhooks are refused. */
    webhookSecret?: string;
    /** Sent as `callback_url` on every create, e.g. `https://example.com/api/sora/webhooks/openrouter`. */
    callbackUrl?: string;
    /** The typical generation time progress is estimated against (OpenRouter reports none). Default 120. */
    estimatedSeconds?: number;
    /** How long the model list is kept before it is fetched again. Default 10 minutes. */
    capabilitiesTtlMs?: number;
    /**
     * Turns a reference image into a URL for `frame_images`. OpenRouter documents public HTTPS URLs;
     * the default sends a `data:` URL, which not every upstream model accepts. Hosts that need
     * references everywhere upload the image (e.g. to public blob storage) and return its URL.
     */
    referenceUrl?: (reference: ProviderReference) => string | Promise<string>;
    /** Extra headers on every call, e.g. `HTTP-Referer` and `X-OpenRouter-Title` for app attribution. */
    headers?: Record<string, string>;
    /** Injected time (epoch ms). */
    now?: () => number;
}
/** The provider name recorded on jobs. */
declare const OPENROUTER_PROVIDER_NAME = "openrouter";
/**
 * A {@link VideoProvider} for OpenRouter's video API.
 *
 * @example
 * ```ts
 * createSoraHandler({
 *   provider: openrouterProvider({
 *     apiKey: process.env.OPENROUTER_API_KEY,
 *     models: ['google/veo-3.1', 'openai/sora-2-pro'],
 *     webhookSecret: process.env.OPENROUTER_WEBHOOK_SECRET,
 *     callbackUrl: 'https://example.com/api/sora/webhooks/openrouter',
 *   }),
 * });
 * ```
 */
declare function openrouterProvider(options?: OpenRouterProviderOptions): VideoProvider;

/**
 * From `GET /videos/models` to sora-kit's {@link ModelCapabilities}, and a small per-instance cache
 * so the model list is fetched once per TTL rather than on every create.
 */

/** Models offered when the host does not choose: the ones most hosts moving off OpenAI want. */
declare const DEFAULT_OPENROUTER_MODELS: readonly string[];

/**
 * `GET`/`HEAD /media/:jobId/:variant?exp=…&sig=…[&dl=1]`: serves a job's stored files like a CDN
 * (ranges, validators, caching) to anyone holding a valid signed link — no cookie needed, so
 * `<video src>`, downloads and shared links work — until the link expires or the job is deleted.
 */

/** What the media route needs to know about a job. */
interface MediaJobView {
    status: JobStatus;
    asset?: JobAsset;
    prompt: string;
}
/** Dependencies of {@link createMediaRoutes}. */
interface MediaRoutesOptions {
    blobs: BlobStore;
    signer: MediaSigner;
    /** The job, whoever owns it (the signature is the authorisation), or `null` once deleted. */
    findJob(jobId: string): Promise<MediaJobView | null>;
    now: () => Date;
    /**
     * When the store offers {@link BlobStore.publicUrl}, answer a valid link with a `302` to the
     * store's own URL (a CDN) instead of streaming through this server.
     */
    usePublicUrls?: boolean;
}
/**
 * The media sub-app; mount it at the handler's root.
 *
 * @example app.route('/', createMediaRoutes({ blobs, signer, findJob, now: () => new Date() }));
 */
declare function createMediaRoutes(options: MediaRoutesOptions): Hono;

/**
 * Cross-site request protection: a state-changing request (POST, PUT, PATCH, DELETE) made by a
 * browser on behalf of another site is refused with 403 `forbidden`.
 *
 * Hono's own `csrf()` middleware only looks at form-like content types (a JSON POST or a DELETE
 * cannot be sent cross-site without a CORS preflight), and answers in plain text. We check every
 * state-changing request, so the protection does not depend on CORS being configured right, and we
 * answer with the contract's error envelope.
 */

/** Options of {@link crossSiteProtection}. */
interface CrossSiteOptions {
    /** Other origins allowed to make state-changing requests (`https://shop.example.com`). */
    allowedOrigins?: readonly string[];
    /** Requests this returns true for are not checked (the webhooks route: server to server, signed). */
    exempt?: (c: Context) => boolean;
}
/**
 * Hono middleware refusing cross-site state changes with 403 `forbidden`.
 *
 * @example app.use('*', crossSiteProtection({ allowedOrigins: ['https://shop.example.com'],
 *   exempt: (c) => c.req.path.includes('/webhooks/') }));
 */
declare function crossSiteProtection(options?: CrossSiteOptions): MiddlewareHandler;

export { type AnonymousSessionsOptions, AssetExpiredError, AuthAdapter, type AzureOpenAIOptions, BlobStore, type CopyAssetsOptions, type CrossSiteOptions, DEFAULT_OPENAI_MODELS, DEFAULT_OPENROUTER_MODELS, type FakeProviderOptions, type FakeVideoProvider, HttpError, Identity, type IdentityLookup, InvalidMediaError, type JwtAuthOptions, Logger, MediaInputError, type MediaJobView, type MediaRoutesOptions, type MediaSigner, type MediaSignerOptions, type MediaUrlOptions, MissingVariantError, OPENROUTER_PROVIDER_NAME, type OpenAIProviderOptions, type OpenRouterProviderOptions, type PrepareReferenceOptions, type ProbeOptions, ProviderError, type ProviderErrorKind, ProviderReference, type S3BlobsOptions, type VercelBlobsOptions, type VideoProbe, VideoProvider, anonymousSessions, copyAssets, createMediaRoutes, createMediaSigner, crossSiteProtection, fakeProvider, firstIdentity, fsBlobs, identityFrom, jwtAuth, mediaUrlFor, openaiProvider, openrouterProvider, prepareReference, probeVideo, s3Blobs, vercelBlobs };
