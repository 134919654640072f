/**
 * The live job store's public shape. One store per endpoint is shared by every element and script
 * on a page (`getStore(endpoint)`); elements read its signals and call its actions.
 */
import type { ReadonlySignal } from '@preact/signals-core';
import type { SoraClient } from './client.js';
import type { Capabilities, CreateVideoInput, Job, MediaLink, RemixVideoInput, Variant } from './contract.js';
import type { SoraApiError } from './errors.js';

/** How the store currently hears about changes. */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'polling' | 'offline';

/** Loading state of the history. */
export type HistoryState = 'idle' | 'loading' | 'ready' | 'error';

/** The live job store of one endpoint (see `getStore`). */
export interface JobStore {
  /** The absolute endpoint this store talks to. */
  readonly endpoint: string;
  /** The client it uses, for calls the store does not wrap. */
  readonly client: SoraClient;
  /** The loaded history plus live inserts, newest first. */
  readonly jobs: ReadonlySignal<readonly Job[]>;
  /** Whether the first page of history is loading, loaded or failed. */
  readonly history: ReadonlySignal<HistoryState>;
  /** The last error of a history load, for the list's error state. */
  readonly historyError: ReadonlySignal<SoraApiError | null>;
  /** Whether `loadMore()` has older jobs to fetch. */
  readonly hasMore: ReadonlySignal<boolean>;
  /** How live updates arrive right now; `idle` while nothing `retain()`s the store. */
  readonly connection: ReadonlySignal<ConnectionState>;
  /** The provider's models and limits once `loadCapabilities()` resolved. */
  readonly capabilities: ReadonlySignal<Capabilities | null>;
  /** A computed signal for one job, cached per id; `undefined` while unknown. */
  job(jobId: string): ReadonlySignal<Job | undefined>;
  /** Loads the first page once (later calls return the same promise). */
  load(): Promise<void>;
  /** Loads the next (older) page; loads the first one if that never happened. */
  loadMore(): Promise<void>;
  /** Fetches the capabilities once (a failure may be tried again). */
  loadCapabilities(): Promise<Capabilities>;
  /** Fetches one job (e.g. a player given a job-id not in the loaded history). */
  fetchJob(jobId: string): Promise<Job>;
  /** Creates a job: it joins the list once the server has accepted it (a refusal adds nothing). */
  create(input: CreateVideoInput, options?: { signal?: AbortSignal }): Promise<Job>;
  /** Retries a failed job; the store shows it queued again. */
  retry(jobId: string): Promise<Job>;
  /** Remixes a completed job; the new job joins the list. */
  remix(jobId: string, input: RemixVideoInput): Promise<Job>;
  /** Removes at once (optimistic), restored on error. */
  remove(jobId: string): Promise<void>;
  /**
   * A signed link, cached and renewed shortly before it expires. `fresh: true` skips the cache
   * (the media element refused the link, e.g. because of clock skew) and caches the new one.
   */
  mediaLink(
    jobId: string,
    options?: { variant?: Variant; download?: boolean; fresh?: boolean },
  ): Promise<MediaLink>;
  /**
   * Keeps live updates running while anything holds the store; returns the release function.
   * The connection closes when the last holder releases (an element removed from the page).
   */
  retain(): () => void;
  /** Closes connections and timers and forgets the store. */
  dispose(): void;
}
