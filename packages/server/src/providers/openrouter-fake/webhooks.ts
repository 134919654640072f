/**
 * The fake's webhook sender: a signed POST per settled job with a `callback_url`, retried with
 * backoff on the fake's clock until a 2xx (at most `maxAttempts`). Each retry is signed afresh
 * (new `t`) but keeps the same `X-OpenRouter-Idempotency-Key`, as OpenRouter does.
 */
import { signOpenRouterWebhook } from '../openrouter-signature.js';
import { OPENROUTER_IDEMPOTENCY_HEADER, OPENROUTER_SIGNATURE_HEADER } from '../openrouter-wire.js';
import type { Clock } from './clock.js';

/** One delivery and how it went. */
export interface FakeWebhookDelivery {
  idempotencyKey: string;
  jobId: string;
  url: string;
  body: string;
  attempts: number;
  /** The statuses the receiver answered, `0` for a network error. */
  statuses: number[];
  state: 'pending' | 'delivered' | 'gave_up';
  nextAttemptAt: number;
}

/** Options of the sender. */
export interface WebhookSenderOptions {
  secret: string;
  clock: Clock;
  fetch: typeof fetch;
  maxAttempts: number;
  /** First retry delay; doubled each time. */
  backoffMs: number;
}

/** The sender's queue. */
export interface WebhookSender {
  readonly deliveries: readonly FakeWebhookDelivery[];
  enqueue(jobId: string, url: string, body: string): void;
  /** Attempts every delivery that is due by the clock; resolves once they have all answered. */
  flush(): Promise<void>;
}

/** Creates a sender. */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const deliveries: FakeWebhookDelivery[] = [];
  let sequence = 0;

  async function attempt(delivery: FakeWebhookDelivery): Promise<void> {
    const t = Math.floor(options.clock.now() / 1000);
    const signature = await signOpenRouterWebhook(options.secret, delivery.body, t);
    delivery.attempts += 1;
    let status = 0;
    try {
      const response = await options.fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [OPENROUTER_SIGNATURE_HEADER]: signature,
          [OPENROUTER_IDEMPOTENCY_HEADER]: delivery.idempotencyKey,
        },
        body: delivery.body,
      });
      status = response.status;
      await response.body?.cancel();
    } catch {
      status = 0;
    }
    delivery.statuses.push(status);
    if (status >= 200 && status < 300) delivery.state = 'delivered';
    else if (delivery.attempts >= options.maxAttempts) delivery.state = 'gave_up';
    else delivery.nextAttemptAt = options.clock.now() + options.backoffMs * 2 ** (delivery.attempts - 1);
  }

  return {
    deliveries,
    enqueue(jobId, url, body) {
      sequence += 1;
      deliveries.push({
        idempotencyKey: `whk_${jobId}_${sequence}`,
        jobId,
        url,
        body,
        attempts: 0,
        statuses: [],
        state: 'pending',
        nextAttemptAt: options.clock.now(),
      });
    },
    async flush() {
      const due = deliveries.filter((d) => d.state === 'pending' && d.nextAttemptAt <= options.clock.now());
      await Promise.all(due.map(attempt));
    },
  };
}
