/**
 * `createSoraMock()`: the sora-kit HTTP API in the browser, for Storybook and component tests.
 * It is not a re-implementation: it runs the real `createSoraHandler` with in-memory storage and
 * blobs, over the real OpenAI adapter talking to the fake OpenAI, and exposes it as msw handlers
 * for `<base>/*`. Helpers seed jobs in any state deterministically on the fake's clock.
 */
import type { CreateVideoInput, Job } from '@sora-kit/core';
import { Hono } from 'hono';
import type { HttpHandler } from 'msw';
import OpenAI from 'openai';
import { createStorage } from 'unstorage';
import { msw } from '#msw-peer';
import { createSoraHandler, type SoraHandler } from '../handler.js';
import type { AdmissionControl } from '../limits/types.js';
import { createBareFakeOpenAI, type FakeOpenAI } from '../providers/fake/fake.js';
import { createFakeClock, type FakeClock } from '../providers/fake-kit/clock.js';
import type { FakeMediaLoader } from '../providers/fake-kit/media.js';
import { urlMediaLoader } from '../providers/fake-kit/media-url.js';
import { openaiProvider } from '../providers/openai.js';
import { memoryBlobs } from './memory-blobs.js';
import { planSeed, type SeedJob } from './seed-plan.js';

/** Options of {@link createSoraMock}. */
export interface SoraMockOptions {
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
export interface SoraMock {
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

const SECRET = 'storybook-only-secret-never-used-for-real-data-0123456789';

/** A test double of admission control whose refusal can be switched on and off. */
function switchableAdmission(): AdmissionControl & { refuseFor: number | false } {
  const control = {
    refuseFor: false as number | false,
    async admit() {
      if (control.refuseFor === false) return { ok: true as const, reservation: 'storybook' };
      return {
        ok: false as const,
        code: 'rate_limited' as const,
        message: 'Too many videos in a short time.',
        retryAfterSeconds: control.refuseFor,
      };
    },
    async settle() {},
  };
  return control;
}

function defaultMediaLoader(options: SoraMockOptions): FakeMediaLoader {
  if (options.media) return options.media;
  const origin = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  return urlMediaLoader(new URL(options.mediaBaseUrl ?? '/sora-kit-media/', origin));
}

function buildHandler(fake: FakeOpenAI, admission: AdmissionControl, identity: string): SoraHandler {
  // `dangerouslyAllowBrowser`: the key is a placeholder and the "API" is the in-page fake.
  const client = new OpenAI({
    apiKey: 'sk-fake-storybook',
    baseURL: 'http://fake.local/v1',
    fetch: fake.fetch,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
  });
  return createSoraHandler({
    provider: openaiProvider({ client, name: 'fake' }),
    secret: SECRET,
    storage: createStorage(),
    blobs: memoryBlobs({ now: () => new Date(fake.clock.now()) }),
    auth: () => ({ id: identity }),
    limits: admission,
    logger: false,
    now: () => new Date(fake.clock.now()),
    // Every unfinished job is due at every read, so a moved clock shows at once.
    polling: { minDelayMs: 0, maxDelayMs: 0, leaseSettleMs: 0, tickMs: 250 },
  });
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
export function createSoraMock(options: SoraMockOptions = {}): SoraMock {
  const base = (options.base ?? '/api/sora').replace(/\/+$/, '');
  const live = options.live ?? false;
  const generationSeconds = options.generationSeconds ?? (live ? 12 : 120);
  // A frozen clock starts at the wall time; `seed()` sets it back by the seeded span so the
  // seeded jobs end up created "just now" rather than in the future.
  const origin = Date.now();
  let setBack = 0;
  const clock = createFakeClock(live ? () => Date.now() - setBack : () => origin - setBack);
  const fake = createBareFakeOpenAI({ clock, generationSeconds, media: defaultMediaLoader(options) });
  const admission = switchableAdmission();
  const handler = buildHandler(fake, admission, options.identity ?? 'storybook');
  const app = new Hono().route(base, handler);
  const flags: { offline: boolean; stall: 'history' | 'all' | false } = { offline: false, stall: false };
  if (live) handler.startPolling();

  const request = (path: string, init?: RequestInit) =>
    Promise.resolve(app.fetch(new Request(new URL(`${base}${path}`, 'http://localhost'), init)));

  const create = async (input: CreateVideoInput | string): Promise<Job> => {
    const body = typeof input === 'string' ? { prompt: input } : input;
    const response = await request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 202) throw new Error(`createSoraMock: create answered ${response.status}`);
    return (await response.json()) as Job;
  };

  const readJob = async (jobId: string): Promise<Job> =>
    (await (await request(`/videos/${jobId}`)).json()) as Job;

  return {
    base,
    handler,
    fake,
    clock: fake.clock,
    request,
    create,
    handlers: () => {
      const { delay, HttpResponse, http } = msw();
      // Any origin: the page's in Storybook, whatever a test uses in Node.
      return [
        http.all(`*${base}/*`, async ({ request: incoming }) => {
          if (flags.offline) return HttpResponse.error();
          const url = new URL(incoming.url);
          const isHistory = incoming.method === 'GET' && url.pathname === `${base}/videos`;
          if (flags.stall === 'all' || (flags.stall === 'history' && isHistory)) await delay('infinite');
          return app.fetch(incoming);
        }),
      ];
    },
    async seed(jobs) {
      const { steps, finalAdvanceMs, totalMs } = planSeed(jobs, generationSeconds * 1000);
      setBack += totalMs;
      const created = new Map<number, Job>();
      for (const step of steps) {
        if (step.advanceMs > 0) clock.advance(step.advanceMs);
        const job = jobs[step.index]!;
        const { prompt: _, state: __, ...rest } = job;
        created.set(step.index, await create({ ...rest, prompt: step.prompt }));
      }
      if (finalAdvanceMs > 0) clock.advance(finalAdvanceMs);
      await handler.pollOnce();
      return Promise.all(jobs.map((_, index) => readJob(created.get(index)!.jobId)));
    },
    async advance(ms) {
      await fake.advance(ms);
      await handler.pollOnce();
    },
    rateLimit(retryAfterSeconds) {
      admission.refuseFor = retryAfterSeconds;
    },
    offline(on) {
      flags.offline = on;
    },
    stall(what) {
      flags.stall = what;
    },
    close: () => handler.close(),
  };
}
