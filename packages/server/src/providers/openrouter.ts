/**
 * `openrouterProvider()`: OpenRouter's video generation API behind our {@link VideoProvider}, so a
 * host keeps generating (Sora 2 Pro, Veo 3.1, Seedance, Wan…) after OpenAI's own Videos API shut
 * down on 2026-09-24. Plain `fetch`, no SDK: the four routes are small and this runs anywhere.
 */
import { ProviderError } from './errors.js';
import { DEFAULT_OPENROUTER_MODELS, selectModels, ttlCache } from './openrouter-capabilities.js';
import { json, type OpenRouterHttp, send } from './openrouter-http.js';
import { toProviderVideo } from './openrouter-mapping.js';
import { createRequest, dataUrl } from './openrouter-request.js';
import { verifyOpenRouterWebhook } from './openrouter-webhook.js';
import type {
  OpenRouterVideoJob,
  OpenRouterVideoModel,
  OpenRouterVideoModelList,
} from './openrouter-wire.js';
import type {
  ProviderCallOptions,
  ProviderCreateInput,
  ProviderReference,
  ProviderVideo,
  VideoProvider,
} from './types.js';

/** Options of {@link openrouterProvider}. */
export interface OpenRouterProviderOptions {
  /** Defaults to the `OPENROUTER_API_KEY` environment variable where there is one. */
  apiKey?: string;
  /** Defaults to `https://openrouter.ai/api/v1`. */
  baseURL?: string;
  /** For tests (the fake's `fetch`), proxies or instrumentation. */
  fetch?: typeof fetch;
  /** OpenRouter model ids to offer, first is the default; those the upstream list lacks are left out. */
  models?: string[];
  /** The workspace's webhook signing secret; without it webhooks are refused. */
  webhookSecret?: string;
  /**
   * Sent as `callback_url` on every create, e.g. `https://example.com/api/sora/webhooks/openrouter`.
   * Default: derived from the handler's `publicUrl` when its webhooks are on.
   */
  callbackUrl?: string;
  /** The typical generation time progress is estimated against (OpenRouter reports none). Default 120. */
  estimatedSeconds?: number;
  /** How long the model list is kept before it is fetched again. Default 10 minutes. */
  capabilitiesTtlMs?: number;
  /**
   * Turns a reference image into a URL for `frame_images`. OpenRouter documents public HTTPS URLs;
   * the default sends a `data:` URL, which not every upstream model accepts. Hosts that need
   * references everywhere upload the image (e.g. to public blob storage) and return its URL.
   */
  referenceUrl?: (reference: ProviderReference) => string | Promise<string>;
  /** Extra headers on every call, e.g. `HTTP-Referer` and `X-OpenRouter-Title` for app attribution. */
  headers?: Record<string, string>;
  /** Injected time (epoch ms). */
  now?: () => number;
}

/** The provider name recorded on jobs. */
export const OPENROUTER_PROVIDER_NAME = 'openrouter';

const FIRST_SEEN_LIMIT = 1000;

function envKey(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.OPENROUTER_API_KEY;
}

/**
 * A {@link VideoProvider} for OpenRouter's video API.
 *
 * @example
 * ```ts
 * createSoraHandler({
 *   provider: openrouterProvider({
 *     apiKey: process.env.OPENROUTER_API_KEY,
 *     models: ['google/veo-3.1', 'openai/sora-2-pro'],
 *     webhookSecret: process.env.OPENROUTER_WEBHOOK_SECRET,
 *     callbackUrl: 'https://example.com/api/sora/webhooks/openrouter',
 *   }),
 * });
 * ```
 */
export function openrouterProvider(options: OpenRouterProviderOptions = {}): VideoProvider {
  const apiKey = options.apiKey ?? envKey();
  if (!apiKey) throw new TypeError('openrouterProvider needs an apiKey (or OPENROUTER_API_KEY)');
  const now = options.now ?? (() => Date.now());
  const http: OpenRouterHttp = {
    baseURL: (options.baseURL ?? 'https://openrouter.ai/api/v1').replace(/\/+$/, ''),
    apiKey,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now,
    headers: options.headers ?? {},
  };
  const typicalMs = (options.estimatedSeconds ?? 120) * 1000;
  const wanted = options.models ?? DEFAULT_OPENROUTER_MODELS;
  const referenceUrl = options.referenceUrl ?? dataUrl;
  // Only a fallback for progress when the handler gives no `startedAt`: bounded, per instance.
  const firstSeen = new Map<string, number>();
  const remember = (id: string, at: number) => {
    if (firstSeen.has(id)) return;
    if (firstSeen.size >= FIRST_SEEN_LIMIT) firstSeen.delete(firstSeen.keys().next().value as string);
    firstSeen.set(id, at);
  };

  const models = ttlCache(
    async () => {
      const list = await json<OpenRouterVideoModelList>(await send(http, '/videos/models', {}));
      return selectModels(Array.isArray(list.data) ? list.data : [], wanted);
    },
    options.capabilitiesTtlMs ?? 10 * 60_000,
    now,
  );

  async function wireModel(id: string): Promise<OpenRouterVideoModel> {
    const found = (await models()).find((m) => m.wire.id === id);
    if (!found)
      throw new ProviderError('rejected', `OpenRouter model "${id}" is not offered`, {
        code: 'invalid_request',
      });
    return found.wire;
  }

  return {
    name: OPENROUTER_PROVIDER_NAME,

    async capabilities() {
      return { models: (await models()).map((m) => m.capabilities), variants: ['video'] };
    },

    async create(input: ProviderCreateInput, call?: ProviderCallOptions): Promise<ProviderVideo> {
      const body = await createRequest(await wireModel(input.model), input, {
        callbackUrl: options.callbackUrl ?? input.webhookUrl,
        referenceUrl,
      });
      // OpenRouter does not document Idempotency-Key on videos; it is sent anyway (ignored if unknown).
      const response = await send(http, '/videos', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': input.idempotencyKey },
        ...(call?.signal ? { signal: call.signal } : {}),
      });
      const job = await json<OpenRouterVideoJob>(response);
      remember(job.id, now());
      return toProviderVideo(job, 0, typicalMs);
    },

    async retrieve(id, call) {
      const response = await send(http, `/videos/${encodeURIComponent(id)}`, {
        ...(call?.signal ? { signal: call.signal } : {}),
      });
      const job = await json<OpenRouterVideoJob>(response);
      remember(id, now());
      const startedAt = call?.startedAt ?? firstSeen.get(id);
      return toProviderVideo(job, startedAt === undefined ? undefined : now() - startedAt, typicalMs);
    },

    async download(id, variant, call) {
      if (variant !== 'video') {
        throw new ProviderError('not_found', `OpenRouter offers no ${variant} for its videos`);
      }
      const response = await send(http, `/videos/${encodeURIComponent(id)}/content?index=0`, {
        headers: { Accept: 'video/mp4' },
        ...(call?.signal ? { signal: call.signal } : {}),
      });
      if (!response.body) throw new ProviderError('unknown', 'OpenRouter sent no video bytes');
      const length = Number(response.headers.get('content-length'));
      return {
        body: response.body,
        contentType: response.headers.get('content-type')?.split(';')[0] || 'video/mp4',
        ...(Number.isFinite(length) && length > 0 ? { bytes: length } : {}),
      };
    },

    verifyWebhook(rawBody, headers) {
      return verifyOpenRouterWebhook(rawBody, headers, { secret: options.webhookSecret, nowMs: now() });
    },
  };
}
