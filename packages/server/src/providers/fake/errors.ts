/** The OpenAI API's error envelope, as the fake answers it. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The body of every error answer: `{error: {message, type, param, code}}`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Answers an error in the API's envelope. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  fields: { type?: string; param?: string | null; code?: string | null } = {},
  headers: Record<string, string> = {},
): Response {
  const body: OpenAIErrorBody = {
    error: {
      message,
      type: fields.type ?? 'invalid_request_error',
      param: fields.param ?? null,
      code: fields.code ?? null,
    },
  };
  return c.json(body, status, headers);
}

/** `400` for a bad parameter. */
export function invalidParam(c: Context, param: string, message: string, code = 'invalid_value') {
  return apiError(c, 400, message, { param, code });
}

/** `404` for a video the fake does not know. */
export function videoNotFound(c: Context, id: string): Response {
  return apiError(c, 404, `Video with id '${id}' not found.`, { param: 'video_id', code: 'video_not_found' });
}

/** `429` with the headers the SDK reads to back off. */
export function rateLimited(c: Context, retryAfterSeconds: number): Response {
  return apiError(
    c,
    429,
    'Rate limit reached for requests. Please try again later.',
    { type: 'requests', code: 'rate_limit_exceeded' },
    { 'retry-after': String(retryAfterSeconds), 'retry-after-ms': String(retryAfterSeconds * 1000) },
  );
}

/** `500` as the API sends it. */
export function serverError(c: Context): Response {
  return apiError(c, 500, 'The server had an error while processing your request. Sorry about that!', {
    type: 'server_error',
  });
}
