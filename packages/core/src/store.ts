/**
 * The live job store: the caller's jobs as signals, shared by every element and script bound to
 * the same endpoint. Mutations are optimistic; live updates arrive while anything `retain()`s it.
 */
import { signal } from '@preact/signals-core';
import { type CredentialsMode, createSoraClient, type HeadersOption, type SoraClient } from './client.js';
import type { Capabilities } from './contract.js';
import { canShareAcrossTabs, createSharedLive } from './cross-tab.js';
import { resolveEndpoint } from './endpoint.js';
import { toApiError } from './errors.js';
import { createHistory } from './history.js';
import type { ConnectionState, JobStore } from './job-store.js';
import { createJobTable } from './job-table.js';
import {
  createLiveConnection,
  type LiveConnection,
  type LiveHandlers,
  type LiveOptions,
  type LiveTuning,
  type Visibility,
} from './live.js';
import { createMediaLinkCache } from './media-links.js';

/** Options of `createJobStore` (and of the first `getStore` call for an endpoint). */
export interface JobStoreOptions {
  /** Where the handler is mounted (default `/api/sora`). Ignored when `client` is given. */
  endpoint?: string;
  /** A client to use instead of creating one. */
  client?: SoraClient;
  fetch?: typeof globalThis.fetch;
  credentials?: CredentialsMode;
  headers?: HeadersOption;
  /**
   * Jobs per history page, 1 to 100 (default 20). A new event stream starts with this many of the
   * newest jobs too, so "load more" always brings jobs not yet shown.
   */
  pageSize?: number;
  /** The clock (default `Date.now`). */
  now?: () => number;
  /** Reconnect and polling tuning, and injectable timers and visibility for tests. */
  live?: LiveTuning & Pick<LiveOptions, 'timers' | 'visibility' | 'online' | 'random'>;
  /**
   * Share one connection across the tabs of this origin (default true where `BroadcastChannel`
   * and Web Locks exist). `{ name }` overrides the channel and lock name.
   */
  crossTab?: boolean | { name?: string };
}

/** Creates an isolated store (tests, server-side rendering, several users in one process). */
export function createJobStore(options: JobStoreOptions & { onDispose?: () => void } = {}): JobStore {
  const client =
    options.client ??
    createSoraClient({
      endpoint: options.endpoint ?? '/api/sora',
      fetch: options.fetch,
      credentials: options.credentials,
      headers: options.headers,
    });
  const now = options.now ?? (() => Date.now());
  const pageSize = options.pageSize ?? 20;
  // The server takes 1..100; outside that, the stream's first jobs would be refused outright.
  const snapshotSize = Math.min(100, Math.max(1, Math.trunc(pageSize) || 20));
  const table = createJobTable();
  const history = createHistory(client, table, pageSize);
  const connection = signal<ConnectionState>('idle');
  const capabilities = signal<Capabilities | null>(null);
  const media = createMediaLinkCache({
    now,
    fetchLink: (jobId, variant, download) => client.getMediaLink(jobId, { variant, download }),
  });
  let capabilitiesPromise: Promise<Capabilities> | undefined;
  let holders = 0;
  let live: (LiveConnection & { publish?(message: unknown): void }) | undefined;

  const forget = (jobId: string) => {
    table.remove(jobId);
    media.invalidate(jobId);
  };

  function makeLive(): LiveConnection & { publish?(message: unknown): void } {
    const handlers: LiveHandlers = {
      onJob: (job) => table.upsert(job),
      onDeleted: forget,
      onState: (state) => {
        connection.value = state;
      },
    };
    const direct = (h: LiveHandlers, lastEventId: string | undefined, visibility?: Visibility) =>
      createLiveConnection({
        ...options.live,
        ...(visibility ? { visibility } : {}),
        ...h,
        lastEventId,
        poll: (abort) => history.refresh(h, abort),
        open: (id, abort) =>
          client.raw(`/events?limit=${snapshotSize}`, {
            headers: { Accept: 'text/event-stream', ...(id ? { 'Last-Event-ID': id } : {}) },
            cache: 'no-store',
            signal: abort,
          }),
      });
    const crossTab = options.crossTab ?? true;
    if (crossTab === false || !canShareAcrossTabs()) return direct(handlers, undefined);
    const name = (typeof crossTab === 'object' && crossTab.name) || `sora-kit:${client.endpoint}`;
    return createSharedLive({ ...handlers, name, visibility: options.live?.visibility, createLive: direct });
  }

  const store: JobStore = {
    endpoint: client.endpoint,
    client,
    jobs: table.jobs,
    history: history.history,
    historyError: history.historyError,
    hasMore: history.hasMore,
    connection,
    capabilities,
    job: (jobId) => table.job(jobId),
    load: history.load,
    loadMore: history.loadMore,
    loadCapabilities() {
      capabilitiesPromise ??= client.getCapabilities().then(
        (value) => (capabilities.value = value),
        (error: unknown) => {
          capabilitiesPromise = undefined;
          throw error;
        },
      );
      return capabilitiesPromise;
    },
    async fetchJob(jobId) {
      try {
        const job = await client.getVideo(jobId);
        table.upsert(job);
        return job;
      } catch (error) {
        if (toApiError(error)?.status === 404) forget(jobId);
        throw error;
      }
    },
    async create(input, callOptions) {
      // No placeholder row: a refused create (rate limit, quota, invalid) must never look queued.
      const job = await client.createVideo(input, { signal: callOptions?.signal });
      table.upsert(job);
      live?.publish?.({ type: 'job', job });
      return job;
    },
    async retry(jobId) {
      const job = await client.retryVideo(jobId);
      media.invalidate(jobId);
      table.upsert(job, { force: true });
      live?.publish?.({ type: 'job', job });
      return job;
    },
    async remix(jobId, input) {
      const job = await client.remixVideo(jobId, input);
      table.upsert(job);
      live?.publish?.({ type: 'job', job });
      return job;
    },
    async remove(jobId) {
      const previous = table.get(jobId);
      forget(jobId);
      try {
        await client.deleteVideo(jobId);
      } catch (error) {
        // Already gone is what the user asked for; anything else puts the job back.
        if (toApiError(error)?.status !== 404) {
          table.restore(jobId, previous);
          throw error;
        }
      }
      live?.publish?.({ type: 'deleted', jobId });
    },
    mediaLink: (jobId, linkOptions) => media.get(jobId, linkOptions),
    retain() {
      holders += 1;
      if (holders === 1) {
        live = makeLive();
        live.start();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0) stopLive();
      };
    },
    dispose() {
      holders = 0;
      stopLive();
      media.clear();
      options.onDispose?.();
    },
  };

  function stopLive() {
    live?.stop();
    live = undefined;
  }

  return store;
}

const REGISTRY = Symbol.for('@sora-kit/core:stores@1');

/**
 * The store of an endpoint, shared by every element and script on the page: the first call
 * creates it (with `options`), later calls return the same one. The registry lives on
 * `globalThis` under `Symbol.for('@sora-kit/core:stores@1')`, so two copies of this package on one
 * page still share a store; it is the one piece of page-wide state and is created on first use.
 *
 * @example
 * ```ts
 * const store = getStore('/api/sora');
 * effect(() => console.log(store.jobs.value.length));
 * ```
 */
export function getStore(endpoint = '/api/sora', options: Omit<JobStoreOptions, 'endpoint'> = {}): JobStore {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, JobStore> };
  holder[REGISTRY] ??= new Map();
  const stores = holder[REGISTRY];
  const key = resolveEndpoint(endpoint);
  const existing = stores.get(key);
  if (existing) return existing;
  const store = createJobStore({
    ...options,
    endpoint,
    onDispose: () => {
      if (stores.get(key) === store) stores.delete(key);
    },
  });
  stores.set(key, store);
  return store;
}
