/**
 * Webhooks as OpenRouter sends them: one signed POST per settled job to its `callback_url` (or
 * the workspace default), retried with backoff on the fake's clock until a 2xx, at most
 * {@link MAX_ATTEMPTS} times. Each retry is signed afresh (new `t`) but keeps the same
 * `X-OpenRouter-Idempotency-Key`. Web Crypto only, so this runs in browsers too.
 */
import { signOpenRouterWebhook } from '../openrouter-signature.js';
import {
  OPENROUTER_IDEMPOTENCY_HEADER,
  OPENROUTER_SIGNATURE_HEADER,
  type OpenRouterWebhookEvent,
} from '../openrouter-wire.js';

/** Attempts per delivery before the fake gives up (the real API retries for longer). */
export const MAX_ATTEMPTS = 5;
/** Fake-clock delay before the first retry; doubled after each. */
const FIRST_RETRY_MS = 1_000;

/** How the fake signs and sends webhooks. */
export interface FakeOpenRouterWebhookOptions {
  /** The workspace signing secret. */
  secret: string;
  /** The workspace default callback, used when a create has no `callback_url`. */
  url?: string;
  /** Sends the POST (default: global fetch); e.g. a handler's `app.request`. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * The signature's `t` source (epoch ms). Default: the wall clock, since receivers check it
   * against their own time, not the fake's.
   */
  timestamp?: () => number;
}

/** One attempt, kept for inspection. */
export interface FakeOpenRouterWebhookDelivery {
  event: OpenRouterWebhookEvent;
  idempotencyKey: string;
  url: string;
  /** The exact body sent (and signed). */
  body: string;
  /** The receiver's status, or 0 when the request itself failed. */
  status: number;
}

interface Pending {
  key: string;
  url: string;
  event: OpenRouterWebhookEvent;
  attempts: number;
  nextAt: number;
  done: boolean;
}

/** The fake's webhook queue. */
export interface FakeOpenRouterNotifier {
  /** Queues a settled job's event once (later calls for the same job do nothing). */
  queue(jobId: string, callbackUrl: string | undefined, event: OpenRouterWebhookEvent, at: number): void;
  /** Sends what is due at `now`; resolves once those deliveries are answered. */
  sweep(now: number): Promise<void>;
  /** Waits for deliveries under way. */
  idle(): Promise<void>;
  /** Every attempt so far, oldest first. */
  deliveries(): FakeOpenRouterWebhookDelivery[];
}

async function send(
  options: FakeOpenRouterWebhookOptions,
  entry: Pending,
): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(entry.event);
  const t = Math.floor((options.timestamp ?? Date.now)() / 1000);
  const request = new Request(entry.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'OpenRouter-Webhooks (sora-kit fake)',
      [OPENROUTER_SIGNATURE_HEADER]: await signOpenRouterWebhook(options.secret, body, t),
      [OPENROUTER_IDEMPOTENCY_HEADER]: entry.key,
    },
    body,
  });
  try {
    const response = await (options.fetch ?? ((r: Request) => fetch(r)))(request);
    await response.body?.cancel();
    return { status: response.status, body };
  } catch {
    return { status: 0, body };
  }
}

/** A notifier; without `options` nothing is ever sent. */
export function createOpenRouterNotifier(newKey: () => string, options?: FakeOpenRouterWebhookOptions) {
  const pending = new Map<string, Pending>();
  const log: FakeOpenRouterWebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();

  const attempt = async (entry: Pending, now: number) => {
    if (!options) return;
    entry.attempts += 1;
    entry.nextAt = now + FIRST_RETRY_MS * 2 ** (entry.attempts - 1);
    const { status, body } = await send(options, entry);
    log.push({ event: entry.event, idempotencyKey: entry.key, url: entry.url, body, status });
    entry.done = (status >= 200 && status < 300) || entry.attempts >= MAX_ATTEMPTS;
  };

  const notifier: FakeOpenRouterNotifier = {
    queue(jobId, callbackUrl, event, at) {
      const url = callbackUrl ?? options?.url;
      if (!options || !url || pending.has(jobId)) return;
      pending.set(jobId, { key: newKey(), url, event, attempts: 0, nextAt: at, done: false });
    },
    async sweep(now) {
      const due = [...pending.values()].filter((entry) => !entry.done && entry.nextAt <= now);
      const work = Promise.all(due.map((entry) => attempt(entry, now))).then(() => undefined);
      inFlight.add(work);
      try {
        await work;
      } finally {
        inFlight.delete(work);
      }
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    deliveries: () => [...log],
  };
  return notifier;
}
