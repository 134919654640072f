/**
 * A test double of the JobStore interface with real signals: tests set the signals to put an
 * element in any state and read the recorded calls. Component tests only; the integration test
 * uses the real store.
 */
import {
  type Capabilities,
  type ConnectionState,
  type CreateVideoInput,
  computed,
  createSoraClient,
  type HistoryState,
  type Job,
  type JobStore,
  type MediaLink,
  type ReadonlySignal,
  type RemixVideoInput,
  type SoraApiError,
  signal,
  type Variant,
} from '@sora-kit/core';

/** One recorded call of the double. */
export interface Call {
  method: string;
  args: unknown[];
}

/** A job with sensible defaults. */
export function makeJob(overrides: Partial<Job> = {}): Job {
  const jobId = overrides.jobId ?? `job_${Math.random().toString(36).slice(2, 10)}`;
  return {
    jobId,
    status: 'completed',
    progress: 100,
    prompt: 'A paper boat drifting down a rainy street at dusk',
    model: 'sora-2',
    size: '1280x720',
    seconds: 4,
    provider: 'fake',
    hasReference: false,
    attempts: 1,
    createdAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
    ...(overrides.status === undefined || overrides.status === 'completed'
      ? {
          completedAt: '2026-11-24T10:01:00.000Z',
          asset: {
            contentType: 'video/mp4',
            bytes: 1000,
            width: 1280,
            height: 720,
            seconds: 4,
            variants: ['video', 'thumbnail', 'spritesheet'] as Variant[],
          },
        }
      : {}),
    ...overrides,
  };
}

/** Capabilities like the fake provider's, with prices so the cost shows. */
export const capabilities: Capabilities = {
  provider: 'fake',
  models: [
    {
      id: 'sora-2',
      sizes: ['1280x720', '720x1280'],
      seconds: [4, 8, 12],
      reference: true,
      remix: true,
      pricePerSecondUsd: { '1280x720': 0.1, '720x1280': 0.1 },
    },
    { id: 'sora-2-pro', sizes: ['1792x1024', '1024x1792'], seconds: [4, 8], reference: true, remix: true },
  ],
  limits: { maxPromptChars: 200, maxReferenceBytes: 1024 },
};

type Handler<A extends unknown[], R> = (...args: A) => Promise<R>;

/** The double: writable signals, recorded calls, replaceable behaviour. */
export function createFakeStore(init: { jobs?: Job[]; history?: HistoryState } = {}) {
  const jobs = signal<readonly Job[]>(init.jobs ?? []);
  const history = signal<HistoryState>(init.history ?? 'ready');
  const historyError = signal<SoraApiError | null>(null);
  const hasMore = signal(false);
  const connection = signal<ConnectionState>('idle');
  const caps = signal<Capabilities | null>(capabilities);
  const calls: Call[] = [];
  const cache = new Map<string, ReadonlySignal<Job | undefined>>();
  let holders = 0;
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args });

  const upsert = (job: Job) => {
    const rest = jobs.value.filter((j) => j.jobId !== job.jobId);
    const known = jobs.value.some((j) => j.jobId === job.jobId);
    jobs.value = known ? jobs.value.map((j) => (j.jobId === job.jobId ? job : j)) : [job, ...rest];
  };

  const behaviour = {
    create: (async (input) => makeJob({ prompt: input.prompt, status: 'queued', progress: 0 })) as Handler<
      [CreateVideoInput],
      Job
    >,
    remix: (async (jobId, input) =>
      makeJob({ prompt: input.prompt, status: 'queued', progress: 0, remixOf: jobId })) as Handler<
      [string, RemixVideoInput],
      Job
    >,
    remove: (async () => undefined) as Handler<[string], void>,
    retry: (async (jobId) => makeJob({ jobId, status: 'queued', progress: 0, attempts: 2 })) as Handler<
      [string],
      Job
    >,
    fetchJob: (async (jobId) => {
      throw new Error(`no job ${jobId}`);
    }) as Handler<[string], Job>,
    mediaLink: (async (jobId, options) => ({
      url: `/media/${jobId}/${options?.variant ?? 'video'}${options?.download ? '?download=1' : ''}`,
      expiresAt: '2026-11-24T11:00:00.000Z',
    })) as Handler<[string, { variant?: Variant; download?: boolean } | undefined], MediaLink>,
    load: (async () => undefined) as Handler<[], void>,
  };

  const store: JobStore = {
    endpoint: 'http://localhost/api/sora',
    client: createSoraClient({ endpoint: 'http://localhost/api/sora' }),
    jobs,
    history,
    historyError,
    hasMore,
    connection,
    capabilities: caps,
    job(jobId) {
      let cached = cache.get(jobId);
      if (!cached) {
        cached = computed(() => jobs.value.find((j) => j.jobId === jobId));
        cache.set(jobId, cached);
      }
      return cached;
    },
    async load() {
      record('load');
      return behaviour.load();
    },
    async loadMore() {
      record('loadMore');
    },
    async loadCapabilities() {
      record('loadCapabilities');
      if (!caps.value) throw new Error('no capabilities');
      return caps.value;
    },
    async fetchJob(jobId) {
      record('fetchJob', jobId);
      const job = await behaviour.fetchJob(jobId);
      upsert(job);
      return job;
    },
    async create(input) {
      record('create', input);
      const job = await behaviour.create(input);
      upsert(job);
      return job;
    },
    async retry(jobId) {
      record('retry', jobId);
      const job = await behaviour.retry(jobId);
      upsert(job);
      return job;
    },
    async remix(jobId, input) {
      record('remix', jobId, input);
      const job = await behaviour.remix(jobId, input);
      upsert(job);
      return job;
    },
    async remove(jobId) {
      record('remove', jobId);
      const before = jobs.value;
      jobs.value = before.filter((j) => j.jobId !== jobId);
      try {
        await behaviour.remove(jobId);
      } catch (error) {
        jobs.value = before;
        throw error;
      }
    },
    async mediaLink(jobId, options) {
      record('mediaLink', jobId, options);
      return behaviour.mediaLink(jobId, options);
    },
    retain() {
      holders += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
      };
    },
    dispose() {
      holders = 0;
    },
  };

  return {
    store,
    jobs,
    history,
    historyError,
    hasMore,
    connection,
    capabilities: caps,
    calls,
    behaviour,
    upsert,
    /** How many holders keep live updates running. */
    get holders() {
      return holders;
    },
    /** Calls of one method. */
    callsOf: (method: string) => calls.filter((c) => c.method === method),
  };
}

/** The double's type. */
export type FakeStore = ReturnType<typeof createFakeStore>;
