/**
 * The fake's `GET /videos/models`: a few real OpenRouter video models, trimmed to the sizes the
 * committed sample media can serve (720p and 1080p both ways, 1792x1024, 1024x1792), and with every
 * field the API reference (and the SDK's schema) requires.
 */
import type { OpenRouterVideoModel } from '../openrouter-wire.js';

const base = {
  created: 1_767_225_600,
  generate_audio: true,
  seed: true,
  creativity: null,
  upscale_factor: null,
  allowed_passthrough_parameters: [],
} satisfies Partial<OpenRouterVideoModel>;

/** The models the fake offers unless told otherwise. */
export function defaultFakeModels(): OpenRouterVideoModel[] {
  return [
    {
      ...base,
      id: 'openai/sora-2-pro',
      canonical_slug: 'openai/sora-2-pro',
      name: 'OpenAI: Sora 2 Pro',
      description: 'Sora 2 Pro through OpenRouter (explicit sizes).',
      supported_durations: [4, 8, 12],
      supported_resolutions: ['720p', '1080p'],
      supported_aspect_ratios: ['16:9', '9:16'],
      supported_sizes: ['1280x720', '720x1280', '1792x1024', '1024x1792'],
      supported_frame_images: ['first_frame'],
      seed: false,
      pricing_skus: {
        'per-video-second': '0.30',
        'per-video-second-1792x1024': '0.50',
        'per-video-second-1024x1792': '0.50',
      },
    },
    {
      ...base,
      id: 'google/veo-3.1',
      canonical_slug: 'google/veo-3.1',
      name: 'Google: Veo 3.1',
      description: 'Veo 3.1 (resolution and aspect ratio; no explicit sizes).',
      supported_durations: [4, 6, 8],
      supported_resolutions: ['720p', '1080p'],
      supported_aspect_ratios: ['16:9', '9:16'],
      supported_sizes: null,
      supported_frame_images: ['first_frame', 'last_frame'],
      pricing_skus: { 'per-video-second': '0.40', 'per-video-second-1080p': '0.50' },
    },
    {
      ...base,
      id: 'alibaba/wan-2.6',
      canonical_slug: 'alibaba/wan-2.6',
      name: 'Alibaba: Wan 2.6',
      description: 'Wan 2.6 (text-to-video only in the fake).',
      supported_durations: [5, 10],
      supported_resolutions: ['720p'],
      supported_aspect_ratios: ['16:9', '9:16'],
      supported_sizes: null,
      supported_frame_images: null,
      generate_audio: false,
      pricing_skus: { 'per-video-second': '0.04' },
    },
  ];
}

/** USD per second the fake charges for one size of a model (the same SKUs the adapter reads). */
export function fakePrice(model: OpenRouterVideoModel, size: string, resolution: string | undefined): number {
  const skus = model.pricing_skus ?? {};
  const specific = skus[`per-video-second-${size}`] ?? (resolution && skus[`per-video-second-${resolution}`]);
  return Number.parseFloat(specific || skus['per-video-second'] || '0') || 0;
}
