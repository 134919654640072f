/**
 * The fake OpenRouter video API as a Hono app, mounted at `/api/v1` like the real one:
 * `POST /videos`, `GET /videos/{id}`, `GET /videos/{id}/content`, `GET /videos/models`.
 * Shapes, statuses and error envelopes follow the API reference and the `@openrouter/sdk` schemas.
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OpenRouterErrorBody, OpenRouterVideoModel } from '../openrouter-wire.js';
import { fakePrice } from './catalog.js';
import type { Clock } from './clock.js';
import type { FakeOpenRouterRoute, FaultQueue } from './faults.js';
import { type FakeBase, type FakeJob, jobView } from './jobs.js';
import type { FakeMediaSource } from './media.js';
import { scenarioOf } from './scenarios.js';
import { checkCreate } from './validate.js';

/** Calls served, by route, for assertions such as "the poller made one call". */
export interface FakeOpenRouterCounters {
  create: number;
  retrieve: number;
  content: number;
  models: number;
  /** Answers that were errors (401, 400, 402, 404, 409, 429, 5xx). */
  errors: number;
}

/** What the app reads and changes; owned by {@link createFakeOpenRouter}. */
export interface FakeOpenRouterState {
  clock: Clock;
  models: OpenRouterVideoModel[];
  jobs: Map<string, FakeJob>;
  counters: FakeOpenRouterCounters;
  faults: FaultQueue;
  media: FakeMediaSource;
  durationMs: number;
  apiKey: string | undefined;
  /** USD left; `undefined` for unlimited. */
  credits: number | undefined;
  /** 429s already answered per prompt for `fake:rate_limit`. */
  rateLimited: Map<string, number>;
  id: () => string;
}

/** The header the msw handlers use to tell the app its public base URL. */
export const FAKE_BASE_HEADER = 'x-fake-openrouter-base';

function fail(c: Context, state: FakeOpenRouterState, status: number, message: string, retryAfter?: number) {
  state.counters.errors += 1;
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  const body: OpenRouterErrorBody = { error: { code: status, message } };
  return c.json(body, status as ContentfulStatusCode);
}

function baseOf(c: Context): FakeBase {
  const told = c.req.header(FAKE_BASE_HEADER);
  const url = told ?? `${new URL(c.req.url).origin}/api/v1`;
  return { url: url.replace(/\/+$/, ''), path: new URL(url).pathname.replace(/\/+$/, '') };
}

function authorized(c: Context, state: FakeOpenRouterState): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match !== null && (state.apiKey === undefined || match[1] === state.apiKey);
}

/** Builds the app over a state. */
export function fakeOpenRouterApp(state: FakeOpenRouterState): Hono {
  const api = new Hono();

  // Faults and auth come first, as a real gateway answers them before any work.
  const guard =
    (route: FakeOpenRouterRoute, needsAuth: boolean) => async (c: Context, next: () => Promise<void>) => {
      state.counters[route] += 1;
      const fault = state.faults.take(route);
      if (fault) return fail(c, state, fault.status, fault.message, fault.retryAfter);
      if (needsAuth && !authorized(c, state)) return fail(c, state, 401, 'No auth credentials found');
      await next();
    };

  api.get('/videos/models', guard('models', false), (c) => c.json({ data: state.models }));

  api.post('/videos', guard('create', true), async (c) => {
    const raw = await c.req.json().catch(() => undefined);
    if (raw === undefined) return fail(c, state, 400, 'Request body must be JSON');
    const checked = checkCreate(raw, state.models);
    if (!checked.ok) return fail(c, state, 400, checked.message);
    const request = checked.value;
    const scenario = scenarioOf(request.prompt);
    if (scenario.rateLimit) {
      const seen = state.rateLimited.get(request.prompt) ?? 0;
      if (seen < 2) {
        state.rateLimited.set(request.prompt, seen + 1);
        return fail(c, state, 429, 'Rate limit exceeded. Please slow down.', 1);
      }
    }
    const cost =
      Math.round(fakePrice(request.model, request.size, request.resolution) * request.duration * 1e6) / 1e6;
    if (state.credits !== undefined && state.credits < cost) {
      return fail(
        c,
        state,
        402,
        'Insufficient credits. Add more using https://openrouter.ai/settings/credits',
      );
    }
    if (state.credits !== undefined) state.credits -= cost;
    const job: FakeJob = { id: state.id(), request, scenario, submittedAt: state.clock.now(), cost };
    state.jobs.set(job.id, job);
    const view = jobView(job, job.submittedAt, state.durationMs, baseOf(c));
    return c.json({ id: view.id, polling_url: view.polling_url, status: 'pending' }, 202);
  });

  api.get('/videos/:id', guard('retrieve', true), (c) => {
    const job = state.jobs.get(c.req.param('id') ?? '');
    if (!job) return fail(c, state, 404, 'Video generation job not found');
    return c.json(jobView(job, state.clock.now(), state.durationMs, baseOf(c)));
  });

  api.get('/videos/:id/content', guard('content', true), async (c) => {
    const job = state.jobs.get(c.req.param('id') ?? '');
    if (!job) return fail(c, state, 404, 'Video generation job not found');
    const view = jobView(job, state.clock.now(), state.durationMs, baseOf(c));
    if (view.status === 'expired') return fail(c, state, 410, 'The video has expired');
    if (view.status !== 'completed') return fail(c, state, 409, `Video generation is ${view.status}`);
    const index = Number(c.req.query('index') ?? '0');
    if (!Number.isInteger(index) || index !== 0) return fail(c, state, 404, `No output at index ${index}`);
    const bytes = await state.media(job.request.size, job.request.duration);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'video/mp4',
      'Content-Length': String(bytes.byteLength),
    });
  });

  const app = new Hono();
  app.route('/api/v1', api);
  app.notFound((c) => fail(c, state, 404, 'Not Found'));
  app.onError((_error, c) => fail(c, state, 500, 'Internal Server Error'));
  return app;
}
