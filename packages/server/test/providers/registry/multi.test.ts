/**
 * Several providers in one `createSoraHandler`: the OpenAI fake and the OpenRouter fake side by
 * side; each job goes to the provider of its model and stays with it for every later call.
 */
import type { Capabilities, Job } from '@sora-kit/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createSoraHandler } from '../../../src/handler.js';
import type { Harness } from '../../support/harness.js';
import { twoProviderHost } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe('one handler, two providers', () => {
  test('capabilities list both providers’ models, each tagged with its provider', async () => {
    const host = await twoProviderHost();
    h = host.h;
    const caps = (await host.user.json<Capabilities>('/capabilities')).body;
    expect(caps.provider).toBe('fake');
    const ids = caps.models.map((m) => [m.id, m.provider]);
    expect(ids).toContainEqual(['sora-2', 'fake']);
    expect(ids).toContainEqual(['google/veo-3.1', 'openrouter']);
    // The first provider's models come first: a request without a model gets the default's.
    expect(caps.models[0]?.provider).toBe('fake');
  });

  test('a model id chooses the provider; refresh, copy and delete stay with the job’s provider', async () => {
    const host = await twoProviderHost();
    h = host.h;
    const { user, openai, openrouterFake } = host;

    const routed = (await user.post('/videos', { prompt: 'Veo fox', model: 'google/veo-3.1', seconds: 4 }))
      .body as Job;
    expect(routed).toMatchObject({ provider: 'openrouter', model: 'google/veo-3.1' });
    expect(openrouterFake.counters.get('POST /videos')).toBe(1);
    expect(openai.fake.counters.get('POST /videos')).toBe(0);

    const plain = (await user.post('/videos', { prompt: 'Default fox' })).body as Job;
    expect(plain.provider).toBe('fake');
    expect(openai.fake.counters.get('POST /videos')).toBe(1);
    expect(openrouterFake.counters.get('POST /videos')).toBe(1);

    await h.run(25_000);
    for (const job of [routed, plain]) {
      expect((await user.json<Job>(`/videos/${job.jobId}`)).body.status).toBe('completed');
    }
    // Each provider was polled and downloaded from only for its own job.
    expect(openrouterFake.counters.get('GET /videos/:id/content')).toBe(1);
    expect(openai.fake.counters.get('GET /videos/:id/content')).toBeGreaterThanOrEqual(1);
    expect(openrouterFake.jobs()).toHaveLength(1);

    const openaiDeletes = openai.fake.counters.get('DELETE /videos/:id');
    expect((await user.fetch(`/videos/${plain.jobId}`, { method: 'DELETE' })).status).toBe(204);
    expect(openai.fake.counters.get('DELETE /videos/:id')).toBe(openaiDeletes + 1);
    expect(openrouterFake.counters.get('DELETE /videos/:id')).toBe(0);
  });

  test('a remix and a retry go to the job’s provider, not the default one', async () => {
    const host = await twoProviderHost({ openrouterFirst: true });
    h = host.h;
    const { user, openai, openrouterFake } = host;
    expect((await user.json<Capabilities>('/capabilities')).body.provider).toBe('openrouter');

    const source = (await user.post('/videos', { prompt: 'Sora fox', model: 'sora-2', seconds: 4 }))
      .body as Job;
    expect(source.provider).toBe('fake');
    await h.run(12_000);
    expect((await user.json<Job>(`/videos/${source.jobId}`)).body.status).toBe('completed');

    const remix = await user.post(`/videos/${source.jobId}/remix`, { prompt: 'now at night' });
    expect(remix.status).toBe(202);
    expect(remix.body).toMatchObject({ provider: 'fake', remixOf: source.jobId });
    expect(openai.fake.counters.get('POST /videos/:id/remix')).toBe(1);

    const refused = (
      await user.post('/videos', { prompt: 'Sora fox fake:failed', model: 'sora-2', seconds: 4 })
    ).body as Job;
    await h.run(12_000);
    expect((await user.json<Job>(`/videos/${refused.jobId}`)).body.status).toBe('failed');
    const createsBefore = openai.fake.counters.get('POST /videos');
    const retried = await user.post(`/videos/${refused.jobId}/retry`, {});
    expect(retried.status).toBe(202);
    expect(openai.fake.counters.get('POST /videos')).toBe(createsBefore + 1);
    expect(openrouterFake.counters.get('POST /videos')).toBe(0);
  });

  test('a webhook to /webhooks/openrouter is verified by the OpenRouter provider', async () => {
    const host = await twoProviderHost({ webhooks: true });
    h = host.h;
    const { user, openrouterFake } = host;
    const { jobId } = (
      await user.post('/videos', { prompt: 'Webhook fox', model: 'google/veo-3.1', seconds: 4 })
    ).body as Job;
    await h.handler.pollOnce();
    h.clock.advance(21_000);
    await openrouterFake.advance(0);
    expect(openrouterFake.webhookDeliveries().map((d) => d.status)).toEqual([200]);
    expect((await user.json<Job>(`/videos/${jobId}`)).body.status).toBe('completed');

    const unknown = await h.handler.request('http://localhost/webhooks/nobody', {
      method: 'POST',
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  test('duplicate provider names, or both options at once, are refused at construction', async () => {
    const host = await twoProviderHost();
    h = host.h;
    const secret = 'x'.repeat(32);
    expect(() => createSoraHandler({ providers: [host.openai, host.openai], secret })).toThrow(
      /named "fake"/,
    );
    expect(() => createSoraHandler({ provider: host.openai, providers: [host.openrouter], secret })).toThrow(
      TypeError,
    );
    expect(() => createSoraHandler({ providers: [], secret })).toThrow(TypeError);
  });
});
