/** Everything the routes and the lifecycle share inside one handler instance. */

import type { AuthAdapter } from '../auth/types.js';
import type { BlobStore } from '../blobs/types.js';
import type { Coordination } from '../coordination/types.js';
import type { AdmissionControl } from '../limits/types.js';
import type { MediaSigner } from '../media/signing.js';
import type { SoraLogger } from '../observability/logger.js';
import type { SoraMetrics } from '../observability/metrics.js';
import type { StreamTracker } from '../observability/streams.js';
import type { CopyRetryOptions, ResolvedPolling, SoraHooks } from '../options.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { ProviderCapabilities, VideoProvider } from '../providers/types.js';
import type { SoraStorage } from '../storage.js';
import type { ChangeFeed, Notifier } from './feed.js';
import type { JobState } from './job-state.js';
import type { Leases } from './lease.js';
import type { Repository } from './repository.js';

/** The input limits in force. */
export interface Limits {
  maxPromptChars: number;
  maxReferenceBytes: number;
  maxJsonBytes: number;
  mediaLinkTtlSeconds: number;
  maxReferencePixels: number;
  referenceDecodeSeconds: number;
  referenceDecodeConcurrency: number;
  referenceDecodeMaxWaiting: number;
  bodyTimeoutMs: number;
  maxEventStreamsPerIdentity: number;
}

/** The shared dependencies of one handler. */
export interface Runtime {
  /** The default provider (the first configured): the one of requests without a model. */
  provider: VideoProvider;
  /** Every configured provider; a job's calls go to `providers.get(job.provider)`. */
  providers: ProviderRegistry;
  storage: SoraStorage;
  blobs: BlobStore;
  auth: AuthAdapter;
  admission?: AdmissionControl;
  repo: Repository;
  /** The one writer of job records and of the changes watchers hear (reads go through `repo`). */
  jobs: JobState;
  /** Leases, counters, the refresh schedule and change notifications shared by every instance. */
  coordination: Coordination;
  leases: Leases;
  feed: ChangeFeed;
  notifier: Notifier;
  signer: MediaSigner;
  logger: SoraLogger;
  metrics: SoraMetrics;
  /** The open event streams (closed with a reconnect hint at shutdown). */
  streams: StreamTracker;
  /** Aborted when a shutdown's deadline passes: work still running gives up (it resumes elsewhere). */
  stopping: AbortSignal;
  hooks: SoraHooks;
  polling: ResolvedPolling;
  /** Retry policy of asset copies. */
  copyRetry: CopyRetryOptions;
  limits: Limits;
  now: () => Date;
  id: () => string;
  /** Every provider's capabilities merged, models tagged with their provider (asked once per instance). */
  capabilities(): Promise<ProviderCapabilities>;
  /** Whether some process polls (this one's loop, or separate workers); else reads refresh stale jobs lazily. */
  isPolling(): boolean;
  /** This instance's polling loop: whether it runs (the poller sets it; `isPolling` reads it). */
  loop: { running: boolean };
  /** Whether separate workers refresh jobs, so this instance never does. */
  separateWorker: boolean;
  /** Ends this instance's subscription to change notifications. */
  stopListening(): void;
  /** The public URL of a provider's webhook route, when webhooks are on and `publicUrl` is set. */
  webhookUrl(provider: string): string | undefined;
}

/** The Hono environment of the handler's routes: who is calling, and their storage-safe key. */
export interface SoraEnv {
  Variables: {
    identity: import('../auth/types.js').Identity;
    /** SHA-256 of the identity id. */
    owner: string;
    /** Set by `anonymousSessions` when this request was given a brand-new session. */
    soraSessionIssued?: boolean;
    /** This request's id (`X-Request-Id`), for the log lines of the work it starts. */
    requestId: string;
    /** The job this request is about, once known: named on the request's span. */
    soraJobId?: string;
  };
}
