/**
 * A small in-memory VideoProvider for the handler's own tests: progress follows a manual clock,
 * creates honour idempotency keys, downloads serve the committed sample media, and faults
 * (failing calls, cut downloads) are injected from a seeded random source.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Variant } from '@sora-kit/core';
import { ProviderError } from '../../src/providers/errors.js';
import type {
  ProviderCapabilities,
  ProviderCreateInput,
  ProviderVideo,
  VideoProvider,
} from '../../src/providers/types.js';
import type { ManualClock } from './clock.js';

const mediaDir = fileURLToPath(new URL('../../../sample-media/media/dawn/', import.meta.url));

interface Video {
  id: string;
  input: ProviderCreateInput | { prompt: string; size: string; seconds: number; model: string };
  createdAt: number;
  deleted: boolean;
}

/** Options of {@link memoryProvider}. */
export interface MemoryProviderOptions {
  clock: ManualClock;
  /** Time from create to completed (default 10 s; `fake:slow` triples it). */
  generationMs?: number;
  /** How long the provider keeps a finished video (default 1 h). */
  keepMs?: number;
  /** Fraction of create/retrieve calls that fail with 500 or 429. */
  failRate?: number;
  /** Fraction of downloads cut off halfway. */
  cutRate?: number;
  seed?: number;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** A test double with counters tests can assert on. */
export function memoryProvider(options: MemoryProviderOptions) {
  const { clock } = options;
  const generationMs = options.generationMs ?? 10_000;
  const keepMs = options.keepMs ?? 3_600_000;
  const random = seeded(options.seed ?? 42);
  const videos = new Map<string, Video>();
  const byKey = new Map<string, string>();
  const calls = { create: 0, retrieve: 0, download: 0, remix: 0, delete: 0 };
  let next = 0;
  /** Calls to refuse before anything else (tests queue ProviderErrors here). */
  const refusals: ProviderError[] = [];

  const maybeFail = () => {
    const refusal = refusals.shift();
    if (refusal) throw refusal;
    if (options.failRate && random() < options.failRate) {
      if (random() < 0.5) throw new ProviderError('unavailable', 'upstream 500', { status: 500 });
      throw new ProviderError('rate_limited', 'upstream 429', { status: 429, retryAfterMs: 2000 });
    }
  };

  const durationOf = (video: Video) => generationMs * (video.input.prompt.includes('fake:slow') ? 3 : 1);

  function view(video: Video): ProviderVideo {
    const elapsed = clock.now().getTime() - video.createdAt;
    const duration = durationOf(video);
    const prompt = video.input.prompt;
    if (elapsed >= duration * 0.5 && prompt.includes('fake:moderation_blocked')) {
      return {
        id: video.id,
        status: 'failed',
        progress: 50,
        error: { code: 'moderation_blocked', message: 'blocked', retryable: false },
      };
    }
    if (elapsed >= duration * 0.3 && prompt.includes('fake:failed')) {
      return {
        id: video.id,
        status: 'failed',
        error: { code: 'upstream_failed', message: 'failed', retryable: true },
      };
    }
    if (elapsed >= duration) {
      return {
        id: video.id,
        status: 'completed',
        progress: 100,
        expiresAt: video.createdAt + duration + keepMs,
      };
    }
    const progress = Math.floor((elapsed / duration) * 100);
    return { id: video.id, status: elapsed < duration * 0.05 ? 'queued' : 'in_progress', progress };
  }

  function make(key: string, input: Video['input']): ProviderVideo {
    const known = byKey.get(key);
    if (known) return view(videos.get(known) as Video);
    const id = `video_${++next}`;
    const video: Video = { id, input, createdAt: clock.now().getTime(), deleted: false };
    videos.set(id, video);
    byKey.set(key, id);
    return view(video);
  }

  function find(id: string): Video {
    const video = videos.get(id);
    if (!video || video.deleted) throw new ProviderError('not_found', 'no such video', { status: 404 });
    return video;
  }

  const provider: VideoProvider = {
    name: 'memory',
    async capabilities(): Promise<ProviderCapabilities> {
      return {
        models: [
          {
            id: 'sora-2',
            sizes: ['1280x720', '720x1280'],
            seconds: [4, 8, 12],
            reference: true,
            remix: true,
          },
          {
            id: 'sora-2-pro',
            sizes: ['1280x720', '1792x1024'],
            seconds: [4, 8, 12],
            reference: true,
            remix: true,
          },
        ],
        variants: ['video', 'thumbnail', 'spritesheet'],
      };
    },
    async create(input) {
      calls.create++;
      maybeFail();
      if (input.prompt.includes('refuse:moderation')) {
        throw new ProviderError('rejected', 'blocked by moderation', {
          status: 400,
          code: 'moderation_blocked',
        });
      }
      return make(input.idempotencyKey, input);
    },
    async retrieve(id) {
      calls.retrieve++;
      maybeFail();
      return view(find(id));
    },
    async remix(id, input) {
      calls.remix++;
      maybeFail();
      const source = find(id);
      return make(input.idempotencyKey, { ...source.input, prompt: input.prompt });
    },
    async download(id, variant: Variant) {
      calls.download++;
      const video = find(id);
      const state = view(video);
      if (state.status !== 'completed') throw new ProviderError('rejected', 'not ready', { status: 409 });
      if (state.expiresAt !== undefined && state.expiresAt <= clock.now().getTime()) {
        throw new ProviderError('not_found', 'expired', { status: 404 });
      }
      const { size, seconds } = video.input;
      const file = variant === 'video' ? `video-${size}-${seconds}s.mp4` : `${variant}-${size}.jpg`;
      const bytes = new Uint8Array(await readFile(mediaDir + file));
      const cut = options.cutRate !== undefined && random() < options.cutRate;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (cut) {
            controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
            controller.error(new Error('connection reset'));
            return;
          }
          controller.enqueue(bytes);
          controller.close();
        },
      });
      return { body, contentType: variant === 'video' ? 'video/mp4' : 'image/jpeg', bytes: bytes.length };
    },
    async delete(id) {
      calls.delete++;
      const video = videos.get(id);
      if (video) video.deleted = true;
    },
    async verifyWebhook(rawBody, headers) {
      if (headers.get('x-test-signature') !== 'valid') {
        throw new ProviderError('invalid_webhook', 'bad signature');
      }
      try {
        const event = JSON.parse(rawBody) as { id: string; type: string; data: { id: string } };
        return { eventId: event.id, type: event.type, videoId: event.data.id };
      } catch (cause) {
        throw new ProviderError('invalid_webhook', 'bad payload', { cause });
      }
    },
  };

  return {
    provider,
    calls,
    refusals,
    /** Distinct videos made upstream. */
    videoCount: () => videos.size,
    videos,
  };
}
