/** The fake's Hono app: `/v1/videos…` with auth, counters, faults and lazy webhooks in front. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { readBody, textField } from './body.js';
import { apiError, rateLimited, serverError } from './errors.js';
import { routeKey } from './route-key.js';
import { mountCreateRoutes } from './routes-create.js';
import { mountReadRoutes } from './routes-read.js';
import type { FakeState } from './state.js';

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** Masks a key as the API does in its 401 message (never echo a whole secret). */
function masked(key: string): string {
  return key.length <= 8 ? '****' : `${key.slice(0, 3)}${'*'.repeat(8)}${key.slice(-4)}`;
}

function authError(state: FakeState, c: Parameters<Parameters<Hono['use']>[1]>[0]): Response | undefined {
  // Azure OpenAI authenticates with `api-key`; OpenAI with a Bearer token. Accept either.
  const key = bearer(c.req.header('authorization')) ?? c.req.header('api-key');
  if (!key) {
    return apiError(
      c,
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    );
  }
  if (state.apiKey !== undefined && key !== state.apiKey) {
    return apiError(
      c,
      401,
      `Incorrect API key provided: ${masked(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      { code: 'invalid_api_key' },
    );
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the app serving `/v1/videos…` over `state`. */
export function createFakeApp(state: FakeState): Hono {
  const app = new Hono().basePath('/v1');

  // Browsers may call the fake directly (`dangerouslyAllowBrowser`): answer preflights before auth.
  app.use('*', cors({ origin: '*', exposeHeaders: ['x-request-id', 'retry-after', 'retry-after-ms'] }));

  app.use('*', async (c, next) => {
    const route = routeKey(c.req.method, c.req.path);
    state.counters.hit(route);
    // As the real API, every answer carries a request id (the SDK exposes it as `_request_id`).
    const requestId = state.newId('req');
    c.header('x-request-id', requestId);
    if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
    // Webhooks are due whenever the clock says so; any request is a chance to notice.
    void state.notifier.sweep(state.clock.now());
    const refused = authError(state, c);
    if (refused) return refused;
    const fault = state.faults.request(route);
    if (fault === 'server_error') return serverError(c);
    if (fault === 'rate_limit') return rateLimited(c, state.faults.retryAfterSeconds);
    await next();
    c.header('x-request-id', requestId);
  });

  mountCreateRoutes(app, state);
  mountReadRoutes(app, state);

  app.post('/videos/characters', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return apiError(c, 400, body.message);
    const name = textField(body.fields.name);
    if (!name)
      return apiError(c, 400, "Missing required parameter: 'name'.", {
        param: 'name',
        code: 'missing_required_parameter',
      });
    if (!(body.fields.video instanceof File)) {
      return apiError(c, 400, "Missing required parameter: 'video'.", {
        param: 'video',
        code: 'missing_required_parameter',
      });
    }
    const character = { id: state.newId('char'), name, created_at: Math.floor(state.clock.now() / 1000) };
    state.characters.set(character.id, character);
    return c.json(character);
  });

  app.notFound((c) => apiError(c, 404, `Invalid URL (${c.req.method} ${c.req.path})`));
  app.onError((error, c) =>
    apiError(c, 500, `The fake failed: ${error instanceof Error ? error.message : String(error)}`, {
      type: 'server_error',
    }),
  );
  return app;
}
