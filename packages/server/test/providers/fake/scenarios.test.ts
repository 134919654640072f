import { BadRequestError, NotFoundError } from 'openai';
import { describe, expect, it } from 'vitest';
import { setup, T0 } from './helpers.js';

describe('fake OpenAI: scenario tokens, idempotency and expiry', () => {
  it('fake:moderation_blocked fails with that code after some progress', async () => {
    const { fake, client } = setup({ generationSeconds: 10 });
    const { id } = await client.videos.create({ prompt: 'fake:moderation_blocked a scene' });
    await fake.advance(2_000);
    const running = await client.videos.retrieve(id);
    expect(running.status).toBe('in_progress');
    expect(running.progress).toBeGreaterThan(0);
    await fake.advance(1_000);
    const failed = await client.videos.retrieve(id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'moderation_blocked' } });
    expect(failed.progress).toBeGreaterThan(0);
    expect(failed.completed_at).toBeNull();
    await expect(client.videos.downloadContent(id)).rejects.toBeInstanceOf(BadRequestError);
  });

  it('fake:failed fails with a generic generation error', async () => {
    const { fake, client } = setup({ generationSeconds: 10 });
    const { id } = await client.videos.create({ prompt: 'fake:failed' });
    await fake.advance(6_000);
    const failed = await client.videos.retrieve(id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('video_generation_failed');
  });

  it('fake:slow takes three times longer', async () => {
    const { fake, client } = setup({ generationSeconds: 10 });
    const slow = await client.videos.create({ prompt: 'fake:slow' });
    const normal = await client.videos.create({ prompt: 'normal' });
    await fake.advance(10_000);
    expect((await client.videos.retrieve(normal.id)).status).toBe('completed');
    const halfway = await client.videos.retrieve(slow.id);
    expect(halfway.status).toBe('in_progress');
    expect(halfway.progress).toBe(33);
    await fake.advance(20_000);
    expect((await client.videos.retrieve(slow.id)).status).toBe('completed');
  });

  it('a repeated Idempotency-Key returns the same video', async () => {
    const { fake, client } = setup();
    const first = await client.videos.create({ prompt: 'once' }, { headers: { 'Idempotency-Key': 'k1' } });
    const again = await client.videos.create({ prompt: 'once' }, { headers: { 'Idempotency-Key': 'k1' } });
    const other = await client.videos.create({ prompt: 'once' }, { headers: { 'Idempotency-Key': 'k2' } });
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    expect(fake.videos()).toHaveLength(2);
  });

  it('downloads fail once expires_at has passed', async () => {
    const { fake, client } = setup();
    const { id } = await client.videos.create({ prompt: 'short-lived' });
    await fake.advance(12_000);
    const done = await client.videos.retrieve(id);
    expect(done.expires_at).toBe(Math.floor((T0 + 12_000) / 1000) + 3600);
    await fake.advance(3_599_000);
    expect((await client.videos.downloadContent(id, { variant: 'thumbnail' })).status).toBe(200);
    await fake.advance(1_000);
    await expect(client.videos.downloadContent(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a video of each length downloads the fixture of that length', async () => {
    const { fake, client } = setup();
    const sizes: number[] = [];
    for (const seconds of ['4', '8', '12'] as const) {
      const { id } = await client.videos.create({ prompt: 'len', size: '1280x720', seconds });
      await fake.advance(12_000);
      sizes.push((await (await client.videos.downloadContent(id)).arrayBuffer()).byteLength);
    }
    expect(sizes[0]).toBeLessThan(sizes[1] as number);
    expect(sizes[1]).toBeLessThan(sizes[2] as number);
  });
});
