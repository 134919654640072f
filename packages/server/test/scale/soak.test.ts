/**
 * The soak of the multi-process suite, on real Redis and real PostgreSQL: 300 jobs created across 3
 * web instances with 20 % upstream faults while one of 2 workers is SIGKILLed every 10 s and
 * restarted. Every job must reach its right terminal state with exactly 1 upstream create, 1 stored
 * copy and each hook called once.
 */
import { expect, test } from 'vitest';
import { seededRandom } from '../../src/providers/fake-kit/faults.js';
import { createFakeOpenAI } from '../../src/testing.js';
import { ENGINES } from './engines.js';
import { runSoak } from './soak.mjs';

test.each(ENGINES)(
  '$name: 300 jobs, 20 % upstream faults, a worker SIGKILLed every 10 s — each job ends right, once',
  async (engine) => {
    const fake = createFakeOpenAI({
      generationSeconds: 4,
      faults: { serverErrorRate: 0.2, random: seededRandom(19) },
    });
    const { problems, summary } = await runSoak({ storage: engine.url, fake });
    console.log(`${engine.name} soak: ${JSON.stringify(summary)}`);
    expect(problems).toEqual([]);
    expect(summary.jobs).toBe(300);
    // The kills must have happened while work was under way, or the run proves nothing about them.
    expect(summary.kills).toBeGreaterThanOrEqual(2);
  },
);
