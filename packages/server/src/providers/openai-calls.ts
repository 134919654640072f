/** The SDK calls behind `openaiProvider()`, each mapped to our types. */

import type { Variant } from '@sora-kit/core';
import type OpenAI from 'openai';
import type { Video, VideoCreateParams } from 'openai/resources/videos';
import { ProviderError } from './errors.js';
import { loadOpenAISdk } from './openai-sdk.js';
import type {
  ProviderCallOptions,
  ProviderCreateInput,
  ProviderDownload,
  ProviderVideo,
  ProviderWebhookEvent,
} from './types.js';

/** Our view of an OpenAI video. */
export function toProviderVideo(video: Video): ProviderVideo {
  const mapped: ProviderVideo = { id: video.id, status: video.status, progress: video.progress ?? 0 };
  if (typeof video.expires_at === 'number') mapped.expiresAt = video.expires_at * 1000;
  if (video.status === 'failed') {
    const code = video.error?.code;
    const message = video.error?.message ?? 'The video generation failed.';
    mapped.error =
      code === 'moderation_blocked'
        ? { code: 'moderation_blocked', message, retryable: false }
        : { code: 'upstream_failed', message, retryable: true };
  }
  return mapped;
}

/** SDK request options: the abort signal and, for creates, the idempotency key. */
export function requestOptions(options: ProviderCallOptions | undefined, idempotencyKey?: string) {
  return {
    ...(options?.signal ? { signal: options.signal } : {}),
    // The SDK accepts `idempotencyKey` but OpenAI's client sends no header for it; send it ourselves.
    ...(idempotencyKey ? { idempotencyKey, headers: { 'Idempotency-Key': idempotencyKey } } : {}),
  };
}

/** `videos.create`, with the reference as an `input_reference` file. */
export async function createVideo(
  client: OpenAI,
  input: ProviderCreateInput,
  options?: ProviderCallOptions,
): Promise<ProviderVideo> {
  const reference = input.reference
    ? await (await loadOpenAISdk()).toFile(input.reference.bytes, input.reference.filename, {
        type: input.reference.contentType,
      })
    : undefined;
  const video = await client.videos.create(
    {
      prompt: input.prompt,
      model: input.model,
      size: input.size as VideoCreateParams['size'],
      // The SDK's enums lag the API (newer sizes and lengths): the API itself validates.
      seconds: String(input.seconds) as VideoCreateParams['seconds'],
      ...(reference ? { input_reference: reference } : {}),
    },
    requestOptions(options, input.idempotencyKey),
  );
  return toProviderVideo(video);
}

/** `videos.downloadContent` as a stream with its type and length. */
export async function downloadVariant(
  client: OpenAI,
  id: string,
  variant: Variant,
  options?: ProviderCallOptions,
): Promise<ProviderDownload> {
  const response = await client.videos.downloadContent(id, { variant }, requestOptions(options));
  if (!response.body) throw new ProviderError('unavailable', `OpenAI sent no body for ${variant}`);
  const length = Number(response.headers.get('content-length'));
  return {
    body: response.body,
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    ...(Number.isFinite(length) && length > 0 ? { bytes: length } : {}),
  };
}

/** Checks a webhook's signature with the SDK, then reads the video id from the event. */
export async function verifyOpenAIWebhook(
  client: OpenAI,
  rawBody: string,
  headers: Headers,
  secret: string | undefined,
): Promise<ProviderWebhookEvent> {
  if (!secret) throw new ProviderError('invalid_webhook', 'No OpenAI webhook secret is configured');
  let event: unknown;
  try {
    event = await client.webhooks.unwrap(rawBody, headers, secret);
  } catch (error) {
    throw new ProviderError('invalid_webhook', `OpenAI webhook refused: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { type, data } = (event ?? {}) as { type?: unknown; data?: { id?: unknown } };
  const videoId = data?.id;
  if (typeof type !== 'string' || typeof videoId !== 'string') {
    throw new ProviderError('invalid_webhook', 'OpenAI webhook without a type and data.id');
  }
  return { eventId: headers.get('webhook-id') ?? '', videoId, type };
}
