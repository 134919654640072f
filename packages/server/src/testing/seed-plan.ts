/**
 * Seeding a mock with jobs in given states, planned as pure arithmetic on the fake's clock: the
 * fake computes a video's status from its age, so a job "at 50 %" is one created half a
 * generation ago. The plan says in which order to create the jobs and how far to move the clock
 * between two creations; `createSoraMock().seed()` carries it out.
 */
import { SCENARIO_TOKENS } from '../providers/fake/scenarios.js';

/** A state a seeded job should show once seeding is over. */
export type SeedState =
  | 'queued'
  | 'completed'
  /** Failed with `moderation_blocked` (not retryable), after some progress. */
  | 'moderation_blocked'
  /** Failed with `upstream_failed` (retryable). */
  | 'failed'
  /** In progress at this percentage (the fake reports 10..99 while generating). */
  | { progress: number };

/** One job to seed. */
export interface SeedJob {
  prompt: string;
  state: SeedState;
  model?: string;
  size?: string;
  seconds?: number;
}

/** One step of a plan: move the clock by `advanceMs`, then create `job` with `prompt`. */
export interface SeedStep {
  index: number;
  advanceMs: number;
  prompt: string;
}

/** The fake's shares of a generation (see providers/fake/store.ts and scenarios.ts). */
const QUEUED_SHARE = 0.1;
const FAIL_AT = { moderation_blocked: 0.3, failed: 0.6 } as const;

/** How old (ms) a job must be, at the end of seeding, to show `state`. */
export function ageFor(state: SeedState, generationMs: number): number {
  if (state === 'queued') return 0;
  if (state === 'completed') return generationMs;
  if (state === 'moderation_blocked' || state === 'failed') return Math.ceil(generationMs * FAIL_AT[state]);
  const percent = Math.min(99, Math.max(Math.ceil(QUEUED_SHARE * 100), Math.round(state.progress)));
  // The middle of the percentage's span, so rounding never tips it into the next one.
  return Math.round(((percent + 0.5) / 100) * generationMs);
}

/** The prompt with the scenario token its state needs (the fake fails only on those tokens). */
export function promptFor(job: SeedJob): string {
  if (job.state === 'moderation_blocked' && !job.prompt.includes(SCENARIO_TOKENS.moderation)) {
    return `${job.prompt} ${SCENARIO_TOKENS.moderation}`;
  }
  if (job.state === 'failed' && !job.prompt.includes(SCENARIO_TOKENS.failed)) {
    return `${job.prompt} ${SCENARIO_TOKENS.failed}`;
  }
  return job.prompt;
}

/**
 * Orders the creations oldest first and spaces them on the clock; after the last creation the
 * clock moves on by `finalAdvanceMs`. `totalMs` is how far it moves in all (the span to start
 * the clock back by, so the jobs end up created in the past).
 * Ties keep the caller's order, and within a tie the later job is created later (newer).
 */
export function planSeed(
  jobs: readonly SeedJob[],
  generationMs: number,
): { steps: SeedStep[]; finalAdvanceMs: number; totalMs: number } {
  const aged = jobs.map((job, index) => ({
    index,
    age: ageFor(job.state, generationMs),
    prompt: promptFor(job),
  }));
  // Oldest first; among equals, the caller's last job is created first so the list (newest
  // first) shows them in the caller's order.
  aged.sort((a, b) => b.age - a.age || b.index - a.index);
  const steps: SeedStep[] = [];
  let previous = aged[0]?.age ?? 0;
  let totalMs = 0;
  for (const [position, job] of aged.entries()) {
    // At least 1 ms apart, so no two jobs share a creation time and the order stays stable.
    const advanceMs = position === 0 ? 0 : Math.max(1, previous - job.age);
    steps.push({ index: job.index, advanceMs, prompt: job.prompt });
    totalMs += advanceMs;
    previous = job.age;
  }
  // The youngest job must age too (a lone completed job needs a whole generation).
  return { steps, finalAdvanceMs: previous, totalMs: totalMs + previous };
}
