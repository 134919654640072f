// Completion at the provider → `completed` event at a client watching `/events`, copying the
// three variants included, with the poller and with webhooks (the fake sends `video.completed`
// when the video completes). p95 over the jobs of a round; median of the rounds' p95s.
//   pnpm --filter @sora-kit/server build && node bench/completion-latency.mjs [--quick]
import { interleaved, percentile, quick, record, sleep, until } from './lib/harness.mjs';
import { liveHandler } from './lib/live.mjs';

const JOBS = quick ? 3 : 12;
const GENERATION_SECONDS = quick ? 1 : 3;
const p50s = { poller: [], webhooks: [] };

async function round(mode) {
  const live = await liveHandler({ generationSeconds: GENERATION_SECONDS, webhooks: mode === 'webhooks' });
  const latencies = [];
  const stop = await live.watch('/events', (event, job) => {
    if (event !== 'job' || job.status !== 'completed') return;
    const at = live.completesAt.get(job.prompt);
    if (at !== undefined && latencies.length < JOBS) latencies.push(Date.now() - at);
  });
  try {
    for (let i = 0; i < JOBS; i++) {
      await live.create(`${mode} latency ${i}`);
      await sleep(Math.random() * 300);
    }
    await until(() => latencies.length >= JOBS, { timeoutMs: 120_000, what: 'every job completed' });
  } finally {
    await stop();
    await live.close();
  }
  p50s[mode].push(percentile(latencies, 50));
  return percentile(latencies, 95);
}

const p95 = await interleaved({ poller: () => round('poller'), webhooks: () => round('webhooks') });
console.log(
  `completion → client, ms: poller p95 ${p95.poller.toFixed(0)} (p50s ${p50s.poller.join(', ')}), webhooks p95 ${p95.webhooks.toFixed(0)} (p50s ${p50s.webhooks.join(', ')})`,
);
record({
  completionToClientP95Ms: {
    value: p95.poller,
    baseline: 500,
    unit: 'ms',
    baselineIs: 'the target (no faster path exists to compare against)',
    target: '≤ 500',
  },
  completionToClientWebhookP95Ms: {
    value: p95.webhooks,
    baseline: 200,
    unit: 'ms',
    baselineIs: 'the target',
    target: '≤ 200',
  },
});
