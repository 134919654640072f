import fc from 'fast-check';
import { BadRequestError, NotFoundError } from 'openai';
import type { Video } from 'openai/resources/videos';
import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

describe('fake OpenAI: listing, remixing, editing, extending and deleting through the SDK', () => {
  it('lists every video with auto-pagination, newest first by default', async () => {
    const { fake, client } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await client.videos.create({ prompt: `clip ${i}` })).id);
      await fake.advance(1_000);
    }
    const seen: string[] = [];
    for await (const video of client.videos.list({ limit: 3 })) seen.push(video.id);
    expect(seen).toEqual([...ids].reverse());
    expect(fake.counters.get('GET /videos')).toBe(3);
  });

  it('pages with after/limit/order and reports first_id, last_id and has_more', async () => {
    const { client } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await client.videos.create({ prompt: `p${i}` })).id);
    const first = await client.videos.list({ limit: 2, order: 'asc' });
    expect(first.data.map((v) => v.id)).toEqual(ids.slice(0, 2));
    expect(first.has_more).toBe(true);
    expect(first.last_id).toBe(ids[1]);
    const next = await client.videos.list({ limit: 2, order: 'asc', after: ids[3] });
    expect(next.data.map((v) => v.id)).toEqual([ids[4]]);
    expect(next.has_more).toBe(false);
    await expect(client.videos.list({ limit: 101 })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('pagination yields every video exactly once, in order, for any count, limit and order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('asc' as const, 'desc' as const),
        async (count, limit, order) => {
          const { client } = setup();
          const ids: string[] = [];
          for (let i = 0; i < count; i++) ids.push((await client.videos.create({ prompt: `v${i}` })).id);
          const seen: string[] = [];
          for await (const video of client.videos.list({ limit, order })) seen.push(video.id);
          expect(seen).toEqual(order === 'asc' ? ids : [...ids].reverse());
        },
      ),
      { numRuns: 25 },
    );
  });

  it('remixes a completed video into a new one that points back to it', async () => {
    const { fake, client } = setup();
    const source = await client.videos.create({
      prompt: 'a red kite',
      model: 'sora-2-pro',
      size: '1024x1792',
      seconds: '12',
    });
    await fake.advance(12_000);
    const remix = await client.videos.remix(source.id, { prompt: 'the kite is blue' });
    expect(remix).toMatchObject({
      status: 'queued',
      prompt: 'the kite is blue',
      remixed_from_video_id: source.id,
      model: 'sora-2-pro',
      size: '1024x1792',
      seconds: '12',
    });
    expect(remix.id).not.toBe(source.id);
  });

  it('refuses to remix a video that is not completed, or does not exist', async () => {
    const { client } = setup();
    const source = await client.videos.create({ prompt: 'still rendering' });
    await expect(client.videos.remix(source.id, { prompt: 'x' })).rejects.toBeInstanceOf(BadRequestError);
    await expect(client.videos.remix('video_missing', { prompt: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('edits and extends a completed video; an extension reports the stitched length', async () => {
    const { fake, client } = setup();
    const source = await client.videos.create({ prompt: 'a train', size: '1280x720', seconds: '8' });
    await fake.advance(12_000);
    const edited = await client.videos.edit({ prompt: 'at night', video: { id: source.id } });
    expect(edited).toMatchObject({ status: 'queued', size: '1280x720', seconds: '8', prompt: 'at night' });
    const extended = await client.videos.extend({
      prompt: 'it goes on',
      seconds: '4',
      video: { id: source.id },
    });
    expect(extended).toMatchObject({ status: 'queued', seconds: '12', size: '1280x720' });
    await expect(client.videos.edit({ prompt: 'x', video: { id: edited.id } })).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('deletes a finished video, which is then gone; a running one cannot be deleted', async () => {
    const { fake, client } = setup();
    const video = await client.videos.create({ prompt: 'to be deleted' });
    await expect(client.videos.delete(video.id)).rejects.toBeInstanceOf(BadRequestError);
    await fake.advance(12_000);
    expect(await client.videos.delete(video.id)).toEqual({
      id: video.id,
      object: 'video.deleted',
      deleted: true,
    });
    await expect(client.videos.retrieve(video.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.videos.delete(video.id)).rejects.toBeInstanceOf(NotFoundError);
    const listed: Video[] = [];
    for await (const v of client.videos.list()) listed.push(v);
    expect(listed).toEqual([]);
  });

  it('creates and reads back a character', async () => {
    const { client } = setup();
    const mp4 = new File([new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70])], 'c.mp4', {
      type: 'video/mp4',
    });
    const character = await client.videos.createCharacter({ name: 'Mia', video: mp4 });
    expect(character.id).toMatch(/^char_/);
    expect(await client.videos.getCharacter(character.id as string)).toEqual(character);
    await expect(client.videos.getCharacter('char_nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
