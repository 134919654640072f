/**
 * The provider interface: how the handler talks to any video model, in our own terms.
 * Each adapter (openai, openrouter, fake, …) maps its API to this; the handler never sees a
 * provider's wire format.
 */
import type { JobErrorCode, ModelCapabilities, Variant } from '@sora-kit/core';

/** A reference image, already checked and resized to the requested size by the handler. */
export interface ProviderReference {
  bytes: Uint8Array;
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  filename: string;
}

/** What the handler asks a provider to generate. */
export interface ProviderCreateInput {
  prompt: string;
  model: string;
  size: string;
  seconds: number;
  reference?: ProviderReference;
  /** Sent upstream so that a retried create never makes a second video. */
  idempotencyKey: string;
  /**
   * Where the handler receives this provider's webhooks (`<publicUrl>/webhooks/<provider name>`),
   * when webhooks are on and the handler has a `publicUrl`. Providers that take a callback URL per
   * request (OpenRouter's `callback_url`) send it; others are configured once on their side.
   */
  webhookUrl?: string;
}

/** The provider's view of one generation, mapped to our statuses. */
export interface ProviderVideo {
  /** The provider's own id (kept server-side only, never sent to browsers). */
  id: string;
  status: 'queued' | 'in_progress' | 'completed' | 'failed';
  /** 0..100 when the provider reports or estimates it. */
  progress?: number;
  /**
   * True when `progress` is the adapter's guess from elapsed time, not the provider's report: it
   * says nothing about when the video will be done, so polling does not aim at its end.
   */
  progressEstimated?: boolean;
  /** Epoch milliseconds after which the provider's files are gone, when known. */
  expiresAt?: number;
  error?: { code: JobErrorCode; message: string; retryable: boolean };
  /**
   * What the provider actually charged, in USD, when it reports it (OpenRouter's `usage.cost`),
   * so quotas can settle against the real cost rather than the reservation's estimate.
   */
  costUsd?: number;
}

/** A variant's bytes as a stream, never whole in memory. */
export interface ProviderDownload {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  /** From Content-Length, when the provider sends it. */
  bytes?: number;
}

/** A verified webhook event: only a nudge to re-read the video; never trusted for its status. */
export interface ProviderWebhookEvent {
  /** Unique per delivery, for replay protection (`webhook-id`, idempotency key, …). */
  eventId: string;
  videoId: string;
  type: string;
}

/** Per-call options. */
export interface ProviderCallOptions {
  signal?: AbortSignal;
}

/** Options of {@link VideoProvider.retrieve}. */
export interface ProviderRetrieveOptions extends ProviderCallOptions {
  /**
   * Epoch milliseconds when this provider video was created (the handler knows it from the job).
   * Providers that report no progress (OpenRouter) estimate it from the elapsed time.
   */
  startedAt?: number;
}

/** The models a provider offers and the variants its videos come with. */
export interface ProviderCapabilities {
  models: ModelCapabilities[];
  variants: Variant[];
}

/**
 * A video generation backend.
 *
 * Methods throw {@link ProviderError} for upstream failures so the handler can tell transient
 * from final ones without reading messages.
 */
export interface VideoProvider {
  /** Recorded on every job (`"openai"`, `"fake"`, `"openrouter"`, …). */
  readonly name: string;
  capabilities(): Promise<ProviderCapabilities>;
  create(input: ProviderCreateInput, options?: ProviderCallOptions): Promise<ProviderVideo>;
  retrieve(id: string, options?: ProviderRetrieveOptions): Promise<ProviderVideo>;
  download(id: string, variant: Variant, options?: ProviderCallOptions): Promise<ProviderDownload>;
  remix?(
    id: string,
    input: { prompt: string; idempotencyKey: string },
    options?: ProviderCallOptions,
  ): Promise<ProviderVideo>;
  /** Best effort: the handler ignores failures here. */
  delete?(id: string, options?: ProviderCallOptions): Promise<void>;
  /**
   * Verifies a webhook delivery over its raw body; throws {@link ProviderError} with kind
   * `invalid_webhook` when the signature, timestamp or payload is wrong.
   */
  verifyWebhook?(rawBody: string, headers: Headers): Promise<ProviderWebhookEvent>;
}
