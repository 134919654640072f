// `pnpm bench [--quick] [--report] [name…]`: runs every benchmark (or the named ones) one after another, each
// in its own process, then writes BENCHMARKS.md from bench/results.json. `--quick` runs each
// briefly to prove it still works (CI); its figures go to a temp file and mean nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { here, quick } from './lib/harness.mjs';

const BENCHMARKS = [
  'elements-size',
  'cold-start',
  'status-read',
  'history',
  'event-streams',
  'completion-latency',
  'upstream-retrieves',
  'media-range',
  'media-copy-memory',
  'admission',
  'scale',
];
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = only.filter((name) => !BENCHMARKS.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const resultsFile = quick ? join(tmpdir(), `sora-bench-quick-${process.pid}.json`) : here('../results.json');
const env = { ...process.env, BENCH_RESULTS: process.env.BENCH_RESULTS ?? resultsFile };
const failed = [];
// `--report`: only rewrite BENCHMARKS.md from the results already recorded.
const toRun = process.argv.includes('--report') ? [] : only.length ? only : BENCHMARKS;
for (const name of toRun) {
  console.log(`\n== ${name}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [here(`../${name}.mjs`), ...(quick ? ['--quick'] : [])], {
    stdio: 'inherit',
    env,
  });
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (run.status !== 0) failed.push(name);
}
if (!quick && !process.env.BENCH_RESULTS) writeReport();
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}

function writeReport() {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const beforeFile = here('../results-before.json');
  const before = existsSync(beforeFile) ? JSON.parse(readFileSync(beforeFile, 'utf8')) : {};
  const cpu = cpus();
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a checkout
  }
  const cell = (figure) => (figure ? `${figure.value} ${figure.unit}` : '–');
  const rows = Object.entries(results).map(
    ([name, f]) =>
      `| \`${name}\` | ${cell(before[name])} | **${f.value} ${f.unit}** | ${f.target ?? ''} | ${f.baseline} (${f.baselineIs}) | ${f.ratio ?? ''} |`,
  );
  const md = `# Benchmarks

Every figure is measured together with its baseline in the same run, rounds interleaved, medians
of at least 3 rounds (\`bench/lib/harness.mjs\`). Absolute numbers move with the machine's load;
the ratios are what to compare. "Before" is the same suite run against the build of the code
before the performance work (\`bench/results-before.json\`).

| figure | before | now | target | baseline (what it is) | ratio |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Linux ${release()},
Node ${process.version}; load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(
      ' / ',
    )} (the machine was shared with other builds). Commit ${commit || 'n/a'}, ${new Date().toISOString().slice(0, 10)}.

## Rerun

\`\`\`sh
pnpm build
pnpm bench                  # every benchmark: bench/results.json and this file
pnpm bench status-read      # one (each is also \`node bench/<name>.mjs\`)
pnpm bench --quick          # each briefly, to prove it runs (CI); writes nothing here
SORA_SERVER_DIST=/path/to/other/dist/index.js BENCH_RESULTS=/tmp/other.json pnpm bench   # another build
\`\`\`

Redis at 127.0.0.1:6379 adds the admission figure when reachable. Profiles:
\`node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-reads.mjs\` (see that file).
`;
  // The findings (profiles, what changed, what is left) are written by hand in bench/notes.md.
  const notesFile = here('../notes.md');
  const notes = existsSync(notesFile) ? `\n${readFileSync(notesFile, 'utf8')}` : '';
  writeFileSync(here('../../BENCHMARKS.md'), md + notes);
  console.log('\nwrote bench/results.json and BENCHMARKS.md');
}
