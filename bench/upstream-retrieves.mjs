// Upstream retrieves (`GET /videos/:id` at the provider) per 2-minute job, with 1 and with 100
// clients watching it over SSE, and with webhooks. The fake and the handler share a clock running
// SPEED times the wall clock (poll pacing is by that clock; the loop's tick is scaled to match),
// so a 2-minute job takes seconds. Medians of the rounds.
//   pnpm --filter @sora-kit/server build && node bench/upstream-retrieves.mjs [--quick]
import { interleaved, quick, record, until } from './lib/harness.mjs';
import { liveHandler } from './lib/live.mjs';

const SPEED = 20;
const JOB_SECONDS = quick ? 24 : 120;

async function retrievesPerJob({ watchers, webhooks = false }) {
  const live = await liveHandler({ generationSeconds: JOB_SECONDS, speed: SPEED, webhooks });
  const closers = [];
  try {
    const jobId = await live.create('retrieves');
    let done = false;
    for (let i = 0; i < watchers; i++) {
      closers.push(
        await live.watch(`/videos/${jobId}/events`, (_event, job) => {
          if (job.status === 'completed') done = true;
        }),
      );
    }
    await until(() => done, { timeoutMs: 120_000, what: 'the job completed' });
    return live.fake.counters.get('GET /videos/:id');
  } finally {
    await Promise.all(closers.map((close) => close()));
    await live.close();
  }
}

const medians = await interleaved({
  one: () => retrievesPerJob({ watchers: 1 }),
  hundred: () => retrievesPerJob({ watchers: 100 }),
  webhooks: () => retrievesPerJob({ watchers: 1, webhooks: true }),
});
console.log(
  `retrieves per ${JOB_SECONDS} s job: 1 watcher ${medians.one}, 100 watchers ${medians.hundred}, webhooks ${medians.webhooks}`,
);
record({
  upstreamRetrievesPerJob1: {
    value: medians.one,
    baseline: 15,
    unit: 'calls',
    baselineIs: `the target for a 2-minute job (job here: ${JOB_SECONDS} s)`,
    target: '≤ 15',
  },
  upstreamRetrievesPerJob100: {
    value: medians.hundred,
    baseline: medians.one,
    unit: 'calls',
    baselineIs: 'the same job with 1 watcher (target ≤ 15)',
    target: '≤ 15',
  },
  upstreamRetrievesPerJobWebhooks: {
    value: medians.webhooks,
    baseline: 2,
    unit: 'calls',
    baselineIs: 'the target',
    target: '≤ 2',
  },
});
