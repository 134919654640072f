/** The fake as msw request handlers: Node tests (`setupServer`) and Storybook (`setupWorker`). */

import type { HttpHandler } from 'msw';
import { msw } from '#msw-peer';
import { FAKE_BASE_HEADER } from './app.js';

/**
 * Handlers answering every request under `baseUrl` (default the real API's) with the fake, so an
 * ordinary `new OpenRouter()` client or `openrouterProvider()` reaches it without a `fetch` option.
 * `polling_url` and `unsigned_urls` point back under `baseUrl`.
 */
export function fakeOpenRouterHandlers(
  fake: { fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response> },
  baseUrl = 'https://openrouter.ai/api/v1',
): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    msw().http.all(`${base}/*`, async ({ request }) => {
      const below = request.url.slice(base.length);
      const headers = new Headers(request.headers);
      headers.set(FAKE_BASE_HEADER, base);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      return fake.fetch(`http://fake-openrouter.local/api/v1${below}`, {
        method: request.method,
        headers,
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      });
    }),
  ];
}
