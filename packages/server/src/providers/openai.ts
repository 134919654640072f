/**
 * `openaiProvider()`: OpenAI's Videos API (Sora 2) behind our {@link VideoProvider}, on the
 * official `openai` SDK. The same code runs against api.openai.com, Azure OpenAI's v1 API and the
 * fake (`fakeProvider()`), which is the point: tests exercise the real adapter.
 */
import type { ModelCapabilities, Variant } from '@sora-kit/core';
import OpenAI, { toFile } from 'openai';
import type { Video } from 'openai/resources/videos';
import { ProviderError } from './errors.js';
import { toProviderError } from './openai-errors.js';
import type {
  ProviderCallOptions,
  ProviderCapabilities,
  ProviderCreateInput,
  ProviderVideo,
  ProviderWebhookEvent,
  VideoProvider,
} from './types.js';

/** Azure OpenAI's v1 API: `<endpoint>/openai/v1`, authenticated with `api-key`. */
export interface AzureOpenAIOptions {
  /** e.g. `https://my-resource.openai.azure.com`. */
  endpoint: string;
  apiKey: string;
  /** Sent as `api-version` when given (the v1 API needs none). */
  apiVersion?: string;
}

/** Options of {@link openaiProvider}. */
export interface OpenAIProviderOptions {
  /** A configured SDK client; when given, `apiKey`, `baseURL`, `azure` and `fetch` are ignored. */
  client?: OpenAI;
  /** Defaults to the SDK's own (`OPENAI_API_KEY`). */
  apiKey?: string;
  baseURL?: string;
  azure?: AzureOpenAIOptions;
  /** The models offered; default {@link DEFAULT_OPENAI_MODELS}. */
  models?: ModelCapabilities[];
  /** The webhook signing secret (`whsec_…`) for {@link VideoProvider.verifyWebhook}. */
  webhookSecret?: string;
  /** Recorded on jobs; default `"openai"`. */
  name?: string;
  /** A `fetch` for the SDK (tests, proxies). */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The SDK's retries of 408/409/429/5xx; default the SDK's (2). */
  maxRetries?: number;
  /** Per-request timeout in ms; default the SDK's. */
  timeoutMs?: number;
}

/** Sora 2 and Sora 2 Pro as OpenAI sells them (USD per second, by size). */
export const DEFAULT_OPENAI_MODELS: ModelCapabilities[] = [
  {
    id: 'sora-2',
    sizes: ['1280x720', '720x1280'],
    seconds: [4, 8, 12],
    reference: true,
    remix: true,
    pricePerSecondUsd: { '1280x720': 0.1, '720x1280': 0.1 },
  },
  {
    id: 'sora-2-pro',
    sizes: ['1280x720', '720x1280', '1792x1024', '1024x1792'],
    seconds: [4, 8, 12],
    reference: true,
    remix: true,
    pricePerSecondUsd: { '1280x720': 0.3, '720x1280': 0.3, '1792x1024': 0.5, '1024x1792': 0.5 },
  },
];

const VARIANTS: Variant[] = ['video', 'thumbnail', 'spritesheet'];

function makeClient(options: OpenAIProviderOptions): OpenAI {
  if (options.client) return options.client;
  const common = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
  };
  if (options.azure) {
    const { endpoint, apiKey, apiVersion } = options.azure;
    return new OpenAI({
      ...common,
      apiKey,
      baseURL: `${endpoint.replace(/\/+$/, '')}/openai/v1`,
      defaultHeaders: { 'api-key': apiKey },
      ...(apiVersion ? { defaultQuery: { 'api-version': apiVersion } } : {}),
    });
  }
  return new OpenAI({
    ...common,
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.baseURL !== undefined ? { baseURL: options.baseURL } : {}),
  });
}

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

function requestOptions(options: ProviderCallOptions | undefined, idempotencyKey?: string) {
  return {
    ...(options?.signal ? { signal: options.signal } : {}),
    // The SDK accepts `idempotencyKey` but OpenAI's client sends no header for it; send it ourselves.
    ...(idempotencyKey ? { idempotencyKey, headers: { 'Idempotency-Key': idempotencyKey } } : {}),
  };
}

/**
 * A {@link VideoProvider} for OpenAI's Videos API (or Azure OpenAI's).
 *
 * @example
 * ```ts
 * createSoraHandler({ provider: openaiProvider({ apiKey: process.env.OPENAI_API_KEY }) });
 * ```
 */
export function openaiProvider(options: OpenAIProviderOptions = {}): VideoProvider {
  const client = makeClient(options);
  const secrets = [options.apiKey, options.azure?.apiKey, client.apiKey ?? undefined];
  const models = options.models ?? DEFAULT_OPENAI_MODELS;
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toProviderError(error, secrets);
    }
  };

  return {
    name: options.name ?? 'openai',
    capabilities: async (): Promise<ProviderCapabilities> => ({ models, variants: [...VARIANTS] }),
    create: (input: ProviderCreateInput, callOptions?: ProviderCallOptions) =>
      call(async () => {
        const reference = input.reference
          ? await toFile(input.reference.bytes, input.reference.filename, {
              type: input.reference.contentType,
            })
          : undefined;
        const video = await client.videos.create(
          {
            prompt: input.prompt,
            model: input.model,
            size: input.size as Video['size'],
            seconds: String(input.seconds) as Video['seconds'] & '4',
            ...(reference ? { input_reference: reference } : {}),
          },
          requestOptions(callOptions, input.idempotencyKey),
        );
        return toProviderVideo(video);
      }),
    retrieve: (id, callOptions) =>
      call(async () => toProviderVideo(await client.videos.retrieve(id, requestOptions(callOptions)))),
    download: (id, variant, callOptions) =>
      call(async () => {
        const response = await client.videos.downloadContent(id, { variant }, requestOptions(callOptions));
        if (!response.body) throw new ProviderError('unavailable', `OpenAI sent no body for ${variant}`);
        const length = Number(response.headers.get('content-length'));
        return {
          body: response.body,
          contentType: response.headers.get('content-type') ?? 'application/octet-stream',
          ...(Number.isFinite(length) && length > 0 ? { bytes: length } : {}),
        };
      }),
    remix: (id, input, callOptions) =>
      call(async () =>
        toProviderVideo(
          await client.videos.remix(
            id,
            { prompt: input.prompt },
            requestOptions(callOptions, input.idempotencyKey),
          ),
        ),
      ),
    delete: (id, callOptions) =>
      call(async () => {
        await client.videos.delete(id, requestOptions(callOptions));
      }),
    verifyWebhook: (rawBody, headers) => verifyOpenAIWebhook(client, rawBody, headers, options.webhookSecret),
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
