// Copying a large finished video from the provider into fsBlobs (copyAssets: probe, stream to a
// temp file, rename) against a bare pipeline of the same stream into a file: RSS growth of each,
// sampled after a GC every 64 chunks, each in a fresh child process. Rounds interleaved, medians.
//   pnpm --filter @sora-kit/server build && node bench/media-copy-memory.mjs [--quick] [megabytes=500]
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { interleaved, loadServer, quick, record } from './lib/harness.mjs';
import { largeVideoSource } from './lib/large-video.mjs';

const megabytes = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? (quick ? 50 : 500));
const child = process.argv.indexOf('--child');

if (child >= 0) {
  const mode = process.argv[child + 1];
  const source = await largeVideoSource(megabytes * 2 ** 20);
  // Loaded before the baseline: module code is not what the copy holds on to.
  const { copyAssets, fsBlobs } = await loadServer();
  const gc = globalThis.gc ?? (() => {});
  gc();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const dir = await mkdtemp(join(tmpdir(), 'sora-bench-copy-'));
  const started = performance.now();
  try {
    if (mode === 'ours') {
      await copyAssets({
        provider: source.provider(sample),
        blobs: fsBlobs(dir),
        providerVideoId: 'bench',
        jobId: 'job_bench',
        variants: ['video'],
      });
    } else {
      await pipeline(Readable.fromWeb(source.stream(sample)), createWriteStream(join(dir, 'video.mp4')));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ growthMb: (peak - base) / 2 ** 20, mbPerSecond: megabytes / seconds }));
} else {
  const self = fileURLToPath(import.meta.url);
  const speeds = {};
  const run = (mode) => async () => {
    const out = await new Promise((resolve, reject) =>
      execFile(
        process.execPath,
        ['--expose-gc', self, '--child', mode, String(megabytes)],
        { env: process.env },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    );
    const result = JSON.parse(out.trim().split('\n').at(-1));
    speeds[mode] = result.mbPerSecond;
    return result.growthMb;
  };
  const growth = await interleaved({ ours: run('ours'), bare: run('bare') });
  console.log(
    `copy ${megabytes} MB: ours RSS +${growth.ours.toFixed(1)} MB (${speeds.ours.toFixed(0)} MB/s), bare pipeline +${growth.bare.toFixed(1)} MB (${speeds.bare.toFixed(0)} MB/s)`,
  );
  record({
    copyRssGrowthMb: {
      value: growth.ours,
      baseline: growth.bare,
      unit: 'MB',
      baselineIs: `bare stream pipeline into a file, ${megabytes} MB`,
      target: '≤ 64',
    },
  });
}
