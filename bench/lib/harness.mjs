// Shared by every benchmark: loading the server build, interleaved rounds and medians, HTTP load
// with autocannon in its own process, and recording figures into bench/results.json.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `--quick` (or BENCH_QUICK=1): brief runs that prove each benchmark still works, not figures. */
export const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

/** Rounds per measurement: medians of at least 3, one in quick mode. */
export const rounds = quick ? 1 : Number(process.env.BENCH_ROUNDS ?? 3);

export const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// Resolved from the server package, which depends on them (the workspace root does not).
const serverRequire = createRequire(here('../../packages/server/package.json'));

/** Imports a dependency of @sora-kit/server. */
export const serverDep = async (name) => import(pathToFileURL(serverRequire.resolve(name)).href);

/** The server build under test; SORA_SERVER_DIST may point at another build (a "before" copy). */
export const serverDist =
  process.env.SORA_SERVER_DIST ?? pathToFileURL(here('../../packages/server/dist/index.js')).href;

export const loadServer = () => import(serverDist);
export const loadTesting = () => import(serverDist.replace(/index\.js$/, 'testing.js'));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs every variant once per round, rotating the order each round so none always goes first
 * (or last) on a noisy machine; returns each variant's median.
 */
export async function interleaved(variants, count = rounds) {
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < count; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      samples[name].push(await variants[name]());
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

/** Serves a Fetch handler on a random port. */
export async function listen(fetch) {
  const { serve } = await serverDep('@hono/node-server');
  const server = await new Promise((resolve) => {
    const s = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    server,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A bare node:http server answering every request with `body` (the status-read baseline). */
export async function rawNodeServer(body) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A bare Hono app on @hono/node-server answering GET with `body` as JSON (the framework's floor). */
export async function bareHonoServer(body) {
  const { Hono } = await serverDep('hono');
  const app = new Hono();
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
  return listen(app.fetch);
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/**
 * Requests per second from autocannon in its own process (so the load generator does not share
 * the server's event loop). Fails loudly on any non-2xx answer: a fast error is not a figure.
 */
export async function requestsPerSecond(url, { headers = {}, connections = 50, seconds } = {}) {
  const duration = seconds ?? (quick ? 1 : 5);
  const args = [autocannonBin, '-c', String(connections), '-d', String(duration), '--json'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  const stdout = await new Promise((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 16 << 20 }, (error, out) =>
      error ? reject(error) : resolve(out),
    ),
  );
  const result = JSON.parse(stdout);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors under load`);
  }
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

const resultsFile = process.env.BENCH_RESULTS ?? here('../results.json');

/**
 * Prints figures and merges them into bench/results.json. Each figure is
 * `{ value, baseline, ratio, unit, baselineIs }`: `value` is the figure named, `baseline` what it
 * is compared against in the same run (`baselineIs` says what), `ratio` value ÷ baseline.
 */
export function record(figures) {
  let results = {};
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    // first run
  }
  for (const [name, figure] of Object.entries(figures)) {
    const ratio = figure.ratio ?? (figure.baseline ? figure.value / figure.baseline : null);
    results[name] = {
      value: round(figure.value),
      baseline: round(figure.baseline),
      ratio: ratio === null ? null : round(ratio),
      unit: figure.unit,
      baselineIs: figure.baselineIs,
      ...(figure.target ? { target: figure.target } : {}),
      ...(quick ? { quick: true } : {}),
    };
    const r = results[name];
    console.log(
      `${name.padEnd(38)} ${String(r.value).padStart(10)} ${r.unit.padEnd(6)} baseline ${r.baseline} (${r.baselineIs}), ratio ${r.ratio}${figure.target ? `, target ${figure.target}` : ''}`,
    );
  }
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}

/** A figure that is itself a ratio: ours ÷ a baseline measured in the same run. */
export function ratioFigure(ours, baseline, baselineIs, target) {
  return { value: ours / baseline, ratio: ours / baseline, baseline, unit: '×', baselineIs, target };
}

function round(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return n ?? null;
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` is truthy, polling every `everyMs`; throws after `timeoutMs`. */
export async function until(check, { everyMs = 20, timeoutMs = 60_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
