/**
 * Sends each video's `video.completed` / `video.failed` webhook once it settles on the fake's
 * clock. Checked lazily (on every request, on `advance()`, on a timer while listening), since
 * statuses are computed rather than scheduled.
 */
import { unixSeconds } from '../fake-kit/clock.js';
import { type FakeVideoStore, settlesAt } from './store.js';
import {
  deliverWebhook,
  type FakeWebhookDelivery,
  type FakeWebhookEvent,
  type FakeWebhookOptions,
} from './webhooks.js';

/** Attempts per event before the fake gives up (the real API retries for longer). */
const MAX_ATTEMPTS = 5;
/** Fake-clock time between attempts of an undelivered event. */
const RETRY_AFTER_MS = 5_000;

interface Pending {
  event: FakeWebhookEvent;
  attempts: number;
  nextAt: number;
  done: boolean;
}

/** The webhook side of a fake. */
export interface FakeNotifier {
  /** Sends what is due at `now`; resolves once those deliveries are answered. */
  sweep(now: number): Promise<void>;
  /** Waits for deliveries already under way. */
  idle(): Promise<void>;
  /** Every attempt so far, oldest first. */
  deliveries(): FakeWebhookDelivery[];
}

/** A notifier for `store`; without `options` nothing is sent. */
export function createNotifier(
  store: FakeVideoStore,
  newEventId: () => string,
  options?: FakeWebhookOptions,
): FakeNotifier {
  const pending = new Map<string, Pending>();
  const log: FakeWebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();

  const attempt = async (entry: Pending, now: number) => {
    if (!options) return;
    entry.attempts += 1;
    entry.nextAt = now + RETRY_AFTER_MS;
    const status = await deliverWebhook(options, entry.event);
    log.push({ event: entry.event, status });
    entry.done = (status >= 200 && status < 300) || entry.attempts >= MAX_ATTEMPTS;
  };

  const due = (now: number): Pending[] => {
    const ready: Pending[] = [];
    for (const record of store.all()) {
      const at = settlesAt(record);
      if (at > now) continue;
      let entry = pending.get(record.id);
      if (!entry) {
        const type = record.outcome === 'completed' ? 'video.completed' : 'video.failed';
        const event: FakeWebhookEvent = {
          id: newEventId(),
          object: 'event',
          created_at: unixSeconds(at),
          type,
          data: { id: record.id },
        };
        entry = { event, attempts: 0, nextAt: at, done: false };
        pending.set(record.id, entry);
      }
      if (!entry.done && entry.nextAt <= now) ready.push(entry);
    }
    return ready;
  };

  return {
    async sweep(now) {
      if (!options) return;
      const work = Promise.all(due(now).map((entry) => attempt(entry, now))).then(() => undefined);
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
}
