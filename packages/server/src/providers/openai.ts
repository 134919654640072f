/**
 * `openaiProvider()`: OpenAI's Videos API (Sora 2) behind our {@link VideoProvider}, on the
 * official `openai` SDK. The same code runs against api.openai.com, Azure OpenAI's v1 API and the
 * fake (`fakeProvider()`), which is the point: tests exercise the real adapter.
 */
import type { ModelCapabilities, Variant } from '@sora-kit/core';
import type OpenAI from 'openai';
import {
  createVideo,
  downloadVariant,
  requestOptions,
  toProviderVideo,
  verifyOpenAIWebhook,
} from './openai-calls.js';
import { toProviderError } from './openai-errors.js';
import { assertOpenAICredentials, loadOpenAISdk, type OpenAISdk } from './openai-sdk.js';
import type {
  ProviderCallOptions,
  ProviderCapabilities,
  ProviderCreateInput,
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
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
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

function makeClient({ default: OpenAI }: OpenAISdk, options: OpenAIProviderOptions): OpenAI {
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

/**
 * A {@link VideoProvider} for OpenAI's Videos API (or Azure OpenAI's).
 *
 * @example
 * ```ts
 * createSoraHandler({ provider: openaiProvider({ apiKey: process.env.OPENAI_API_KEY }) });
 * ```
 */
export function openaiProvider(options: OpenAIProviderOptions = {}): VideoProvider {
  // The SDK loads on the first call; a missing key still fails here, as the SDK's constructor did.
  if (!options.client) assertOpenAICredentials(options.azure ? options.azure.apiKey : options.apiKey);
  let made: Promise<OpenAI> | undefined;
  const client = (): Promise<OpenAI> => {
    made ??= options.client
      ? Promise.resolve(options.client)
      : loadOpenAISdk().then((sdk) => makeClient(sdk, options));
    return made;
  };
  const models = options.models ?? DEFAULT_OPENAI_MODELS;
  const call = async <T>(run: (client: OpenAI) => Promise<T>): Promise<T> => {
    const ready = await client();
    try {
      return await run(ready);
    } catch (error) {
      const secrets = [options.apiKey, options.azure?.apiKey, ready.apiKey ?? undefined];
      throw toProviderError(error, secrets, await loadOpenAISdk());
    }
  };

  return {
    name: options.name ?? 'openai',
    capabilities: async (): Promise<ProviderCapabilities> => ({ models, variants: [...VARIANTS] }),
    create: (input: ProviderCreateInput, callOptions?: ProviderCallOptions) =>
      call((client) => createVideo(client, input, callOptions)),
    retrieve: (id, callOptions) =>
      call(async (client) => toProviderVideo(await client.videos.retrieve(id, requestOptions(callOptions)))),
    download: (id, variant, callOptions) =>
      call((client) => downloadVariant(client, id, variant, callOptions)),
    remix: (id, input, callOptions) =>
      call(async (client) =>
        toProviderVideo(
          await client.videos.remix(
            id,
            { prompt: input.prompt },
            requestOptions(callOptions, input.idempotencyKey),
          ),
        ),
      ),
    delete: (id, callOptions) =>
      call(async (client) => {
        await client.videos.delete(id, requestOptions(callOptions));
      }),
    verifyWebhook: async (rawBody, headers) =>
      verifyOpenAIWebhook(await client(), rawBody, headers, options.webhookSecret),
  };
}
