/**
 * Scenario tokens: words in a prompt that make the fake behave a certain way, so tests, stories
 * and the demo can show failures without a real model.
 */

/**
 * How a generation ends. `media_missing`: the fake has no sample clips to deliver
 * (`@sora-kit/sample-media` not installed), so it fails every video early rather than complete
 * one whose download would fail behind retries.
 */
export type FakeOutcome = 'completed' | 'moderation_blocked' | 'failed' | 'media_missing';

/** The share of the generation time after which a fake without its sample clips fails a video. */
export const MEDIA_MISSING_FAIL_AT = 0.1;

/** What the tokens in one prompt ask for. */
export interface FakeScenario {
  outcome: FakeOutcome;
  /** Fraction of the generation time after which a failing scenario fails (0..1). */
  failAt: number;
  /** Multiplier of the generation time (`fake:slow` → 3). */
  slowdown: number;
  /** How many times the create call answers 429 before it succeeds (`fake:rate_limit` → 2). */
  rateLimits: number;
}

/** The tokens the fake understands. */
export const SCENARIO_TOKENS = {
  moderation: 'fake:moderation_blocked',
  failed: 'fake:failed',
  slow: 'fake:slow',
  rateLimit: 'fake:rate_limit',
} as const;

/** Reads the scenario tokens of a prompt (case-insensitive). */
export function parseScenario(prompt: string): FakeScenario {
  const text = prompt.toLowerCase();
  const has = (token: string) => text.includes(token);
  let outcome: FakeOutcome = 'completed';
  let failAt = 1;
  if (has(SCENARIO_TOKENS.moderation)) {
    // The real API refuses after a while, not at once: the client sees some progress first.
    outcome = 'moderation_blocked';
    failAt = 0.3;
  } else if (has(SCENARIO_TOKENS.failed)) {
    outcome = 'failed';
    failAt = 0.6;
  }
  return {
    outcome,
    failAt,
    slowdown: has(SCENARIO_TOKENS.slow) ? 3 : 1,
    rateLimits: has(SCENARIO_TOKENS.rateLimit) ? 2 : 0,
  };
}

/** The `error` object of a video that failed under a scenario. */
export function scenarioError(outcome: FakeOutcome): { code: string; message: string } | null {
  if (outcome === 'moderation_blocked') {
    return {
      code: 'moderation_blocked',
      message: 'Your request was blocked by our moderation system.',
    };
  }
  if (outcome === 'failed') {
    return { code: 'video_generation_failed', message: 'Video generation failed. Please try again.' };
  }
  if (outcome === 'media_missing') {
    return {
      code: 'video_generation_failed',
      message:
        'The fake provider has no sample videos to deliver: install @sora-kit/sample-media (npm i -D @sora-kit/sample-media) or pass `media` to the fake.',
    };
  }
  return null;
}
