import { toFile } from 'openai';
import { describe, expect, it } from 'vitest';
import { isJpeg, isMp4, setup, T0 } from './helpers.js';

describe('fake OpenAI: a video from create to download, through the official SDK', () => {
  it('creates a queued video with the defaults of the real API', async () => {
    const { client } = setup();
    const video = await client.videos.create({ prompt: 'a calm lake at dawn' });
    expect(video).toMatchObject({
      object: 'video',
      status: 'queued',
      progress: 0,
      model: 'sora-2',
      seconds: '4',
      size: '720x1280',
      prompt: 'a calm lake at dawn',
      created_at: Math.floor(T0 / 1000),
      completed_at: null,
      expires_at: null,
      remixed_from_video_id: null,
      error: null,
    });
    expect(video.id).toMatch(/^video_[0-9a-f]{32}$/);
  });

  it('moves queued → in_progress with rising progress → completed on the clock', async () => {
    const { fake, client } = setup({ generationSeconds: 10 });
    const { id } = await client.videos.create({
      prompt: 'a fox',
      model: 'sora-2-pro',
      size: '1792x1024',
      seconds: '8',
    });
    await fake.advance(3_000);
    const early = await client.videos.retrieve(id);
    await fake.advance(4_000);
    const later = await client.videos.retrieve(id);
    expect(early.status).toBe('in_progress');
    expect(later.status).toBe('in_progress');
    expect(later.progress).toBeGreaterThan(early.progress);
    await fake.advance(3_000);
    const done = await client.videos.retrieve(id);
    const completedAt = Math.floor((T0 + 10_000) / 1000);
    expect(done).toMatchObject({ status: 'completed', progress: 100, completed_at: completedAt });
    expect(done.expires_at).toBe(completedAt + 3600);
  });

  it('accepts a multipart create with an input_reference image', async () => {
    const { client } = setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const video = await client.videos.create({
      prompt: 'animate this',
      size: '1280x720',
      input_reference: await toFile(png, 'ref.png', { type: 'image/png' }),
    });
    expect(video).toMatchObject({ status: 'queued', size: '1280x720' });
  });

  it('serves a real MP4, a JPEG thumbnail and a JPEG spritesheet once completed', async () => {
    const { fake, client } = setup();
    const { id } = await client.videos.create({ prompt: 'waves', size: '1280x720', seconds: '8' });
    await fake.advance(12_000);
    const video = await client.videos.downloadContent(id);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    const mp4 = new Uint8Array(await video.arrayBuffer());
    expect(isMp4(mp4)).toBe(true);
    expect(Number(video.headers.get('content-length'))).toBe(mp4.byteLength);
    for (const variant of ['thumbnail', 'spritesheet'] as const) {
      const response = await client.videos.downloadContent(id, { variant });
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(isJpeg(new Uint8Array(await response.arrayBuffer()))).toBe(true);
    }
  });
});
