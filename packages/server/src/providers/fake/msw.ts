/** The fake as msw request handlers: Node tests (`setupServer`) and Storybook (`setupWorker`). */

import type { HttpHandler } from 'msw';
import { msw } from '#msw-peer';
import type { FakeOpenAI } from './fake.js';

/**
 * Handlers answering every request under `baseUrl` (default the real API's) with the fake, so an
 * ordinary `new OpenAI()` client reaches it without a `fetch` option.
 */
export function fakeOpenAIHandlers(
  fake: Pick<FakeOpenAI, 'fetch'>,
  baseUrl = 'https://api.openai.com/v1',
): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    msw().http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const below = url.href.slice(base.length);
      const target = `http://fake.local/v1${below}`;
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      return fake.fetch(target, {
        method: request.method,
        headers: request.headers,
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      });
    }),
  ];
}
