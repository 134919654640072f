/**
 * The ownership matrix: every route that takes a job id, called by another identity (another
 * cookie jar), answers 404 exactly like an unknown id, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JarClient, jarClient } from './support/client.js';
import { createHarness, type Harness } from './support/handler.js';

interface Route {
  name: string;
  call(client: JarClient, jobId: string): Promise<Response>;
}

const routes: Route[] = [
  { name: 'GET /videos/:jobId', call: (c, id) => c.request(`/videos/${id}`) },
  { name: 'GET /videos/:jobId/events', call: (c, id) => c.request(`/videos/${id}/events`) },
  { name: 'GET /videos/:jobId/media', call: (c, id) => c.request(`/videos/${id}/media?variant=video`) },
  {
    name: 'GET /videos/:jobId/media (thumbnail, download)',
    call: (c, id) => c.request(`/videos/${id}/media?variant=thumbnail&download=1`),
  },
  {
    name: 'POST /videos/:jobId/retry',
    call: (c, id) => c.request(`/videos/${id}/retry`, { method: 'POST' }),
  },
  {
    name: 'POST /videos/:jobId/remix',
    call: (c, id) => c.json(`/videos/${id}/remix`, { prompt: 'make it pink' }),
  },
  { name: 'DELETE /videos/:jobId', call: (c, id) => c.request(`/videos/${id}`, { method: 'DELETE' }) },
];

const UNKNOWN = 'job_01JD0000000000000000000000';

describe('a foreign job id answers 404 like an unknown one', () => {
  let h: Harness;
  let alice: JarClient;
  let bob: JarClient;
  const jobs: Record<'completed' | 'failed', string> = { completed: '', failed: '' };

  beforeAll(async () => {
    h = createHarness();
    alice = jarClient(h.app);
    bob = jarClient(h.app);
    const done = await (await alice.json('/videos', { prompt: 'a lighthouse at dusk' })).json();
    const failed = await (await alice.json('/videos', { prompt: 'fake:failed storm' })).json();
    await h.settle();
    jobs.completed = done.jobId;
    jobs.failed = failed.jobId;
    expect((await (await alice.request(`/videos/${jobs.completed}`)).json()).status).toBe('completed');
    expect((await (await alice.request(`/videos/${jobs.failed}`)).json()).status).toBe('failed');
    await bob.request('/capabilities'); // bob gets his own session
  });
  afterAll(() => h.close());

  for (const route of routes) {
    for (const state of ['completed', 'failed'] as const) {
      it(`${route.name} on someone else's ${state} job`, async () => {
        const before = { ...h.double.counters };
        const foreign = await route.call(bob, jobs[state]);
        const unknown = await route.call(bob, UNKNOWN);
        expect(foreign.status).toBe(404);
        expect(unknown.status).toBe(404);
        const body = await foreign.text();
        expect(body).toBe(await unknown.text());
        expect(JSON.parse(body)).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
        expect(body).not.toContain(jobs[state]);
        expect(foreign.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
        expect(h.double.counters).toEqual(before);
      });
    }
  }

  it("leaves the owner's jobs as they were", async () => {
    const done = await (await alice.request(`/videos/${jobs.completed}`)).json();
    const failed = await (await alice.request(`/videos/${jobs.failed}`)).json();
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    const page = await (await alice.request('/videos')).json();
    expect(page.items).toHaveLength(2);
  });

  it("never lists someone else's jobs", async () => {
    const page = await (await bob.request('/videos?limit=100')).json();
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it("the owner's routes do work (the matrix is not vacuous)", async () => {
    expect((await alice.request(`/videos/${jobs.completed}/media`)).status).toBe(200);
    expect((await alice.request(`/videos/${jobs.failed}/retry`, { method: 'POST' })).status).toBe(202);
  });
});
