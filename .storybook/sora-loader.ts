/**
 * Gives every story its own in-memory sora-kit API (`createSoraMock`), seeded as the story's
 * `parameters.sora` says, on its own endpoint. A fresh endpoint per render keeps stories apart:
 * the elements share one job store per endpoint on a page, and a docs page shows many stories at
 * once.
 */
import { getStore } from '@sora-kit/core';
import { createSoraMock, type SeedJob, type SoraMock } from '@sora-kit/server/testing';
import type { SetupWorker } from 'msw/browser';

/** What a story asks of its API (`parameters.sora`). */
export interface SoraStoryParameters {
  /** Jobs to create first, in the states given (see `SeedJob`). */
  seed?: SeedJob[];
  /** New jobs progress by themselves (interactive stories); seeded ones then move on too. */
  live?: boolean;
  /** Every request fails like a dead network. */
  offline?: boolean;
  /** Requests that never answer (loading states): the history only, or every request. */
  stall?: 'history' | 'all';
  /** Creates are refused `429 rate_limited` with this many seconds to wait. */
  rateLimit?: number;
  /** Anything else to do with the mock before the story renders. */
  setup?: (mock: SoraMock) => Promise<void> | void;
}

/** What the loader hands the story (`context.loaded.sora`). */
export interface SoraLoaded {
  /** The endpoint to give the elements. */
  endpoint: string;
  /** The story's mock, e.g. to read a seeded job id. */
  mock: SoraMock;
  /** The seeded jobs, in `seed` order. */
  jobs: Awaited<ReturnType<SoraMock['seed']>>;
}

interface LoaderContext {
  parameters: { sora?: SoraStoryParameters };
}

// Numbers the endpoints of this preview page; a page reload starts again at 1, which is fine
// because every store and mock of the old page is gone with it.
let renders = 0;

/**
 * Storybook loader: builds and seeds the story's mock and routes its endpoint to it through the
 * page's msw worker (given by `worker`).
 */
export function createSoraLoader(worker: () => Promise<SetupWorker>) {
  return async (context: LoaderContext): Promise<{ sora?: SoraLoaded }> => {
    const spec = context.parameters.sora;
    if (!spec) return {};
    renders += 1;
    const endpoint = `/api/sora-${renders}`;
    const mock = createSoraMock({ base: endpoint, live: spec.live ?? false });
    const jobs = spec.seed ? await mock.seed(spec.seed) : [];
    await spec.setup?.(mock);
    if (spec.rateLimit !== undefined) mock.rateLimit(spec.rateLimit);
    mock.offline(spec.offline ?? false);
    mock.stall(spec.stall ?? false);
    (await worker()).use(...mock.handlers());
    return { sora: { endpoint, mock, jobs } };
  };
}

interface BeforeEachContext {
  loaded: { sora?: SoraLoaded };
}

/** Storybook beforeEach: when the story goes away, its store and its mock's poller go too. */
export function soraBeforeEach(context: BeforeEachContext): (() => void) | undefined {
  const loaded = context.loaded.sora;
  if (!loaded) return undefined;
  return () => {
    getStore(loaded.endpoint).dispose();
    void loaded.mock.close();
  };
}
