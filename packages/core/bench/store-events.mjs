// How fast a store applies live events: a history of N jobs, then N progress events arriving on
// the event stream, with one effect reading the sorted list (as a job list does). Prints figures;
// not part of the tests.
// Run: pnpm --filter @sora-kit/core build && node packages/core/bench/store-events.mjs [N]
import { createJobStore, effect } from '../dist/index.js';

const n = Number(process.argv[2] ?? 1000);
const at = (i) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
const job = (i, progress, t) => ({
  jobId: `job_${i}`,
  status: 'in_progress',
  progress,
  prompt: 'p',
  model: 'sora-2',
  size: '1280x720',
  seconds: 4,
  provider: 'fake',
  hasReference: false,
  attempts: 1,
  createdAt: at(i),
  updatedAt: at(t),
});
const history = Array.from({ length: n }, (_, i) => job(i, 1, i)).reverse();
const events = history.map(
  (j, k) =>
    `event: job\nid: ${k}\ndata: ${JSON.stringify({ ...j, progress: 50, updatedAt: at(1e6 + k) })}\n\n`,
);

let started;
const fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.pathname.endsWith('/events')) {
    const body = new ReadableStream({
      start(c) {
        started = performance.now();
        // One chunk per event, as they arrive from a server over time.
        for (const event of events) c.enqueue(new TextEncoder().encode(event));
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  }
  return Response.json({ items: history, nextCursor: null });
};

const store = createJobStore({ endpoint: 'http://bench.test/api', fetch, crossTab: false, pageSize: 100 });
await store.load();
let renders = 0;
let done;
const finished = new Promise((resolve) => {
  done = resolve;
});
const stop = effect(() => {
  const list = store.jobs.value;
  renders += 1;
  if (list.every((j) => j.progress === 50)) done();
});
const release = store.retain();
await finished;
const ms = performance.now() - started;
release();
stop();
console.log(`history: ${n} jobs; events: ${n}`);
console.log(
  `applied in ${ms.toFixed(1)} ms: ${((ms / n) * 1000).toFixed(0)} µs per event (parse, upsert, keep order, list effect)`,
);
console.log(`list effect runs: ${renders}`);
