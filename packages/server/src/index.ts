export { type AnonymousSessionsOptions, anonymousSessions } from './auth/anonymous-sessions.js';
export { type JwtAuthOptions, jwtAuth } from './auth/jwt.js';
export { firstIdentity, type IdentityLookup, identityFrom } from './auth/request-identity.js';
export type { AuthAdapter, Identity } from './auth/types.js';
export { fsBlobs } from './blobs/fs.js';
export { type S3BlobsOptions, s3Blobs } from './blobs/s3.js';
export type { BlobInfo, BlobStore, ByteRange } from './blobs/types.js';
export { type VercelBlobsOptions, vercelBlobs } from './blobs/vercel.js';
export type { PgPool, RedisClient } from './coordination/engine-clients.js';
export { type MemoryCoordinationOptions, memoryCoordination } from './coordination/memory.js';
export {
  connectPool,
  type PostgresCoordinationOptions,
  postgresCoordination,
} from './coordination/postgres.js';
export {
  FAIL_FAST_REDIS_OPTIONS,
  type RedisCoordinationOptions,
  redisCoordination,
} from './coordination/redis.js';
export {
  type Coordination,
  CoordinationUnavailableError,
  type CounterOptions,
  type SlotClaim,
  type SlotOptions,
} from './coordination/types.js';
export { isUnavailableError } from './coordination/unavailable.js';
export {
  type Deployment,
  DeploymentConfigError,
  deploymentFromEnv,
  type SoraRole,
} from './deploy/env.js';
export { createSoraHandler, type SoraHandler } from './handler.js';
export { HttpError } from './http-error.js';
export { type AdmissionOptions, createAdmissionControl } from './limits/admission.js';
export { DEFAULT_PER_CLIENT, type PerClientOptions } from './limits/client-limit.js';
export { DEFAULT_PRICES, mergePrices, type PriceTable, pricesFromCapabilities } from './limits/pricing.js';
export { DEFAULT_QUOTAS, type QuotaOptions } from './limits/quota.js';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './limits/rate-limit.js';
export type { LimitsOptions } from './limits/resolve.js';
export type { Admission, AdmissionControl, AdmissionRequest } from './limits/types.js';
export { consoleLogger, type LogFields, type Logger, type LogLevel, silentLogger } from './logger.js';
export { type CopyAssetsOptions, copyAssets } from './media/copy.js';
export {
  AssetExpiredError,
  InvalidMediaError,
  MediaInputError,
  MissingVariantError,
} from './media/errors.js';
export { type MediaUrlOptions, mediaUrlFor } from './media/links.js';
export { type ProbeOptions, probeVideo, type VideoProbe } from './media/probe.js';
export { type PrepareReferenceOptions, prepareReference } from './media/reference.js';
export { createMediaSigner, type MediaSigner, type MediaSignerOptions } from './media/signing.js';
export { type LoggerOption, type PinoLike, REDACT_PATHS } from './observability/logger.js';
export { MissingPeerError } from './optional-peer.js';
export type {
  BeforeCreateContext,
  BeforeCreateResult,
  CopyRetryOptions,
  JobHookContext,
  MetricsOptions,
  PollingOptions,
  SoraHandlerOptions,
  SoraHooks,
  WebhookOptions,
} from './options.js';
export { ProviderError, type ProviderErrorKind } from './providers/errors.js';
export {
  type FakeProviderOptions,
  type FakeVideoProvider,
  fakeProvider,
} from './providers/fake-provider.js';
export {
  type AzureOpenAIOptions,
  DEFAULT_OPENAI_MODELS,
  type OpenAIProviderOptions,
  openaiProvider,
} from './providers/openai.js';
export {
  OPENROUTER_PROVIDER_NAME,
  type OpenRouterProviderOptions,
  openrouterProvider,
} from './providers/openrouter.js';
export { DEFAULT_OPENROUTER_MODELS } from './providers/openrouter-capabilities.js';
export type * from './providers/types.js';
export {
  clientAddress,
  clientAddressOf,
  type PublicUrlConfig,
  type PublicUrlOptions,
  publicUrlOf,
  type RequestPublicUrl,
  resolvePublicUrl,
  type TrustProxy,
} from './proxy.js';
export { type RouteHandler, type RouteHandlers, toRouteHandlers } from './route-handlers.js';
export { createMediaRoutes, type MediaJobView, type MediaRoutesOptions } from './routes/media.js';
export type { Pingable, ReadinessOptions } from './routes/ready.js';
export { type CorsOptions, corsMiddleware } from './security/cors.js';
export { type CrossSiteOptions, crossSiteProtection } from './security/origin.js';
export type { ShutdownOptions } from './shutdown.js';
export { type PostgresStorageOptions, postgresStorage } from './storage/postgres.js';
export type { SoraStorage } from './storage.js';
export { createSoraWorker, type SoraWorker, type SoraWorkerOptions } from './worker.js';
