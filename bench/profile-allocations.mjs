// Where a hot path allocates: samples every allocation (short-lived ones included) while
// autocannon loads the status read (or the history page, or opens event streams), then prints
// the bytes allocated per request and the functions that allocated most. Allocation, not CPU:
// what a request leaves for the young generation to collect is what grows it under load.
//   node bench/profile-allocations.mjs [status|history|events]
//   (PROF_STORAGE=fs profiles the default file storage)

import { request } from 'node:http';
import { Session } from 'node:inspector/promises';
import { seededHandler } from './lib/handler.mjs';
import { requestsPerSecond } from './lib/harness.mjs';

const which = process.argv[2] ?? 'status';
const server = await seededHandler({
  storage: process.env.PROF_STORAGE ?? 'memory',
  jobs: which === 'history' ? 100 : 1,
});
const session = new Session();
session.connect();

/** Opens `count` event streams, one user each; resolves with their closers. */
async function openStreams(count) {
  const closers = [];
  for (let i = 0; i < count; i++) {
    closers.push(
      await new Promise((resolve, reject) => {
        const req = request(
          `${server.url}/events`,
          { agent: false, headers: { cookie: server.cookie } },
          (res) => {
            res.on('data', () => {});
            resolve(() => req.destroy());
          },
        );
        req.on('error', reject);
        req.end();
      }),
    );
  }
  return closers;
}

await session.post('HeapProfiler.startSampling', {
  samplingInterval: 512,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
let requests;
if (which === 'events') {
  // One at a time, each closed before the next opens: one user may hold only a few streams.
  requests = 300;
  for (let i = 0; i < requests; i++) for (const close of await openStreams(1)) close();
} else {
  const path = which === 'history' ? '/videos' : `/videos/${server.jobIds[0]}`;
  const { rps, total } = await requestsPerSecond(`${server.url}${path}`, {
    headers: { cookie: server.cookie },
    seconds: 4,
  });
  requests = total ?? rps * 4;
}
const { profile } = await session.post('HeapProfiler.stopSampling');

const byFunction = new Map();
let all = 0;
(function walk(node, stack) {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/packages\//, '')}:${lineNumber + 1}`;
  const self = node.selfSize;
  all += self;
  if (self) byFunction.set(name, (byFunction.get(name) ?? 0) + self);
  if (self && process.env.PROF_STACK && name.includes(process.env.PROF_STACK)) {
    console.log(`${self} B from`, [name, ...stack].slice(0, 12).join(' < '));
  }
  for (const child of node.children) walk(child, [name, ...stack]);
})(profile.head, []);
console.log(`${which}: ${requests} requests, ${(all / requests / 1024).toFixed(1)} KB allocated per request`);
for (const [name, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${(bytes / requests).toFixed(0).padStart(8)} B  ${name}`);
}
session.disconnect();
await server.close();
