// History first page `GET /videos` (20 of 100 completed jobs) on the default file storage against
// the same on memory storage, under autocannon -c 50. Rounds interleaved, medians.
//   pnpm --filter @sora-kit/server build && node bench/history.mjs [--quick]

import { seededHandler } from './lib/handler.mjs';
import { interleaved, quick, ratioFigure, record, requestsPerSecond } from './lib/harness.mjs';

const jobs = quick ? 25 : 100;
const memory = await seededHandler({ storage: 'memory', jobs });
const fs = await seededHandler({ storage: 'fs', jobs });
try {
  const medians = await interleaved({
    memory: async () =>
      (await requestsPerSecond(`${memory.url}/videos`, { headers: { cookie: memory.cookie } })).rps,
    fs: async () => (await requestsPerSecond(`${fs.url}/videos`, { headers: { cookie: fs.cookie } })).rps,
  });
  console.log(
    `first page of ${jobs} jobs, req/s (median): memory ${medians.memory.toFixed(0)}, fs ${medians.fs.toFixed(0)}`,
  );
  record({
    historyFsVsMemory: ratioFigure(
      medians.fs,
      medians.memory,
      `memory storage req/s (ours on files: ${medians.fs.toFixed(0)} req/s)`,
      '≥ 0.5',
    ),
  });
} finally {
  await Promise.all([memory.close(), fs.close()]);
}
