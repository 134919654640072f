/**
 * The typed client of the sora-kit HTTP API (see docs/contract.md), built on ky. Runs in browsers,
 * Node 20+ and workers: it only uses `fetch`, `FormData`, `URL` and `crypto`.
 */
import kyExport, { HTTPError, type KyInstance, type Options } from 'ky';
import type {
  Capabilities,
  CreateVideoInput,
  Job,
  JobPage,
  MediaLink,
  RemixVideoInput,
  Variant,
} from './contract.js';
import { randomId, requireAbsolute, resolveEndpoint } from './endpoint.js';
import { errorFromFailure, errorFromResponse, parseRetryAfter, SoraApiError } from './errors.js';

/**
 * ky's default export. ky is an ES module only; the CommonJS build loads it with `require()`, and
 * the bundler's interop then hands over ky's whole module where its default export belongs.
 */
const ky: typeof kyExport = (kyExport as unknown as { default?: typeof kyExport }).default ?? kyExport;

/** Header values as `fetch` takes them, spelled out so that the types need no DOM lib in Node projects. */
export type HeaderValues = Headers | Record<string, string> | [string, string][];

/** `fetch`'s `credentials` mode, spelled out for the same reason. */
export type CredentialsMode = 'include' | 'omit' | 'same-origin';

/** Headers sent with every request: fixed, or computed per request (e.g. a fresh bearer token). */
export type HeadersOption = HeaderValues | (() => HeaderValues | Promise<HeaderValues>);

/**
 * How the client retries. GETs always may; POSTs only because each carries an idempotency key, and
 * never after a refusal (429, 503): that comes back to the caller at once with its `retryAfterSeconds`.
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  limit?: number;
  /** The longest `Retry-After` the client waits for, in seconds (default 30); longer ones fail at once. */
  maxRetryAfter?: number;
}

/** Options of `createSoraClient`. */
export interface SoraClientOptions {
  /** Where the handler is mounted: absolute, or relative to the page (`/api/sora`) in browsers. */
  endpoint: string;
  /** A custom `fetch` (tests, proxies, workers with bindings). */
  fetch?: typeof globalThis.fetch;
  headers?: HeadersOption;
  /** `include` for a handler on another origin that uses cookies; the browser default otherwise. */
  credentials?: CredentialsMode;
  retry?: RetryOptions;
  /** Per-attempt timeout in ms, or `false` (default 30 000; uploads may need more). */
  timeout?: number | false;
}

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /** `false` fails at once instead of retrying (for callers with their own backoff, like polling). */
  retry?: boolean;
}

/** Options of calls that change state; the key makes retries safe (a fresh UUID unless given). */
export interface MutationOptions extends CallOptions {
  idempotencyKey?: string;
}

/** Options of `listVideos`. */
export interface ListVideosOptions extends CallOptions {
  /** 1..100, default 20 on the server. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Options of `getMediaLink`. */
export interface MediaLinkOptions extends CallOptions {
  variant?: Variant;
  /** Ask for `Content-Disposition: attachment`. */
  download?: boolean;
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
/** Statuses that refuse a request for a while (with `Retry-After`), as opposed to failing it. */
const REFUSALS = [429, 503];

function toBody(input: CreateVideoInput): { json: object } | { body: FormData } {
  const { inputReference, ...fields } = input;
  if (inputReference === undefined) return { json: fields };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) form.set(key, String(value));
  }
  const name = (inputReference as Blob & { name?: string }).name ?? 'reference';
  form.set('input_reference', inputReference, name);
  return { body: form };
}

function makeKy(options: SoraClientOptions): KyInstance {
  const maxRetryAfter = (options.retry?.maxRetryAfter ?? 30) * 1000;
  const headers = options.headers;
  return ky.create({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    timeout: options.timeout ?? 30_000,
    retry: {
      limit: options.retry?.limit ?? 2,
      methods: ['get', 'head'],
      statusCodes: RETRY_STATUS,
      afterStatusCodes: [429, 503],
      maxRetryAfter,
      backoffLimit: 10_000,
      shouldRetry: ({ error }) => {
        if (!(error instanceof HTTPError)) return undefined;
        // A refused create, remix or retry (429, 503) is the person's to see with its Retry-After
        // (a countdown), never a silent wait behind "Sending…" for a job that does not exist yet.
        if (error.request.method === 'POST' && REFUSALS.includes(error.response.status)) return false;
        // A wait longer than we accept is the caller's decision (e.g. a quota): fail at once.
        const after = parseRetryAfter(error.response.headers.get('Retry-After'));
        return after !== undefined && after * 1000 > maxRetryAfter ? false : undefined;
      },
    },
    hooks: {
      beforeRequest: [
        async (request) => {
          if (headers === undefined) return;
          const extra = new Headers(typeof headers === 'function' ? await headers() : headers);
          extra.forEach((value, key) => {
            if (!request.headers.has(key)) request.headers.set(key, value);
          });
        },
      ],
    },
  });
}

/**
 * Creates the typed client of one sora-kit endpoint.
 *
 * @example
 * ```ts
 * const client = createSoraClient({ endpoint: '/api/sora' });
 * const job = await client.createVideo({ prompt: 'a paper boat on a rainy street' });
 * ```
 */
export function createSoraClient(clientOptions: SoraClientOptions) {
  const endpoint = resolveEndpoint(clientOptions.endpoint);
  const http = makeKy(clientOptions);
  const url = (path: string) => `${requireAbsolute(endpoint)}${path}`;
  const id = encodeURIComponent;

  // Anonymous sessions: the server sets its session cookie on its first answer. Requests sent in
  // parallel before that answer would each be given a different new identity (a page's history,
  // event stream and first job would belong to three strangers), so the first request goes alone.
  let firstAnswer: Promise<void> | undefined;
  function inSession<T>(run: () => Promise<T>): Promise<T> {
    if (firstAnswer) return firstAnswer.then(run);
    const result = run();
    firstAnswer = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  async function send(path: string, init: Options): Promise<Response> {
    const target = url(path);
    try {
      return await inSession(() => http(target, init));
    } catch (error) {
      if (error instanceof HTTPError) throw await errorFromResponse(error.response);
      throw errorFromFailure(error);
    }
  }

  async function json<T>(path: string, init: Options): Promise<T> {
    const response = await send(path, init);
    try {
      return (await response.json()) as T;
    } catch (cause) {
      throw new SoraApiError({
        status: response.status,
        code: 'invalid_response',
        message: 'The server answered with something other than JSON',
        cause,
      });
    }
  }

  const call = (options: CallOptions | undefined): Options => ({
    signal: options?.signal,
    ...(options?.retry === false ? { retry: 0 } : {}),
  });

  function mutation(options: MutationOptions | undefined, init: Options): Options {
    return {
      ...init,
      method: 'post',
      signal: options?.signal,
      headers: { 'Idempotency-Key': options?.idempotencyKey ?? randomId() },
      // The idempotency key makes a repeated POST safe, so it may be retried like a GET.
      retry: { methods: ['post'] },
    };
  }

  return {
    /** The absolute endpoint (or the relative one as given when there is no page to resolve it). */
    endpoint,
    /** `credentials` as configured, for connections the store opens itself. */
    credentials: clientOptions.credentials,
    /** The absolute URL of a path under the endpoint (`/events` → `https://…/api/sora/events`). */
    url,
    /** Sends a raw request through the client's fetch, headers and credentials (no retry). */
    raw(path: string, init: RequestInit & { signal?: AbortSignal }): Promise<Response> {
      return inSession(() => http(url(path), { ...init, retry: 0, timeout: false, throwHttpErrors: false }));
    },
    /** `POST /videos`: JSON, or multipart when `inputReference` is given. Answers the queued job. */
    createVideo(input: CreateVideoInput, options?: MutationOptions): Promise<Job> {
      // An upload may take long on a slow link; only a configured timeout applies to it.
      const upload = input.inputReference !== undefined && clientOptions.timeout === undefined;
      return json<Job>(
        '/videos',
        mutation(options, { ...toBody(input), ...(upload ? { timeout: false } : {}) }),
      );
    },
    /** `GET /videos`: the caller's jobs, newest first. */
    listVideos(options: ListVideosOptions = {}): Promise<JobPage> {
      const searchParams = new URLSearchParams();
      if (options.limit !== undefined) searchParams.set('limit', String(options.limit));
      if (options.cursor !== undefined) searchParams.set('cursor', options.cursor);
      return json<JobPage>('/videos', { searchParams, ...call(options) });
    },
    /** `GET /videos/:jobId`. */
    getVideo(jobId: string, options?: CallOptions): Promise<Job> {
      return json<Job>(`/videos/${id(jobId)}`, call(options));
    },
    /** `POST /videos/:jobId/retry`: only a failed job; answers it again queued, attempts + 1. */
    retryVideo(jobId: string, options?: MutationOptions): Promise<Job> {
      return json<Job>(`/videos/${id(jobId)}/retry`, mutation(options, {}));
    },
    /** `POST /videos/:jobId/remix`: only a completed job; answers the new job. */
    remixVideo(jobId: string, input: RemixVideoInput, options?: MutationOptions): Promise<Job> {
      return json<Job>(`/videos/${id(jobId)}/remix`, mutation(options, { json: { prompt: input.prompt } }));
    },
    /** `DELETE /videos/:jobId`: the job, its files and the provider's copy are gone. */
    async deleteVideo(jobId: string, options?: CallOptions): Promise<void> {
      await send(`/videos/${id(jobId)}`, { method: 'delete', signal: options?.signal, retry: 0 });
    },
    /** `GET /videos/:jobId/media`: a signed, short-lived link (absolute), or `409 not_ready`. */
    async getMediaLink(jobId: string, options: MediaLinkOptions = {}): Promise<MediaLink> {
      const searchParams = new URLSearchParams({ variant: options.variant ?? 'video' });
      if (options.download) searchParams.set('download', '1');
      const link = await json<MediaLink>(`/videos/${id(jobId)}/media`, {
        searchParams,
        ...call(options),
      });
      return { ...link, url: absolutize(link.url, endpoint) };
    },
    /** `GET /capabilities`: models, sizes, lengths and limits of the configured provider. */
    getCapabilities(options?: CallOptions): Promise<Capabilities> {
      return json<Capabilities>('/capabilities', call(options));
    },
  };
}

function absolutize(link: string, endpoint: string): string {
  try {
    return new URL(link, endpoint).href;
  } catch {
    return link;
  }
}

/** The client `createSoraClient` returns. */
export type SoraClient = ReturnType<typeof createSoraClient>;
