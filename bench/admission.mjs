// Benchmark: admission control (rate limit, active-job caps, quotas) over unstorage drivers.
// Prints admit+settle throughput per driver, and how far N instances sharing one storage overshoot
// a cap when they all admit for the same identity at the same instant (the documented race bound).
// Figures only; never part of the test run.
//
//   pnpm --filter @sora-kit/server build
//   node bench/admission.mjs [--quick] [operations=2000] [instances=4]
//
// Redis at 127.0.0.1:6379 is used when reachable (ioredis, a server devDependency).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { quick, ratioFigure, record } from './lib/harness.mjs';

const serverRequire = createRequire(new URL('../packages/server/package.json', import.meta.url));
const load = async (name) => import(pathToFileURL(serverRequire.resolve(name)).href);
const { createStorage } = await load('unstorage');
const { default: redisDriver } = await load('unstorage/drivers/redis');
const dist =
  process.env.SORA_SERVER_DIST ?? new URL('../packages/server/dist/index.js', import.meta.url).href;
const { createAdmissionControl } = await import(dist);

const [opsArg, instancesArg] = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
const operations = Number(opsArg ?? (quick ? 200 : 2000));
const instances = Number(instancesArg ?? 4);
const clip = (identity) => ({ identity, model: 'sora-2', size: '1280x720', seconds: 4 });

async function redisStorage() {
  const storage = createStorage({
    driver: redisDriver({
      base: `sora-kit-bench:${crypto.randomUUID()}`,
      url: 'redis://127.0.0.1:6379',
      lazyConnect: false,
    }),
  });
  try {
    await storage.setItem('ping', 1);
    return storage;
  } catch {
    await storage.dispose();
    return undefined;
  }
}

/** Admit and settle `operations` jobs over many identities; returns operations per second. */
async function throughput(storage) {
  const admission = createAdmissionControl({ storage });
  const started = performance.now();
  for (let i = 0; i < operations; i++) {
    const verdict = await admission.admit(clip(`user-${i % 200}`));
    if (verdict.ok) await admission.settle(verdict.reservation, i % 2 ? 'completed' : 'failed');
  }
  return (operations / (performance.now() - started)) * 1000;
}

/** N instances admit at once for one identity with a cap of 3: how many get through. */
async function overshoot(storage, n) {
  // One prefix per race, shared by the N instances (as N servers over one storage would).
  const prefix = `race-${crypto.randomUUID()}:`;
  const controls = Array.from({ length: n }, () =>
    createAdmissionControl({ storage, prefix, activeJobs: 3, globalActiveJobs: false, quotas: false }),
  );
  // Each instance tries twice at once: in-process serialization makes each one exact on its own.
  const verdicts = await Promise.all(
    controls.flatMap((c) => [c.admit(clip('racer')), c.admit(clip('racer'))]),
  );
  return verdicts.filter((v) => v.ok).length;
}

const drivers = [['memory', createStorage()]];
const redis = await redisStorage();
if (redis) drivers.push(['redis', redis]);
else console.log('redis: not reachable on 127.0.0.1:6379, skipped');

console.log(`admission bench: ${operations} admit+settle per driver, ${instances} racing instances, cap 3`);
const opsPerSecond = {};
for (const [name, storage] of drivers) {
  const ops = await throughput(storage);
  opsPerSecond[name] = ops;
  const runs = [];
  for (let i = 0; i < 20; i++) runs.push(await overshoot(storage, instances));
  const worst = Math.max(...runs);
  const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
  console.log(
    `${name.padEnd(7)} ${ops.toFixed(0).padStart(7)} admit+settle/s   admitted under a cap of 3: mean ${mean.toFixed(1)}, worst ${worst} (bound 3 + ${instances - 1})`,
  );
  await storage.clear();
  await storage.dispose();
}
if (opsPerSecond.redis) {
  record({
    admissionRedisVsMemory: ratioFigure(
      opsPerSecond.redis,
      opsPerSecond.memory,
      `admit+settle/s on memory storage (Redis: ${opsPerSecond.redis.toFixed(0)}/s)`,
    ),
  });
}
