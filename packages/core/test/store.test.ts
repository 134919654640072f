import { effect } from '@preact/signals-core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../src/contract.js';
import { createJobStore, getStore, SoraApiError } from '../src/index.js';
import { API, envelope, makeJob } from './fixtures.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const newStore = (now?: () => number) => createJobStore({ endpoint: API, pageSize: 2, crossTab: false, now });
const ids = (jobs: readonly Job[]) => jobs.map((j) => j.jobId);

/** A response the test releases when it wants, to observe the store in between. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('create', () => {
  it('adds the job only once the server has accepted it: no placeholder while it answers', async () => {
    const store = newStore();
    const serverJob = makeJob({ prompt: 'boat' });
    const g = gate();
    server.use(
      http.post(`${API}/videos`, async () => {
        await g.opened;
        return HttpResponse.json(serverJob, { status: 202 });
      }),
    );
    const created = store.create({ prompt: 'boat', model: 'sora-2' });
    expect(store.jobs.value).toEqual([]);
    g.open();
    await expect(created).resolves.toEqual(serverJob);
    expect(store.jobs.value).toEqual([serverJob]);
  });

  it('adds nothing and rethrows when the server refuses', async () => {
    const store = newStore();
    server.use(
      http.post(`${API}/videos`, () =>
        HttpResponse.json(envelope('invalid_request', 'too long'), { status: 400 }),
      ),
    );
    const error = await store.create({ prompt: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SoraApiError);
    expect(error).toMatchObject({ code: 'invalid_request' });
    expect(store.jobs.value).toEqual([]);
  });
});

describe('remove', () => {
  async function storeWith(jobs: Job[]) {
    server.use(http.get(`${API}/videos`, () => HttpResponse.json({ items: jobs, nextCursor: null })));
    const store = newStore();
    await store.load();
    return store;
  }

  it('disappears at once and stays gone when the server agrees', async () => {
    const [a, b] = [makeJob(), makeJob()] as [Job, Job];
    const store = await storeWith([b, a]);
    const g = gate();
    server.use(
      http.delete(`${API}/videos/:id`, async () => {
        await g.opened;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const removing = store.remove(a.jobId);
    expect(ids(store.jobs.value)).toEqual([b.jobId]);
    g.open();
    await removing;
    expect(ids(store.jobs.value)).toEqual([b.jobId]);
    // A stale page that still lists it cannot bring it back.
    server.use(http.get(`${API}/videos/:id`, () => HttpResponse.json(a)));
    await store.fetchJob(a.jobId);
    expect(ids(store.jobs.value)).toEqual([b.jobId]);
  });

  it('comes back when the server refuses, and the error is rethrown', async () => {
    const [a, b] = [makeJob(), makeJob()] as [Job, Job];
    const store = await storeWith([b, a]);
    server.use(
      http.delete(`${API}/videos/:id`, () =>
        HttpResponse.json(envelope('internal', 'boom'), { status: 500 }),
      ),
    );
    await expect(store.remove(a.jobId)).rejects.toMatchObject({ status: 500 });
    expect(ids(store.jobs.value)).toEqual([b.jobId, a.jobId]);
  });

  it('a job already gone on the server (404) counts as removed', async () => {
    const a = makeJob();
    const store = await storeWith([a]);
    server.use(
      http.delete(`${API}/videos/:id`, () => HttpResponse.json(envelope('not_found', 'no'), { status: 404 })),
    );
    await store.remove(a.jobId);
    expect(store.jobs.value).toEqual([]);
  });
});

describe('history', () => {
  it('loads pages newest first until there are no more', async () => {
    const all = [makeJob(), makeJob(), makeJob(), makeJob(), makeJob()].reverse();
    server.use(
      http.get(`${API}/videos`, ({ request }) => {
        const url = new URL(request.url);
        const start = Number(url.searchParams.get('cursor') ?? 0);
        const limit = Number(url.searchParams.get('limit'));
        const end = start + limit;
        return HttpResponse.json({
          items: all.slice(start, end),
          nextCursor: end < all.length ? String(end) : null,
        });
      }),
    );
    const store = newStore();
    expect(store.history.value).toBe('idle');
    const first = store.load();
    expect(store.history.value).toBe('loading');
    expect(store.load()).toBe(first);
    await first;
    expect(store.history.value).toBe('ready');
    expect(ids(store.jobs.value)).toEqual(ids(all.slice(0, 2)));
    expect(store.hasMore.value).toBe(true);
    await store.loadMore();
    await store.loadMore();
    expect(ids(store.jobs.value)).toEqual(ids(all));
    expect(store.hasMore.value).toBe(false);
    await store.loadMore();
    expect(store.jobs.value).toHaveLength(5);
  });

  it('a failed load shows the error state and can be tried again', async () => {
    server.use(
      http.get(`${API}/videos`, () =>
        HttpResponse.json(envelope('unauthorized', 'sign in'), { status: 401 }),
      ),
    );
    const store = newStore();
    await expect(store.load()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(store.history.value).toBe('error');
    expect(store.historyError.value?.code).toBe('unauthorized');
    server.use(http.get(`${API}/videos`, () => HttpResponse.json({ items: [makeJob()], nextCursor: null })));
    await store.load();
    expect(store.history.value).toBe('ready');
    expect(store.historyError.value).toBeNull();
    expect(store.jobs.value).toHaveLength(1);
  });
});

describe('per-job signals', () => {
  it('job(id) is one cached signal that follows the job and ignores stale copies', async () => {
    const store = newStore();
    const job = makeJob({ status: 'in_progress', progress: 10 });
    const seen: (number | undefined)[] = [];
    const signal = store.job(job.jobId);
    expect(store.job(job.jobId)).toBe(signal);
    const stop = effect(() => {
      seen.push(signal.value?.progress);
    });
    const later = {
      ...job,
      progress: 60,
      updatedAt: new Date(Date.parse(job.updatedAt) + 5000).toISOString(),
    };
    server.use(http.get(`${API}/videos/:id`, () => HttpResponse.json(later)));
    await store.fetchJob(job.jobId);
    server.use(http.get(`${API}/videos/:id`, () => HttpResponse.json(job)));
    await store.fetchJob(job.jobId);
    stop();
    expect(seen).toEqual([undefined, 60]);
    expect(store.job(job.jobId).value?.progress).toBe(60);
  });

  it('retry and remix update the store', async () => {
    const failed = makeJob({
      status: 'failed',
      error: { code: 'upstream_failed', message: 'x', retryable: true },
    });
    const done = makeJob({ status: 'completed', progress: 100 });
    const remix = makeJob({ remixOf: done.jobId });
    server.use(
      http.get(`${API}/videos`, () => HttpResponse.json({ items: [done, failed], nextCursor: null })),
      http.post(`${API}/videos/:id/retry`, () =>
        HttpResponse.json({ ...failed, status: 'queued', error: undefined, attempts: 2 }, { status: 202 }),
      ),
      http.post(`${API}/videos/:id/remix`, () => HttpResponse.json(remix, { status: 202 })),
    );
    const store = newStore();
    await store.load();
    await store.retry(failed.jobId);
    expect(store.job(failed.jobId).value).toMatchObject({ status: 'queued', attempts: 2 });
    await store.remix(done.jobId, { prompt: 'at night' });
    expect(store.jobs.value[0]?.jobId).toBe(remix.jobId);
  });
});

describe('media links', () => {
  it('are cached per job, variant and download, renewed before expiry, and forgotten on delete', async () => {
    let clock = Date.parse('2026-11-24T12:00:00Z');
    const requests: string[] = [];
    let n = 0;
    server.use(
      http.get(`${API}/videos/:id/media`, ({ request, params }) => {
        requests.push(`${params.id}${new URL(request.url).search}`);
        n += 1;
        return HttpResponse.json({
          url: `${API}/media/${n}`,
          expiresAt: new Date(clock + 15 * 60_000).toISOString(),
        });
      }),
      http.delete(`${API}/videos/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const store = newStore(() => clock);
    const first = await store.mediaLink('job_1');
    expect(await store.mediaLink('job_1', { variant: 'video' })).toEqual(first);
    await store.mediaLink('job_1', { variant: 'thumbnail' });
    await store.mediaLink('job_1', { download: true });
    expect(requests).toHaveLength(3);

    clock += 13 * 60_000; // 2 minutes left: still good
    expect(await store.mediaLink('job_1')).toEqual(first);
    clock += 61_000; // under a minute left: renewed
    const renewed = await store.mediaLink('job_1');
    expect(renewed.url).not.toBe(first.url);
    expect(requests).toHaveLength(4);

    const forced = await store.mediaLink('job_1', { fresh: true });
    expect(forced.url).not.toBe(renewed.url);
    expect(await store.mediaLink('job_1')).toEqual(forced);
    expect(requests).toHaveLength(5);

    await store.remove('job_1');
    await store.mediaLink('job_1', { variant: 'thumbnail' });
    expect(requests).toHaveLength(6);
  });

  it('a failed link request is not cached', async () => {
    let fail = true;
    server.use(
      http.get(`${API}/videos/:id/media`, () =>
        fail
          ? HttpResponse.json(envelope('not_ready', 'not yet'), { status: 409 })
          : HttpResponse.json({ url: `${API}/m`, expiresAt: '2099-01-01T00:00:00Z' }),
      ),
    );
    const store = newStore();
    await expect(store.mediaLink('job_1')).rejects.toMatchObject({ code: 'not_ready' });
    fail = false;
    await expect(store.mediaLink('job_1')).resolves.toMatchObject({ url: `${API}/m` });
  });
});

describe('capabilities', () => {
  it('are fetched once and published as a signal; a failure is not kept', async () => {
    let calls = 0;
    const caps = { provider: 'fake', models: [], limits: { maxPromptChars: 100, maxReferenceBytes: 10 } };
    server.use(
      http.get(`${API}/capabilities`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(envelope('unauthorized', 'sign in'), { status: 401 })
          : HttpResponse.json(caps);
      }),
    );
    const store = newStore();
    await expect(store.loadCapabilities()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(store.capabilities.value).toBeNull();
    await expect(store.loadCapabilities()).resolves.toEqual(caps);
    await store.loadCapabilities();
    expect(store.capabilities.value).toEqual(caps);
    expect(calls).toBe(2);
  });
});

describe('getStore', () => {
  it('returns one store per endpoint until it is disposed', () => {
    const a = getStore(API, { crossTab: false });
    expect(getStore(`${API}/`)).toBe(a);
    expect(getStore('http://other.test/api/sora', { crossTab: false })).not.toBe(a);
    a.dispose();
    expect(getStore(API, { crossTab: false })).not.toBe(a);
  });
});
