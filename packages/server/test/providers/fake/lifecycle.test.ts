import { BadRequestError, toFile } from 'openai';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isJpeg, isMp4, setup, T0 } from './helpers.js';

async function image(width: number, height: number, format: 'png' | 'jpeg' | 'webp') {
  const raw = sharp({ create: { width, height, channels: 3, background: '#336699' } });
  return new Uint8Array(await raw[format]().toBuffer());
}

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

  it('accepts a multipart create with an input_reference image of the requested size', async () => {
    const { fake, client } = setup();
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const bytes = await image(1280, 720, format);
      const video = await client.videos.create({
        prompt: `animate this ${format}`,
        size: '1280x720',
        input_reference: await toFile(bytes, `ref.${format}`, { type: `image/${format}` }),
      });
      expect(video).toMatchObject({ status: 'queued', size: '1280x720' });
    }
    expect(fake.counters.get('POST /videos')).toBe(3);
  });

  it('refuses a reference whose size differs from the requested one, as the real API', async () => {
    const { client } = setup();
    const bytes = await image(720, 1280, 'png');
    const error = await client.videos
      .create({
        prompt: 'x',
        size: '1280x720',
        input_reference: await toFile(bytes, 'ref.png', { type: 'image/png' }),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('input_reference');
  });

  it('refuses a reference that is not an image', async () => {
    const { client } = setup();
    const error = await client.videos
      .create({
        prompt: 'x',
        input_reference: await toFile(new Uint8Array([1, 2, 3]), 'a.txt', { type: 'text/plain' }),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe('unsupported_file_mimetype');
  });

  it('accepts input_reference as {image_url} or {file_id} through the SDK (nested form fields)', async () => {
    const { client } = setup();
    const byUrl = await client.videos.create({
      prompt: 'u',
      input_reference: { image_url: 'https://example.com/a.png' },
    });
    const byFile = await client.videos.create({ prompt: 'f', input_reference: { file_id: 'file-abc' } });
    expect(byUrl.status).toBe('queued');
    expect(byFile.status).toBe('queued');
    const bad = await client.videos
      .create({ prompt: 'b', input_reference: { image_url: 'not a url' } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError).param).toBe('input_reference.image_url');
  });

  it('accepts a JSON create with an image_url reference', async () => {
    const { fake } = setup();
    const response = await fake.fetch('http://fake.local/v1/videos', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({
        prompt: 'from a url',
        seconds: 8,
        input_reference: { image_url: 'https://example.com/a.png' },
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: 'video', seconds: '8', status: 'queued' });
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
