// Status read `GET /videos/:id` of a completed job (session check, ownership, storage read,
// serialisation) under autocannon -c 50, on memory storage and on the default file storage,
// against a bare node:http server answering the same JSON. Rounds interleaved, medians.
//   pnpm --filter @sora-kit/server build && node bench/status-read.mjs [--quick]

import { seededHandler } from './lib/handler.mjs';
import {
  bareHonoServer,
  interleaved,
  ratioFigure,
  rawNodeServer,
  record,
  requestsPerSecond,
} from './lib/harness.mjs';

const memory = await seededHandler({ storage: 'memory' });
const fs = await seededHandler({ storage: 'fs' });
const body = await (await memory.call(`/videos/${memory.jobIds[0]}`)).text();
const raw = await rawNodeServer(body);
// The framework's own floor: the same answer from a bare Hono route on @hono/node-server.
const hono = await bareHonoServer(body);
const p99 = {};
const load = (name, url, cookie) => async () => {
  const { rps, p99: latency } = await requestsPerSecond(url, { headers: cookie ? { cookie } : {} });
  p99[name] = latency;
  return rps;
};
try {
  const medians = await interleaved({
    raw: load('raw', raw.url),
    hono: load('hono', hono.url),
    memory: load('memory', `${memory.url}/videos/${memory.jobIds[0]}`, memory.cookie),
    fs: load('fs', `${fs.url}/videos/${fs.jobIds[0]}`, fs.cookie),
  });
  console.log(
    `req/s (median): bare node:http ${medians.raw.toFixed(0)}, bare Hono ${medians.hono.toFixed(0)}, memory ${medians.memory.toFixed(0)}, fs ${medians.fs.toFixed(0)}; last p99 ms: ${JSON.stringify(p99)}`,
  );
  record({
    statusReadVsRawNode: ratioFigure(
      medians.memory,
      medians.raw,
      `bare node:http req/s (ours on memory: ${medians.memory.toFixed(0)} req/s)`,
      '≥ 0.6',
    ),
    statusReadFsVsRawNode: ratioFigure(
      medians.fs,
      medians.raw,
      `bare node:http req/s (ours on files: ${medians.fs.toFixed(0)} req/s)`,
      '≥ 0.4',
    ),
    statusReadVsBareHono: ratioFigure(
      medians.memory,
      medians.hono,
      `bare Hono route on @hono/node-server req/s (ours on memory: ${medians.memory.toFixed(0)} req/s)`,
    ),
    bareHonoVsRawNode: ratioFigure(
      medians.hono,
      medians.raw,
      `bare node:http req/s (bare Hono: ${medians.hono.toFixed(0)} req/s)`,
    ),
  });
} finally {
  await Promise.all([memory.close(), fs.close(), raw.close(), hono.close()]);
}
