/**
 * A counting provider double for the security suite: every upstream call is counted, so tests can
 * assert that a refused request made none. Videos finish on the first refresh; `fake:failed` in a
 * prompt fails them. Downloads serve a committed MP4 fixture so completion is real.
 */
import { readFileSync } from 'node:fs';
import type { Variant } from '@sora-kit/core';
import { ProviderError } from '../../../src/providers/errors.js';
import type { ProviderVideo, VideoProvider } from '../../../src/providers/types.js';

const VIDEO = readFileSync(new URL('../../media/fixtures/faststart-160x90-2s.mp4', import.meta.url));
// A tiny valid JPEG (SOI … EOI) stands in for the thumbnail and the spritesheet.
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);

/** Upstream calls made so far, by method. */
export interface Counters {
  create: number;
  retrieve: number;
  download: number;
  remix: number;
  delete: number;
}

/** The double and its counters. */
export interface CountingProvider {
  provider: VideoProvider;
  counters: Counters;
}

function stream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** A provider double that counts calls; `verifyWebhook` is supplied by the caller when needed. */
export function countingProvider(
  options: { verifyWebhook?: VideoProvider['verifyWebhook'] } = {},
): CountingProvider {
  const counters: Counters = { create: 0, retrieve: 0, download: 0, remix: 0, delete: 0 };
  const prompts = new Map<string, string>();
  let next = 0;
  const start = (prompt: string): ProviderVideo => {
    const id = `video_${++next}`;
    prompts.set(id, prompt);
    return { id, status: 'queued', progress: 0 };
  };
  const provider: VideoProvider = {
    name: 'double',
    capabilities: async () => ({
      models: [
        {
          id: 'sora-2',
          sizes: ['1280x720', '720x1280'],
          seconds: [4, 8, 12],
          reference: true,
          remix: true,
          pricePerSecondUsd: { '1280x720': 0.1, '720x1280': 0.1 },
        },
      ],
      variants: ['video', 'thumbnail', 'spritesheet'],
    }),
    async create(input) {
      counters.create++;
      return start(input.prompt);
    },
    async remix(_id, input) {
      counters.remix++;
      return start(input.prompt);
    },
    async retrieve(id) {
      counters.retrieve++;
      const prompt = prompts.get(id);
      if (prompt === undefined) throw new ProviderError('not_found', 'no such video');
      if (prompt.includes('fake:failed')) {
        return {
          id,
          status: 'failed',
          error: { code: 'upstream_failed', message: 'failed', retryable: true },
        };
      }
      return { id, status: 'completed', progress: 100 };
    },
    async download(_id, variant: Variant) {
      counters.download++;
      const bytes = variant === 'video' ? VIDEO : JPEG;
      return {
        body: stream(bytes),
        contentType: variant === 'video' ? 'video/mp4' : 'image/jpeg',
        bytes: bytes.byteLength,
      };
    },
    async delete() {
      counters.delete++;
    },
    verifyWebhook: options.verifyWebhook,
  };
  return { provider, counters };
}
