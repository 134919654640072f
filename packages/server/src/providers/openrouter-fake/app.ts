/**
 * The fake OpenRouter video API as a Hono app, mounted at `/api/v1` like the real one:
 * `POST /videos`, `GET /videos/{id}`, `GET /videos/{id}/content`, `GET /videos/models`, with
 * counters, faults, auth and lazy webhooks in front. Shapes, statuses and error envelopes follow
 * the API reference and the `@openrouter/sdk` schemas.
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FakeClock } from '../fake-kit/clock.js';
import type { CounterSink } from '../fake-kit/counters.js';
import { cutStream, type FaultInjector } from '../fake-kit/faults.js';
import { clipForPrompt, type FakeMediaLoader } from '../fake-kit/media.js';
import type { OpenRouterErrorBody, OpenRouterVideoModel } from '../openrouter-wire.js';
import { fakePrice } from './catalog.js';
import type { ScriptedFaults } from './faults.js';
import { type FakeBase, type FakeJob, jobView } from './jobs.js';
import { scenarioOf } from './scenarios.js';
import { checkCreate } from './validate.js';

/** Everything one fake instance keeps (nothing is module-level). */
export interface FakeOpenRouterState {
  clock: FakeClock;
  models: OpenRouterVideoModel[];
  jobs: Map<string, FakeJob>;
  counters: CounterSink;
  faults: FaultInjector;
  scripted: ScriptedFaults;
  media: FakeMediaLoader;
  /** The default loader has no `@sora-kit/sample-media` to read: every job fails early. */
  mediaMissing: boolean;
  generationMs: number;
  apiKey?: string;
  /** USD left; `undefined` for unlimited. */
  credits: number | undefined;
  /** 429s already answered per prompt for `fake:rate_limit`. */
  rateLimitHits: Map<string, number>;
  newId(prefix: string): string;
  /** Called on every request: webhooks fall due with the clock, and any request may notice. */
  onRequest(): void;
}

/** The header the msw handlers use to tell the app its public base URL. */
export const FAKE_BASE_HEADER = 'x-fake-openrouter-base';

const INSUFFICIENT_CREDITS = 'Insufficient credits. Add more using https://openrouter.ai/settings/credits';

function fail(c: Context, status: number, message: string, retryAfterSeconds?: number) {
  if (retryAfterSeconds !== undefined) c.header('Retry-After', String(retryAfterSeconds));
  const body: OpenRouterErrorBody = { error: { code: status, message } };
  return c.json(body, status as ContentfulStatusCode);
}

function baseOf(c: Context): FakeBase {
  const told = c.req.header(FAKE_BASE_HEADER);
  const url = (told ?? `${new URL(c.req.url).origin}/api/v1`).replace(/\/+$/, '');
  return { url, path: new URL(url).pathname };
}

/** The counter key, in the OpenAI fake's style: `"GET /videos/:id"`. */
function routeKey(method: string, path: string): string {
  const below = path.replace(/^\/api\/v1/, '').replace(/\/+$/, '');
  const route =
    below === '/videos' || below === '/videos/models'
      ? below
      : /^\/videos\/[^/]+\/content$/.test(below)
        ? '/videos/:id/content'
        : /^\/videos\/[^/]+$/.test(below)
          ? '/videos/:id'
          : below || '/';
  return `${method.toUpperCase()} ${route}`;
}

function authorized(c: Context, state: FakeOpenRouterState): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match !== null && (state.apiKey === undefined || match[1] === state.apiKey);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mountCreate(api: Hono, state: FakeOpenRouterState): void {
  api.post('/videos', async (c) => {
    const raw = await c.req.json().catch(() => undefined);
    if (raw === undefined) return fail(c, 400, 'Request body must be JSON');
    const checked = checkCreate(raw, state.models);
    if (!checked.ok) return fail(c, 400, checked.message);
    const request = checked.value;
    const asked = scenarioOf(request.prompt);
    const scenario = state.mediaMissing ? { ...asked, outcome: 'media_missing' as const } : asked;
    if (scenario.rateLimit) {
      const seen = state.rateLimitHits.get(request.prompt) ?? 0;
      if (seen < 2) {
        state.rateLimitHits.set(request.prompt, seen + 1);
        return fail(c, 429, 'Rate limit exceeded. Please slow down.', 1);
      }
    }
    const usd = fakePrice(request.model, request.size, request.resolution) * request.duration;
    const cost = Math.round(usd * 1e6) / 1e6;
    if (state.credits !== undefined && state.credits < cost) return fail(c, 402, INSUFFICIENT_CREDITS);
    if (state.credits !== undefined) state.credits -= cost;
    const job: FakeJob = { id: state.newId('job'), request, scenario, submittedAt: state.clock.now(), cost };
    state.jobs.set(job.id, job);
    const view = jobView(job, job.submittedAt, state.generationMs, baseOf(c));
    return c.json({ id: view.id, polling_url: view.polling_url, status: 'pending' }, 202);
  });
}

function mountRead(api: Hono, state: FakeOpenRouterState): void {
  api.get('/videos/models', (c) => c.json({ data: state.models }));

  api.get('/videos/:id', (c) => {
    const job = state.jobs.get(c.req.param('id'));
    if (!job) return fail(c, 404, 'Video generation job not found');
    return c.json(jobView(job, state.clock.now(), state.generationMs, baseOf(c)));
  });

  api.get('/videos/:id/content', async (c) => {
    const job = state.jobs.get(c.req.param('id'));
    if (!job) return fail(c, 404, 'Video generation job not found');
    const view = jobView(job, state.clock.now(), state.generationMs, baseOf(c));
    if (view.status === 'expired') return fail(c, 410, 'The video has expired');
    if (view.status !== 'completed') return fail(c, 409, `Video generation is ${view.status}`);
    const index = c.req.query('index') ?? '0';
    if (index !== '0') return fail(c, 404, `No output at index ${index}`);
    const loaded = await state.media(
      'video',
      job.request.size,
      job.request.duration,
      clipForPrompt(job.request.prompt),
    );
    const bytes =
      loaded instanceof Uint8Array ? loaded : new Uint8Array(await new Response(loaded).arrayBuffer());
    const body = state.faults.cutDownload() ? cutStream(bytes) : (bytes as Uint8Array<ArrayBuffer>);
    return c.body(body, 200, { 'Content-Type': 'video/mp4', 'Content-Length': String(bytes.byteLength) });
  });
}

/** Builds the app serving `/api/v1/videos…` over `state`. */
export function createFakeOpenRouterApp(state: FakeOpenRouterState): Hono {
  const api = new Hono();

  // Faults and auth come first, as a real gateway answers them before any work.
  api.use('*', async (c, next) => {
    state.counters.hit(routeKey(c.req.method, c.req.path));
    if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
    state.onRequest();
    const scripted = state.scripted.take(routeKey(c.req.method, c.req.path));
    if (scripted) return fail(c, scripted.status, scripted.message, scripted.retryAfterSeconds);
    const isModels = c.req.path.endsWith('/videos/models');
    if (!isModels && !authorized(c, state)) return fail(c, 401, 'No auth credentials found');
    const fault = state.faults.request(routeKey(c.req.method, c.req.path));
    if (fault === 'server_error') return fail(c, 500, 'Internal Server Error');
    if (fault === 'rate_limit')
      return fail(c, 429, 'Rate limit exceeded. Please slow down.', state.faults.retryAfterSeconds);
    await next();
  });
  mountRead(api, state);
  mountCreate(api, state);

  const app = new Hono();
  app.route('/api/v1', api);
  app.notFound((c) => fail(c, 404, 'Not Found'));
  app.onError((_error, c) => fail(c, 500, 'Internal Server Error'));
  return app;
}
