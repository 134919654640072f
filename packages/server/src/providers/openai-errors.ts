/** Maps the `openai` SDK's errors to {@link ProviderError} kinds, without leaking the API key. */
import type { APIError } from 'openai';
import { ProviderError } from './errors.js';
import type { OpenAISdk } from './openai-sdk.js';
import { retryAfterMs } from './retry-after.js';

type HeaderSource = Headers | Record<string, string | null | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  return headers[name] ?? undefined;
}

/** OpenAI's own `retry-after-ms`, else the standard `retry-after`, in milliseconds. */
function openAIRetryAfterMs(headers: HeaderSource, now: () => number = Date.now): number | undefined {
  const ms = Number.parseFloat(header(headers, 'retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  return retryAfterMs(header(headers, 'retry-after'), now());
}

/** Removes every occurrence of the secrets from a message. */
export function redact(message: string, secrets: Array<string | undefined>): string {
  let clean = message;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
}

function upstreamCode(error: APIError): string | undefined {
  const code = error.code ?? (error.error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function kindOf(status: number | undefined): ProviderError['kind'] {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 400 || status === 422 || status === 409 || status === 413 || status === 415)
    return 'rejected';
  if (status === undefined || status === 408 || status >= 500) return 'unavailable';
  return 'unknown';
}

/**
 * The {@link ProviderError} for anything the SDK threw. Network failures and timeouts are
 * `unavailable`; HTTP errors map by status; an abort is rethrown as it is.
 */
export function toProviderError(
  error: unknown,
  secrets: Array<string | undefined>,
  { APIConnectionError, APIError, APIUserAbortError }: OpenAISdk,
): unknown {
  if (error instanceof ProviderError || error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionError) {
    return new ProviderError('unavailable', redact(`OpenAI unreachable: ${error.message}`, secrets), {
      cause: error,
    });
  }
  if (error instanceof APIError) {
    const status = error.status;
    const code = upstreamCode(error);
    const after = openAIRetryAfterMs(error.headers as HeaderSource);
    return new ProviderError(
      kindOf(status),
      redact(`OpenAI ${status ?? 'error'}: ${error.message}`, secrets),
      {
        ...(status !== undefined ? { status } : {}),
        ...(after !== undefined ? { retryAfterMs: after } : {}),
        ...(code ? { code } : {}),
        cause: error,
      },
    );
  }
  if (error instanceof Error && error.name === 'AbortError') return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError('unknown', redact(`OpenAI call failed: ${message}`, secrets), { cause: error });
}
