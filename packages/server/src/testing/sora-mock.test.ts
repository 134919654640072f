import type { Job, JobPage, MediaLink } from '@sora-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeMediaLoader } from '../providers/fake-kit/media.js';
import { ageFor, planSeed } from './seed-plan.js';
import { createSoraMock, type SoraMock } from './sora-mock.js';

const mocks: SoraMock[] = [];
function mock(options: Parameters<typeof createSoraMock>[0] = {}): SoraMock {
  const created = createSoraMock({ media: nodeMediaLoader(), ...options });
  mocks.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

describe('seed plan', () => {
  it('creates the oldest state first and the queued one last', () => {
    const { steps } = planSeed(
      [
        { prompt: 'q', state: 'queued' },
        { prompt: 'done', state: 'completed' },
        { prompt: 'half', state: { progress: 50 } },
      ],
      100_000,
    );
    expect(steps.map((step) => step.prompt)).toEqual(['done', 'half', 'q']);
    expect(steps.map((step) => step.advanceMs)).toEqual([0, 49_500, 50_500]);
  });

  it('adds the scenario token a failed state needs', () => {
    const { steps } = planSeed([{ prompt: 'a cat', state: 'moderation_blocked' }], 1000);
    expect(steps[0]?.prompt).toBe('a cat fake:moderation_blocked');
  });

  it('places a percentage inside its own span', () => {
    expect(ageFor({ progress: 99 }, 100_000)).toBe(99_500);
    expect(ageFor({ progress: 50 }, 100_000)).toBe(50_500);
  });
});

describe('createSoraMock', () => {
  it('seeds jobs that the API shows in exactly the asked states', async () => {
    const m = mock();
    const jobs = await m.seed([
      { prompt: 'A queued lighthouse', state: 'queued' },
      { prompt: 'A fox at half', state: { progress: 50 } },
      { prompt: 'Nearly there', state: { progress: 99 } },
      { prompt: 'A finished wave', state: 'completed' },
      { prompt: 'Refused', state: 'moderation_blocked' },
      { prompt: 'Broken', state: 'failed' },
    ]);
    expect(jobs.map((job) => (job.status === 'failed' ? [job.status] : [job.status, job.progress]))).toEqual([
      ['queued', 0],
      ['in_progress', 50],
      ['in_progress', 99],
      ['completed', 100],
      ['failed'],
      ['failed'],
    ]);
    expect(jobs[4]?.error).toMatchObject({ code: 'moderation_blocked', retryable: false });
    expect(jobs[5]?.error).toMatchObject({ code: 'upstream_failed', retryable: true });
    expect(jobs[3]?.asset?.contentType).toBe('video/mp4');
  });

  it('lists seeded jobs newest first, in the order they were given when ages tie', async () => {
    const m = mock();
    await m.seed([
      { prompt: 'first', state: 'completed' },
      { prompt: 'second', state: 'completed' },
      { prompt: 'third', state: 'queued' },
    ]);
    const page = (await (await m.request('/videos')).json()) as JobPage;
    expect(page.items.map((job) => job.prompt)).toEqual(['third', 'first', 'second']);
  });

  it('seeded jobs are created in the past, not in the future', async () => {
    const before = Date.now();
    const m = mock();
    const [job] = await m.seed([{ prompt: 'done', state: 'completed' }]);
    expect(Date.parse(job!.createdAt)).toBeLessThanOrEqual(before);
    expect(m.clock.now()).toBeGreaterThanOrEqual(before);
  });

  it('serves a completed job through a signed media link with the real bytes', async () => {
    const m = mock();
    const [job] = await m.seed([{ prompt: 'done', state: 'completed' }]);
    const link = (await (await m.request(`/videos/${job!.jobId}/media`)).json()) as MediaLink;
    // Links are relative to the page unless the handler has a publicUrl.
    expect(link.url.startsWith('/api/sora/media/')).toBe(true);
    const url = new URL(link.url, 'http://page.test');
    const bytes = await m.request(url.pathname.slice('/api/sora'.length) + url.search, {
      headers: { range: 'bytes=0-7' },
    });
    expect(bytes.status).toBe(206);
    // An MP4 starts with a box size then `ftyp`.
    expect(new TextDecoder().decode((await bytes.arrayBuffer()).slice(4, 8))).toBe('ftyp');
  });

  it('moves a job along when the clock advances', async () => {
    const m = mock({ generationSeconds: 10 });
    const [job] = await m.seed([{ prompt: 'go', state: 'queued' }]);
    await m.advance(5_000);
    const moved = (await (await m.request(`/videos/${job!.jobId}`)).json()) as Job;
    expect(moved.status).toBe('in_progress');
    expect(moved.progress).toBe(50);
  });

  it('refuses creates with 429 and Retry-After while rate limited', async () => {
    const m = mock();
    m.rateLimit(42);
    const response = await m.request('/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'too many' }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(await response.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('answers through msw handlers, and fails like a dead network when offline', async () => {
    const m = mock();
    await m.seed([{ prompt: 'one', state: 'completed' }]);
    const [handler] = m.handlers();
    const run = async () => {
      const request = new Request('http://localhost/api/sora/videos');
      const result = await handler!.run({ request, requestId: 'test' });
      return result?.response;
    };
    const online = await run();
    expect(((await online!.json()) as JobPage).items).toHaveLength(1);
    m.offline(true);
    expect((await run())?.type).toBe('error');
  });
});
