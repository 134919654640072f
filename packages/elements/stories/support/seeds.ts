/** Sample jobs for the stories: prompts a designer would recognise, in every state the fake has. */
import type { SeedJob } from '@sora-kit/server/testing';

/** Prompts that read like real ones. */
export const PROMPTS = [
  'A lighthouse on a cliff at dusk, waves breaking below, slow aerial orbit',
  'A red fox trotting through fresh snow in a birch forest, morning light',
  'Close-up of espresso pouring into a glass cup, steam curling, macro lens',
  'A paper boat drifting down a rainy city gutter, neon reflections',
  'Time-lapse of clouds rolling over mountain peaks, golden hour',
  'A golden retriever catching a frisbee on a beach, slow motion',
  'Lanterns rising over a river at night, handheld camera',
  'A hummingbird hovering at a red flower, 240 fps',
] as const;

const prompt = (index: number) => PROMPTS[index % PROMPTS.length]!;

/** A prompt far over the usual length, to check wrapping and truncation. */
export const LONG_PROMPT = `${Array.from(
  { length: 12 },
  (_, index) =>
    `Scene ${index + 1}: ${prompt(index)}, with a continuous dolly move, soft film grain, anamorphic flares and a muted teal-and-orange grade`,
).join('. ')}.`;

/** One job in each state, newest first once listed. */
export const EVERY_STATE: SeedJob[] = [
  { prompt: prompt(0), state: 'queued' },
  { prompt: prompt(1), state: { progress: 10 } },
  { prompt: prompt(2), state: { progress: 50 } },
  { prompt: prompt(3), state: { progress: 99 } },
  { prompt: prompt(4), state: 'completed' },
  { prompt: prompt(5), state: 'moderation_blocked' },
  { prompt: prompt(6), state: 'failed' },
  { prompt: prompt(7), state: 'completed', size: '1280x720' },
];

/** A single job in `state`. */
export function one(state: SeedJob['state'], extra: Partial<SeedJob> = {}): SeedJob[] {
  return [{ prompt: prompt(0), state, ...extra }];
}

/** `count` jobs, mostly finished, a few still running or failed: a long history to scroll. */
export function manyJobs(count: number): SeedJob[] {
  return Array.from({ length: count }, (_, index): SeedJob => {
    const state: SeedJob['state'] =
      index === 0
        ? { progress: 40 }
        : index % 9 === 4
          ? 'failed'
          : index % 13 === 7
            ? 'moderation_blocked'
            : 'completed';
    return { prompt: `#${count - index} ${prompt(index)}`, state, size: index % 2 ? '1280x720' : '720x1280' };
  });
}
