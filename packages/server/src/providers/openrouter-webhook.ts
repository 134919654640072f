/**
 * Verifying an OpenRouter video webhook delivery, in our {@link ProviderWebhookEvent} terms.
 * The event is only a nudge: the handler re-reads the job before acting on it.
 */
import { ProviderError } from './errors.js';
import { bodyDigest, checkOpenRouterSignature } from './openrouter-signature.js';
import {
  OPENROUTER_IDEMPOTENCY_HEADER,
  OPENROUTER_SIGNATURE_HEADER,
  type OpenRouterWebhookEvent,
} from './openrouter-wire.js';
import type { ProviderWebhookEvent } from './types.js';

const MESSAGES = {
  missing: 'the delivery has no X-OpenRouter-Signature header',
  malformed: 'the X-OpenRouter-Signature header is malformed',
  stale: 'the delivery is older than 300 seconds (or from the future)',
  mismatch: 'the signature does not match the body',
} as const;

function invalid(message: string): ProviderError {
  return new ProviderError('invalid_webhook', `OpenRouter webhook refused: ${message}`);
}

function parseEvent(rawBody: string): OpenRouterWebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(rawBody);
  } catch {
    throw invalid('the body is not JSON');
  }
  const candidate = event as Partial<OpenRouterWebhookEvent> | null;
  if (
    typeof candidate?.type !== 'string' ||
    !candidate.type.startsWith('video.generation.') ||
    typeof candidate.data?.id !== 'string' ||
    candidate.data.id === ''
  ) {
    throw invalid('the body is not a video generation event');
  }
  return candidate as OpenRouterWebhookEvent;
}

/**
 * Checks the signature over the exact raw body (constant-time, 300 s tolerance) and the event's
 * shape. `eventId` is the delivery's idempotency key (the same on every retry), or a digest of the
 * body when the header is absent, so repeats can be dropped.
 */
export async function verifyOpenRouterWebhook(
  rawBody: string,
  headers: Headers,
  options: { secret: string | undefined; nowMs: number },
): Promise<ProviderWebhookEvent> {
  if (!options.secret) throw invalid('no webhook secret is configured');
  const problem = await checkOpenRouterSignature(
    options.secret,
    rawBody,
    headers.get(OPENROUTER_SIGNATURE_HEADER),
    options.nowMs,
  );
  if (problem) throw invalid(MESSAGES[problem]);
  const event = parseEvent(rawBody);
  const key = headers.get(OPENROUTER_IDEMPOTENCY_HEADER)?.trim();
  return { eventId: key || (await bodyDigest(rawBody)), videoId: event.data.id, type: event.type };
}
