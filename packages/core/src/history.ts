/**
 * The store's history: the first page once, more pages by cursor, and the polling round that
 * keeps unfinished jobs fresh when no event stream is available.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals-core';
import type { SoraClient } from './client.js';
import { isTerminal } from './contract.js';
import { type SoraApiError, toApiError } from './errors.js';
import type { HistoryState } from './job-store.js';
import type { JobTable } from './job-table.js';
import type { LiveHandlers } from './live.js';

/** The history part of a store. */
export interface History {
  readonly history: ReadonlySignal<HistoryState>;
  readonly historyError: ReadonlySignal<SoraApiError | null>;
  readonly hasMore: ReadonlySignal<boolean>;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  /** One polling round; results go through `h` so a leading tab also broadcasts them. */
  refresh(h: Pick<LiveHandlers, 'onJob' | 'onDeleted'>, signal?: AbortSignal): Promise<void>;
}

/** Creates the history of a store over its job table. */
export function createHistory(client: SoraClient, table: JobTable, pageSize: number): History {
  const history = signal<HistoryState>('idle');
  const historyError = signal<SoraApiError | null>(null);
  const cursor = signal<string | null>(null);
  let loading: Promise<void> | undefined;
  let loadingMore: Promise<void> | undefined;

  async function fetchPage(after: string | null): Promise<void> {
    const page = await client.listVideos({ limit: pageSize, ...(after ? { cursor: after } : {}) });
    batch(() => {
      table.upsertMany(page.items);
      cursor.value = page.nextCursor;
    });
  }

  function load(): Promise<void> {
    if (loading) return loading;
    history.value = 'loading';
    historyError.value = null;
    loading = fetchPage(null).then(
      () => {
        history.value = 'ready';
      },
      (error: unknown) => {
        loading = undefined; // a failed load may be tried again
        batch(() => {
          history.value = 'error';
          historyError.value = toApiError(error);
        });
        throw error;
      },
    );
    return loading;
  }

  function loadMore(): Promise<void> {
    if (history.value !== 'ready' || loadingMore) return loadingMore ?? loading ?? load();
    if (cursor.value === null) return Promise.resolve();
    loadingMore = fetchPage(cursor.value).finally(() => {
      loadingMore = undefined;
    });
    loadingMore.catch((error: unknown) => {
      historyError.value = toApiError(error);
    });
    return loadingMore;
  }

  // The first page, then every unfinished job the page did not include.
  async function refresh(h: Pick<LiveHandlers, 'onJob' | 'onDeleted'>, abort?: AbortSignal): Promise<void> {
    const page = await client.listVideos({ limit: pageSize, signal: abort, retry: false });
    batch(() => {
      for (const job of page.items) h.onJob(job);
      if (history.value === 'idle') {
        cursor.value = page.nextCursor;
        history.value = 'ready';
      }
    });
    const seen = new Set(page.items.map((job) => job.jobId));
    const unfinished = table
      .all()
      .filter((job) => !seen.has(job.jobId) && !table.isPending(job.jobId) && !isTerminal(job.status));
    for (const job of unfinished) {
      try {
        h.onJob(await client.getVideo(job.jobId, { signal: abort, retry: false }));
      } catch (error) {
        if (toApiError(error)?.status === 404) h.onDeleted(job.jobId);
        else throw error;
      }
    }
  }

  return { history, historyError, hasMore: computed(() => cursor.value !== null), load, loadMore, refresh };
}
