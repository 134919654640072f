/**
 * The fake's jobs: what was submitted and when. Everything else (status, error, URLs, usage) is
 * computed from the clock, so a job never needs a timer to move on.
 */
import type { OpenRouterVideoJob, OpenRouterWebhookEvent } from '../openrouter-wire.js';
import { type Scenario, statusAt } from './scenarios.js';
import type { AcceptedRequest } from './validate.js';

/** One submitted generation. */
export interface FakeJob {
  id: string;
  request: AcceptedRequest;
  scenario: Scenario;
  submittedAt: number;
  /** USD for the whole clip, charged when it completes. */
  cost: number;
}

/** Where the fake's routes live, for `polling_url` and `unsigned_urls`. */
export interface FakeBase {
  /** Absolute, e.g. `https://openrouter.ai/api/v1`. */
  url: string;
  /** The path part, e.g. `/api/v1`. */
  path: string;
}

/** The job as `GET /videos/{id}` answers it at `now`. */
export function jobView(job: FakeJob, now: number, durationMs: number, base: FakeBase): OpenRouterVideoJob {
  const state = statusAt(job.scenario, now - job.submittedAt, durationMs);
  const view: OpenRouterVideoJob = {
    id: job.id,
    polling_url: `${base.path}/videos/${job.id}`,
    status: state.status,
  };
  if (state.error) view.error = state.error;
  if (state.status === 'completed') {
    view.generation_id = `gen-${job.id}`;
    view.unsigned_urls = [`${base.url}/videos/${job.id}/content?index=0`];
    view.usage = { cost: job.cost, is_byok: false };
  }
  return view;
}

/** When the job reached its terminal state, if it has by `now`. */
export function settledAt(job: FakeJob, now: number, durationMs: number): number | undefined {
  const state = statusAt(job.scenario, now - job.submittedAt, durationMs);
  return state.settledAt === undefined ? undefined : job.submittedAt + state.settledAt;
}

/** The webhook event for a settled job, as OpenRouter POSTs it. */
export function webhookEvent(view: OpenRouterVideoJob, job: FakeJob, at: number): OpenRouterWebhookEvent {
  const status = view.status as OpenRouterWebhookEvent['data']['status'];
  return {
    type: `video.generation.${status}`,
    created_at: new Date(at).toISOString(),
    data: {
      id: view.id,
      status,
      generation_id: view.generation_id ?? null,
      model: job.request.model.id,
      ...(view.unsigned_urls ? { unsigned_urls: view.unsigned_urls } : {}),
      ...(view.usage ? { usage: view.usage } : {}),
      ...(view.error ? { error: view.error } : {}),
    },
  };
}
