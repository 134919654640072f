/**
 * OpenRouter's video generation API on the wire (`https://openrouter.ai/api/v1/videos…`), as its
 * API reference and the `@openrouter/sdk` schemas describe it. Shared by the adapter and the fake
 * so both speak exactly the same shapes; nothing here is part of sora-kit's own contract.
 */

/** A job's status. `cancelled` and `expired` are terminal failures like `failed`. */
export type OpenRouterVideoStatus =
  | 'pending'
  | 'in_progress'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'expired';

/** An image given by URL, as in chat messages. */
export interface OpenRouterImageUrl {
  type: 'image_url';
  image_url: { url: string };
}

/** An image that becomes the first or last frame (image-to-video). */
export interface OpenRouterFrameImage extends OpenRouterImageUrl {
  frame_type: 'first_frame' | 'last_frame';
}

/** The body of `POST /videos`. Parameters are per model and discrete. */
export interface OpenRouterVideoRequest {
  model: string;
  prompt?: string;
  duration?: number;
  resolution?: string;
  aspect_ratio?: string;
  size?: string;
  seed?: number;
  generate_audio?: boolean;
  callback_url?: string;
  frame_images?: OpenRouterFrameImage[];
  input_references?: OpenRouterImageUrl[];
  provider?: { options?: Record<string, Record<string, unknown>> };
}

/** What `POST /videos` (202) and `GET /videos/{jobId}` (200) answer. */
export interface OpenRouterVideoJob {
  id: string;
  /** Relative to the host, e.g. `/api/v1/videos/<id>`. */
  polling_url: string;
  status: OpenRouterVideoStatus;
  /** A plain message, surfaced verbatim, when the job failed. */
  error?: string;
  generation_id?: string;
  /** The authenticated content routes, one per output. */
  unsigned_urls?: string[];
  /** Signed storage URLs, where the upstream provider offers them. */
  urls?: string[];
  usage?: { cost?: number | null; is_byok?: boolean };
}

/** One entry of `GET /videos/models`. Every `supported_*` is `null` when the model has no such knob. */
export interface OpenRouterVideoModel {
  id: string;
  canonical_slug: string;
  name: string;
  description?: string;
  created: number;
  supported_durations: number[] | null;
  supported_resolutions: string[] | null;
  supported_aspect_ratios: string[] | null;
  supported_sizes: string[] | null;
  supported_frame_images: ('first_frame' | 'last_frame')[] | null;
  generate_audio: boolean | null;
  seed: boolean | null;
  creativity: number[] | null;
  upscale_factor: { min?: number | null; max?: number | null } | null;
  /** USD amounts as strings, keyed by SKU (`per-video-second`, `per-video-second-1080p`, …). */
  pricing_skus?: Record<string, string> | null;
  allowed_passthrough_parameters: string[];
}

/** The body of `GET /videos/models`. */
export interface OpenRouterVideoModelList {
  data: OpenRouterVideoModel[];
}

/** Every error answer. `code` is the HTTP status as a number. */
export interface OpenRouterErrorBody {
  error: { code: number; message: string; metadata?: Record<string, unknown> | null };
}

/** The event types a video webhook carries. */
export type OpenRouterWebhookType =
  | 'video.generation.completed'
  | 'video.generation.failed'
  | 'video.generation.cancelled'
  | 'video.generation.expired';

/** The JSON body OpenRouter POSTs to a job's `callback_url`. */
export interface OpenRouterWebhookEvent {
  type: OpenRouterWebhookType;
  /** ISO time. */
  created_at: string;
  data: {
    id: string;
    status: Exclude<OpenRouterVideoStatus, 'pending' | 'in_progress'>;
    generation_id?: string | null;
    model?: string | null;
    unsigned_urls?: string[];
    usage?: { cost?: number | null; is_byok?: boolean };
    error?: string;
  };
}

/** Header names of a webhook delivery. */
export const OPENROUTER_SIGNATURE_HEADER = 'X-OpenRouter-Signature';
/** The same on every retry of one delivery. */
export const OPENROUTER_IDEMPOTENCY_HEADER = 'X-OpenRouter-Idempotency-Key';
