/**
 * The adapter's thin HTTP shell over OpenRouter: one place that adds the bearer, turns network
 * failures and error answers into {@link ProviderError}s and never lets the key into a message.
 */
import { ProviderError } from './errors.js';
import { errorFromResponse } from './openrouter-mapping.js';

/** What every call needs. */
export interface OpenRouterHttp {
  baseURL: string;
  apiKey: string;
  fetch: typeof fetch;
  now: () => number;
  headers: Record<string, string>;
}

/** Sends one request; resolves to the response when it is a 2xx, throws a {@link ProviderError} otherwise. */
export async function send(
  http: OpenRouterHttp,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
): Promise<Response> {
  const headers: Record<string, string> = {
    ...http.headers,
    ...init.headers,
    Authorization: `Bearer ${http.apiKey}`,
  };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await http.fetch(`${http.baseURL}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
    });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ProviderError('unavailable', `Could not reach OpenRouter: ${scrub(reason, http.apiKey)}`);
  }
  if (response.ok) return response;
  const body = await response.json().catch(() => null);
  throw errorFromResponse(response.status, body, response.headers, {
    nowMs: http.now(),
    secret: http.apiKey,
  });
}

/** Reads a 2xx answer's JSON, or fails as `unknown` when it is not JSON. */
export async function json<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new ProviderError('unknown', 'OpenRouter answered with a body that is not JSON', {
      status: response.status,
      cause,
    });
  }
}

function scrub(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}
