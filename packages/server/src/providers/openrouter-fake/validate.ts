/**
 * The fake's checks on `POST /videos`, as the API reference states them: parameters are per model
 * and discrete; anything outside the model's sets answers 400.
 */
import { resolutionOfSize, sizeFromResolution } from '../openrouter-sizes.js';
import type { OpenRouterVideoModel, OpenRouterVideoRequest } from '../openrouter-wire.js';

/** A request the fake accepted, with the output it will produce. */
export interface AcceptedRequest {
  model: OpenRouterVideoModel;
  prompt: string;
  duration: number;
  /** The output's `WxH`. */
  size: string;
  resolution: string | undefined;
  callbackUrl: string | undefined;
  hasFrameImage: boolean;
}

/** Either the accepted request or the 400 message. */
export type Checked = { ok: true; value: AcceptedRequest } | { ok: false; message: string };

function list(values: readonly (string | number)[] | null): string {
  return values && values.length > 0 ? values.join(', ') : 'none';
}

function outOfSet<T extends string | number>(
  name: string,
  value: T | undefined,
  allowed: readonly T[] | null,
  model: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (allowed?.includes(value)) return undefined;
  return `${name} ${JSON.stringify(value)} is not supported by ${model}; supported: ${list(allowed)}`;
}

function pickSize(model: OpenRouterVideoModel, body: OpenRouterVideoRequest): string | undefined {
  if (body.size) return body.size;
  const resolution = body.resolution ?? model.supported_resolutions?.[0];
  const aspect = body.aspect_ratio ?? model.supported_aspect_ratios?.[0];
  const derived = resolution && aspect ? sizeFromResolution(resolution, aspect) : undefined;
  return derived ?? model.supported_sizes?.[0];
}

function checkFrames(model: OpenRouterVideoModel, body: OpenRouterVideoRequest): string | undefined {
  for (const frame of body.frame_images ?? []) {
    if (frame?.type !== 'image_url' || typeof frame.image_url?.url !== 'string' || !frame.image_url.url) {
      return 'frame_images entries need {type: "image_url", image_url: {url}}';
    }
    const problem = outOfSet('frame_type', frame.frame_type, model.supported_frame_images, model.id);
    if (problem) return problem;
  }
  return undefined;
}

/** Checks a parsed body against the catalog. */
export function checkCreate(raw: unknown, models: OpenRouterVideoModel[]): Checked {
  const body = (raw ?? {}) as OpenRouterVideoRequest;
  if (typeof body.model !== 'string' || body.model === '') return { ok: false, message: 'model is required' };
  const model = models.find((m) => m.id === body.model);
  if (!model) return { ok: false, message: `${body.model} is not a video generation model` };
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '') {
    return { ok: false, message: 'prompt is required' };
  }
  if (body.duration !== undefined && !Number.isInteger(body.duration)) {
    return { ok: false, message: 'duration must be an integer' };
  }
  const problem =
    outOfSet('duration', body.duration, model.supported_durations, model.id) ??
    outOfSet('resolution', body.resolution, model.supported_resolutions, model.id) ??
    outOfSet('aspect_ratio', body.aspect_ratio, model.supported_aspect_ratios, model.id) ??
    outOfSet('size', body.size, model.supported_sizes, model.id) ??
    checkFrames(model, body);
  if (problem) return { ok: false, message: problem };
  const size = pickSize(model, body);
  if (!size) return { ok: false, message: `${model.id} cannot make the requested size` };
  return {
    ok: true,
    value: {
      model,
      prompt: body.prompt,
      duration: body.duration ?? model.supported_durations?.[0] ?? 4,
      size,
      resolution: body.resolution ?? resolutionOfSize(size),
      callbackUrl: typeof body.callback_url === 'string' && body.callback_url ? body.callback_url : undefined,
      hasFrameImage: (body.frame_images?.length ?? 0) > 0,
    },
  };
}
