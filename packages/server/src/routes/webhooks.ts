/**
 * `POST /webhooks/:provider`: a signed nudge from the provider. The payload is never trusted for a
 * job's state; a verified, first-seen event only makes us re-read that video now. Event ids are
 * remembered for 24 h so a replayed delivery does nothing.
 */
import { Hono } from 'hono';
import { sha256Hex } from '../crypto.js';
import { HttpError } from '../http-error.js';
import type { Lifecycle } from '../jobs/lifecycle.js';
import type { Runtime } from '../jobs/runtime.js';
import { keys } from '../jobs/storage-keys.js';
import { ProviderError } from '../providers/errors.js';
import type { ProviderWebhookEvent } from '../providers/types.js';
import { readBody } from './body-read.js';

const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Provider events are a few hundred bytes (the same bound as security/apply.ts's body limit). */
const MAX_WEBHOOK_BYTES = 256 * 1024;

/** The webhook route as a Hono sub-app (no identity: the signature is the authorisation). */
export function createWebhookRoutes(rt: Runtime, lifecycle: Lifecycle): Hono {
  const app = new Hono();

  app.post('/webhooks/:provider', async (c) => {
    // Each configured provider has its own endpoint; its jobs' videos are refreshed by it.
    const provider = rt.providers.get(c.req.param('provider'));
    const verify = provider?.verifyWebhook?.bind(provider);
    if (!verify) {
      throw new HttpError(404, 'not_found', 'No webhook endpoint for this provider.');
    }
    const raw = new TextDecoder().decode(
      await readBody(c.req.raw, {
        maxBytes: MAX_WEBHOOK_BYTES,
        what: 'webhook body',
        timeoutMs: rt.limits.bodyTimeoutMs,
        logger: rt.logger,
      }),
    );
    let event: ProviderWebhookEvent;
    try {
      event = await verify(raw, c.req.raw.headers);
    } catch (error) {
      if (error instanceof ProviderError && error.kind !== 'invalid_webhook') throw error;
      throw new HttpError(400, 'invalid_request', 'The webhook signature or payload is not valid.');
    }
    const seenKey = keys.webhookEvent(await sha256Hex(event.eventId));
    // Taken atomically: of two deliveries of one event racing on two instances, one is the duplicate.
    if (!(await rt.coordination.acquire(seenKey, REPLAY_WINDOW_MS)))
      return c.json({ ok: true, duplicate: true });
    const jobId = (await rt.storage.getItem(keys.providerVideo(await sha256Hex(event.videoId)))) as
      | string
      | null;
    // With separate workers, the job is made due now and a worker refreshes it within a tick.
    if (typeof jobId === 'string' && rt.separateWorker) await rt.repo.activate(jobId);
    else if (typeof jobId === 'string') await lifecycle.refresh(jobId, { force: true });
    rt.logger.debug('webhook received', { type: event.type, known: typeof jobId === 'string' });
    return c.json({ ok: true });
  });

  return app;
}
