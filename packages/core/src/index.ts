export {
  batch,
  computed,
  effect,
  type ReadonlySignal,
  type Signal,
  signal,
  untracked,
} from '@preact/signals-core';
export {
  type CallOptions,
  type CredentialsMode,
  createSoraClient,
  type HeadersOption,
  type HeaderValues,
  type ListVideosOptions,
  type MediaLinkOptions,
  type MutationOptions,
  type RetryOptions,
  type SoraClient,
  type SoraClientOptions,
} from './client.js';
export * from './contract.js';
export { type CrossTabMessage, canShareAcrossTabs } from './cross-tab.js';
export {
  type ClientErrorCode,
  errorFromFailure,
  errorFromResponse,
  isSoraApiError,
  parseRetryAfter,
  SoraApiError,
  type SoraApiErrorInit,
} from './errors.js';
export type { ConnectionState, HistoryState, JobStore } from './job-store.js';
export {
  createLiveConnection,
  documentVisibility,
  type LiveConnection,
  type LiveHandlers,
  type LiveOptions,
  type LiveTuning,
  type Timers,
  type Visibility,
} from './live.js';
export {
  createMediaLinkCache,
  type MediaLinkCache,
  type MediaLinkCacheOptions,
  renewalTime,
} from './media-links.js';
export { isPendingJob } from './optimistic.js';
export {
  checkChoice,
  checkPrompt,
  DEFAULT_MAX_PROMPT_CHARS,
  DEFAULT_MAX_REFERENCE_BYTES,
  estimateCostUsd,
  findModel,
  parseSize,
  type Validated,
  type ValidCreateVideo,
} from './rules.js';
export { backoffDelay } from './sse.js';
export { createJobStore, getStore, type JobStoreOptions } from './store.js';
