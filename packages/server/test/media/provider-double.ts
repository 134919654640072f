/** A scripted VideoProvider for the copy tests: each download call plays the next scripted answer. */
import type { Variant } from '@sora-kit/core';
import type { ProviderDownload, VideoProvider } from '../../src/providers/types.js';
import { streamOf } from './helpers.js';

/** One scripted answer to a download call. */
export type Script =
  | { kind: 'ok'; bytes: Uint8Array; contentType?: string; announce?: boolean }
  | { kind: 'cut'; bytes: Uint8Array; after: number; announce?: boolean }
  | { kind: 'short'; bytes: Uint8Array; after: number }
  | { kind: 'throw'; error: unknown };

/** A provider double whose downloads follow per-variant scripts; the last answer repeats. */
export function scriptedProvider(scripts: Partial<Record<Variant, Script[]>>) {
  const calls: Variant[] = [];
  const provider: VideoProvider = {
    name: 'double',
    capabilities: async () => ({ models: [], variants: ['video', 'thumbnail', 'spritesheet'] }),
    create: async () => {
      throw new Error('not used');
    },
    retrieve: async () => {
      throw new Error('not used');
    },
    async download(_id, variant): Promise<ProviderDownload> {
      const script = scripts[variant] ?? [];
      const answer = script.length > 1 ? script.shift() : script[0];
      calls.push(variant);
      if (!answer) throw new Error(`no script for ${variant}`);
      if (answer.kind === 'throw') throw answer.error;
      const contentType =
        answer.kind === 'ok' ? (answer.contentType ?? 'application/octet-stream') : 'video/mp4';
      if (answer.kind === 'ok') {
        return {
          body: streamOf(answer.bytes, 4096),
          contentType,
          bytes: answer.announce === false ? undefined : answer.bytes.byteLength,
        };
      }
      const announce = answer.kind === 'short' || answer.announce !== false;
      return {
        body: cutStream(answer.bytes, answer.after, answer.kind === 'cut'),
        contentType,
        bytes: announce ? answer.bytes.byteLength : undefined,
      };
    },
  };
  return { provider, calls };
}

/** Sends the first `after` bytes, then errors (a reset) or just ends early (a silent cut). */
function cutStream(bytes: Uint8Array, after: number, error: boolean): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= after) {
        if (error) controller.error(new TypeError('terminated: other side closed'));
        else controller.close();
        return;
      }
      const end = Math.min(after, offset + 4096);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
    },
  });
}
