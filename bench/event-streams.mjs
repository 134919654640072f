// Event streams `GET /events`: storage reads per second with 2,000 idle streams ÷ with 10 (one
// watcher per instance should make it ≈ 1), RSS per idle stream at 2,000 streams against a bare
// node:http SSE endpoint, and RSS after every stream closed against before they opened. The
// server runs in a child process so its memory is its own; each round starts fresh.
//   pnpm --filter @sora-kit/server build && node bench/event-streams.mjs [--quick]
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { here, median, quick, record, rounds, sleep } from './lib/harness.mjs';

const MANY = quick ? 200 : 2000;
const FEW = 10;
const WINDOW_MS = quick ? 1000 : 3000;

function startServer(mode) {
  const child = fork(here('./sse-server.mjs'), [mode], {
    execArgv: ['--expose-gc'],
    env: process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  return {
    ready: next(),
    stats: () => {
      const answer = next();
      child.send('stats');
      return answer;
    },
    stop: () => {
      child.send('exit');
      return new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Opens one idle stream; resolves once the headers are in, with its closer. */
function openStream(url, user) {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/events`, { agent: false, headers: { 'x-bench-user': user } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`/events answered ${res.statusCode}`));
      res.on('data', () => {});
      res.on('error', () => {});
      resolve(() => req.destroy());
    });
    req.on('error', reject);
    req.end();
  });
}

async function openMany(url, from, to) {
  const closers = [];
  for (let i = from; i < to; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(to, i + 100); j++) batch.push(openStream(url, `user-${j}`));
    closers.push(...(await Promise.all(batch)));
  }
  return closers;
}

async function readsPerSecond(server) {
  const before = (await server.stats()).reads;
  const started = performance.now();
  await sleep(WINDOW_MS);
  const after = await server.stats();
  return ((after.reads - before) / (performance.now() - started)) * 1000;
}

async function round(mode) {
  const server = startServer(mode);
  const { url } = await server.ready;
  for (const close of await openMany(url, 0, FEW)) close();
  await sleep(500);
  const before = (await server.stats()).rss;
  const few = await openMany(url, 0, FEW);
  await sleep(1500);
  const readsFew = await readsPerSecond(server);
  const statsFew = await server.stats();
  const rssFew = statsFew.rss;
  const many = await openMany(url, FEW, MANY);
  await sleep(1500);
  const statsMany = await server.stats();
  const rssMany = statsMany.rss;
  if (process.env.BENCH_DEBUG) console.log(mode, { statsFew, statsMany });
  const readsMany = await readsPerSecond(server);
  for (const close of [...few, ...many]) close();
  await sleep(2000);
  const after = (await server.stats()).rss;
  await server.stop();
  return {
    readsFew,
    readsMany,
    perStreamKb: (rssMany - rssFew) / (MANY - FEW) / 1024,
    afterVsBefore: after / before,
  };
}

const ours = [];
const bare = [];
for (let i = 0; i < rounds; i++) {
  ours.push(await round('ours'));
  bare.push(await round('bare'));
}
const m = (list, key) => median(list.map((r) => r[key]));
console.log(
  `reads/s with ${FEW} streams ${m(ours, 'readsFew').toFixed(1)}, with ${MANY} ${m(ours, 'readsMany').toFixed(1)}; ` +
    `RSS per stream ${m(ours, 'perStreamKb').toFixed(1)} KB (bare ${m(bare, 'perStreamKb').toFixed(1)} KB); ` +
    `RSS after close ÷ before: ${m(ours, 'afterVsBefore').toFixed(3)} (bare ${m(bare, 'afterVsBefore').toFixed(3)})`,
);
record({
  sseStorageReadsPerSecondRatio2000vs10: {
    value: m(ours, 'readsMany') / Math.max(m(ours, 'readsFew'), 0.001),
    baseline: m(ours, 'readsFew'),
    ratio: m(ours, 'readsMany') / Math.max(m(ours, 'readsFew'), 0.001),
    unit: '×',
    baselineIs: `storage reads/s with ${FEW} streams (with ${MANY}: ${m(ours, 'readsMany').toFixed(1)})`,
    target: '≈ 1 (independent of streams)',
  },
  sseRssPerStreamKb: {
    value: m(ours, 'perStreamKb'),
    baseline: m(bare, 'perStreamKb'),
    unit: 'KB',
    baselineIs: `bare node:http SSE stream, KB each at ${MANY} streams`,
    target: '≤ 20',
  },
  sseRssAfterCloseVsBefore: {
    value: m(ours, 'afterVsBefore'),
    baseline: m(bare, 'afterVsBefore'),
    unit: '×',
    baselineIs: 'bare node:http: RSS after all streams closed ÷ before',
    target: '≤ 1.1',
  },
});
