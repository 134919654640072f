/**
 * Scenario tokens in a prompt, the same ones as the OpenAI fake (docs/contract.md) plus the two statuses
 * only OpenRouter has, and the timeline each gives a job. Pure: state at a time is computed, so the
 * fake's clock alone drives every job.
 */
import type { OpenRouterVideoStatus } from '../openrouter-wire.js';

/** What a prompt asks the fake to do. */
export interface Scenario {
  /**
   * How the job ends. `media_missing`: the fake has no sample clips to deliver
   * (`@sora-kit/sample-media` not installed), so every job fails early and says why.
   */
  outcome: 'completed' | 'moderation_blocked' | 'failed' | 'cancelled' | 'expired' | 'media_missing';
  /** `fake:slow`: three times longer. */
  slow: boolean;
  /** `fake:rate_limit`: the create answers 429 twice before it succeeds. */
  rateLimit: boolean;
}

/** Reads the tokens of a prompt. */
export function scenarioOf(prompt: string): Scenario {
  const has = (token: string) => prompt.includes(`fake:${token}`);
  const outcome = has('moderation_blocked')
    ? 'moderation_blocked'
    : has('failed')
      ? 'failed'
      : has('cancelled')
        ? 'cancelled'
        : has('expired')
          ? 'expired'
          : 'completed';
  return { outcome, slow: has('slow'), rateLimit: has('rate_limit') };
}

/** The messages a failed job carries, as OpenRouter surfaces them (plain text in `error`). */
export const SCENARIO_ERRORS = {
  moderation_blocked:
    'Request blocked by the provider: the prompt was flagged by content moderation and violates the usage policy.',
  failed: 'The provider failed to generate the video. Please try again.',
  cancelled: 'The generation was cancelled by the provider.',
  expired: 'The generation expired before its output was retrieved.',
  media_missing:
    'The fake provider has no sample videos to deliver: install @sora-kit/sample-media (npm i -D @sora-kit/sample-media) or pass `media` to the fake.',
} as const;

/** A job's status and error at `elapsedMs` after it was submitted, for a total duration. */
export function statusAt(
  scenario: Scenario,
  elapsedMs: number,
  durationMs: number,
): { status: OpenRouterVideoStatus; error?: string; settledAt?: number } {
  const total = durationMs * (scenario.slow ? 3 : 1);
  const ends: Record<Scenario['outcome'], number> = {
    completed: total,
    expired: total,
    moderation_blocked: total * 0.4,
    failed: total * 0.6,
    cancelled: total * 0.5,
    media_missing: total * 0.1,
  };
  const end = ends[scenario.outcome];
  if (elapsedMs >= end) {
    if (scenario.outcome === 'completed') return { status: 'completed', settledAt: end };
    const status =
      scenario.outcome === 'moderation_blocked' || scenario.outcome === 'media_missing'
        ? 'failed'
        : scenario.outcome;
    return { status, error: SCENARIO_ERRORS[scenario.outcome], settledAt: end };
  }
  return { status: elapsedMs < total * 0.1 ? 'pending' : 'in_progress' };
}
