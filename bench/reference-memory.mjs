// Benchmark: the demo's memory under hostile reference images. Starts the demo as a process,
// sends 20 reference uploads at once (each from a fresh session, as an attacker dropping cookies
// would), and prints the process's RSS before, at its peak and after it settles.
// Two rounds, each on a fresh demo: 7999×7999 JPEG bombs (refused by the pixel budget from their
// header) and 7000×7000 JPEGs inside the budget (decoded, two at a time); then a second batch on
// the same process, to show the memory is reused rather than grown. (Per-client limits allow 20
// starts a minute from one address, so a second batch of 20 is mostly refused before its body.)
// Figures only; never part of the test run.
//
//   pnpm --filter @sora-kit/server build
//   node bench/reference-memory.mjs [uploads=20]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverRequire = createRequire(new URL('../packages/server/package.json', import.meta.url));
const { default: sharp } = await import(pathToFileURL(serverRequire.resolve('sharp')).href);
const uploads = Number(process.argv[2] ?? 20);
const serverScript = fileURLToPath(new URL('../examples/node-server/server.mjs', import.meta.url));

async function startDemo(dataDir) {
  const child = spawn(process.execPath, [serverScript], {
    env: { ...process.env, PORT: '0', SORA_KIT_DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /(http:\/\/[^\s]+)\//.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`demo exited ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

async function rssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function jpeg(side) {
  const image = sharp({ create: { width: side, height: side, channels: 3, background: '#808080' } });
  return image.jpeg({ quality: 50 }).toBuffer();
}

async function round(name, image) {
  const dataDir = await mkdtemp(join(tmpdir(), 'sora-bench-mem-'));
  const demo = await startDemo(dataDir);
  try {
    await fetch(`${demo.url}/api/sora/capabilities`); // warm the handler up
    const before = await rssMb(demo.child.pid);
    let peak = before;
    const sampler = setInterval(async () => {
      peak = Math.max(peak, await rssMb(demo.child.pid).catch(() => 0));
    }, 50);
    const batch = () =>
      Promise.all(
        Array.from({ length: uploads }, async () => {
          const form = new FormData();
          form.append('prompt', 'from a picture');
          form.append('input_reference', new Blob([image], { type: 'image/jpeg' }), 'ref.jpg');
          const res = await fetch(`${demo.url}/api/sora/videos`, { method: 'POST', body: form });
          await res.arrayBuffer();
          return res.status;
        }),
      );
    const started = performance.now();
    const statuses = await batch();
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const after = await rssMb(demo.child.pid);
    // A second batch on the same process: memory that came back is reused, not grown again.
    await batch();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    clearInterval(sampler);
    const afterSecond = await rssMb(demo.child.pid);
    const tally = new Map();
    for (const status of statuses) tally.set(status, (tally.get(status) ?? 0) + 1);
    const counts = [...tally].map(([status, n]) => `${n}×${status}`);
    console.log(
      `${name}: ${uploads} uploads in ${seconds.toFixed(1)} s → ${counts.join(', ')}; ` +
        `RSS before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, 5 s after ${after.toFixed(0)} MB ` +
        `(after/before ${(after / before).toFixed(2)}); after a second batch ${afterSecond.toFixed(0)} MB`,
    );
  } finally {
    demo.child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

await round('7999×7999 JPEG bombs', await jpeg(7999));
await round('7000×7000 JPEGs (49 M pixels, decoded)', await jpeg(7000));
