// Cold start: from spawning `node` to the first 200 on /health, the sora-kit handler (defaults:
// file storage, fake provider, poller on) against a bare Hono app on @hono/node-server.
// Rounds interleaved, medians.
//   pnpm --filter @sora-kit/server build && node bench/cold-start.mjs [--quick]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { here, interleaved, quick, ratioFigure, record, rounds } from './lib/harness.mjs';

async function coldStart(mode) {
  const dataDir = await mkdtemp(join(tmpdir(), 'sora-bench-cold-'));
  const started = performance.now();
  const child = spawn(process.execPath, [here('./cold-start-app.mjs'), mode, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.once('data', (chunk) => resolve(chunk.toString().trim()));
      child.once('exit', (code) => reject(new Error(`${mode} exited with ${code}`)));
    });
    const response = await fetch(`${url}/health`);
    if (response.status !== 200) throw new Error(`${mode}: /health answered ${response.status}`);
    await response.arrayBuffer();
    return performance.now() - started;
  } finally {
    child.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const ms = await interleaved(
  { ours: () => coldStart('ours'), hono: () => coldStart('hono') },
  quick ? 1 : Math.max(rounds, 5),
);
console.log(
  `spawn → first 200 on /health: sora-kit ${ms.ours.toFixed(0)} ms, bare Hono ${ms.hono.toFixed(0)} ms`,
);
record({
  coldStartVsHono: ratioFigure(
    ms.ours,
    ms.hono,
    `bare Hono app, ms to the first 200 (ours ${ms.ours.toFixed(0)} ms)`,
    '≤ 1.5',
  ),
});
