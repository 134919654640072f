/**
 * Sizes: sora-kit speaks `"WxH"`; an OpenRouter model takes either an explicit `size` from its
 * `supported_sizes`, or a `resolution` (`720p`) plus an `aspect_ratio` (`16:9`). These pure
 * functions convert both ways so capabilities and requests agree on the same pixels.
 */
import type { OpenRouterVideoModel } from './openrouter-wire.js';

/** Resolutions named by their short side in pixels. `1K`/`2K`/`4K` are ambiguous and left out. */
const SHORT_SIDE: Record<string, number> = {
  '360p': 360,
  '480p': 480,
  '720p': 720,
  '768p': 768,
  '1080p': 1080,
};

function even(n: number): number {
  return Math.round(n / 2) * 2;
}

function parseRatio(aspect: string): [number, number] | undefined {
  const match = /^(\d{1,3}):(\d{1,3})$/.exec(aspect);
  if (!match) return undefined;
  const w = Number(match[1]);
  const h = Number(match[2]);
  return w > 0 && h > 0 ? [w, h] : undefined;
}

/** `("720p", "16:9")` → `"1280x720"`; `undefined` when either is not understood. */
export function sizeFromResolution(resolution: string, aspect: string): string | undefined {
  const short = SHORT_SIDE[resolution];
  const ratio = parseRatio(aspect);
  if (!short || !ratio) return undefined;
  const [w, h] = ratio;
  return w >= h ? `${even((short * w) / h)}x${short}` : `${short}x${even((short * h) / w)}`;
}

/** The sizes a model can make, as `"WxH"`: its explicit sizes, else every resolution × aspect ratio. */
export function modelSizes(model: OpenRouterVideoModel): string[] {
  if (model.supported_sizes && model.supported_sizes.length > 0) return [...model.supported_sizes];
  const sizes: string[] = [];
  for (const resolution of model.supported_resolutions ?? []) {
    for (const aspect of model.supported_aspect_ratios ?? []) {
      const size = sizeFromResolution(resolution, aspect);
      if (size && !sizes.includes(size)) sizes.push(size);
    }
  }
  return sizes;
}

/** The request fields that ask a model for one of its sizes. */
export type SizeFields = { size: string } | { resolution: string; aspect_ratio: string };

/** How to ask `model` for `size`, or `undefined` when the model cannot make it. */
export function sizeFields(model: OpenRouterVideoModel, size: string): SizeFields | undefined {
  if (model.supported_sizes && model.supported_sizes.length > 0) {
    return model.supported_sizes.includes(size) ? { size } : undefined;
  }
  for (const resolution of model.supported_resolutions ?? []) {
    for (const aspect of model.supported_aspect_ratios ?? []) {
      if (sizeFromResolution(resolution, aspect) === size) return { resolution, aspect_ratio: aspect };
    }
  }
  return undefined;
}

/** The resolution label (`720p`) whose short side matches a `"WxH"` size, if any. */
export function resolutionOfSize(size: string): string | undefined {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return undefined;
  const short = Math.min(Number(match[1]), Number(match[2]));
  return Object.keys(SHORT_SIDE).find((label) => SHORT_SIDE[label] === short);
}
