// Range streaming of a large video through the media route (fsBlobs) against a bare node:http +
// createReadStream of the same bytes: throughput of one download (MB/s), and the server's peak
// RSS growth while 20 clients download it at once. Servers in child processes; rounds interleaved.
//   pnpm --filter @sora-kit/server build && node bench/media-range.mjs [--quick]
import { fork } from 'node:child_process';
import { get } from 'node:http';
import { here, interleaved, median, quick, ratioFigure, record, rounds } from './lib/harness.mjs';

const MEGABYTES = quick ? 20 : 200;
const CONCURRENT = 20;
const START = 2 ** 20; // a Range from 1 MB on, as a seeking player asks

function startServer(mode) {
  const child = fork(here('./media-server.mjs'), [mode, String(MEGABYTES)], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (message) =>
    new Promise((resolve) => {
      child.once('message', resolve);
      if (message) child.send(message);
    });
  const stop = () => {
    child.send('exit');
    return new Promise((resolve) => child.once('exit', resolve));
  };
  return { ready: ask(), ask, stop };
}

/** Downloads `url` from START to the end, discarding the bytes; resolves with the byte count. */
function download(url) {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, headers: { range: `bytes=${START}-` } }, (res) => {
      if (res.statusCode !== 206) reject(new Error(`${url} answered ${res.statusCode}`));
      let bytes = 0;
      res.on('data', (chunk) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const servers = { ours: startServer('ours'), bare: startServer('bare') };
const urls = { ours: (await servers.ours.ready).url, bare: (await servers.bare.ready).url };
const expected = MEGABYTES * 2 ** 20 - START;
const throughput = (mode) => async () => {
  const started = performance.now();
  const bytes = await download(urls[mode]);
  if (bytes !== expected) throw new Error(`${mode}: ${bytes} bytes, expected ${expected}`);
  return bytes / 2 ** 20 / ((performance.now() - started) / 1000);
};
const growth = { ours: [], bare: [] };
const concurrent = (mode) => async () => {
  const { rss } = await servers[mode].ask('baseline');
  await Promise.all(Array.from({ length: CONCURRENT }, () => download(urls[mode])));
  const { peak } = await servers[mode].ask('peak');
  growth[mode].push((peak - rss) / 2 ** 20);
  return 0;
};
try {
  // One download takes a fraction of a second here, so one is warm-up (page cache, JIT) and the
  // median is of many: three were at the mercy of a single slow round.
  await Promise.all([throughput('ours')(), throughput('bare')()]);
  const speed = await interleaved(
    { ours: throughput('ours'), bare: throughput('bare') },
    quick ? 1 : Math.max(rounds, 9),
  );
  await interleaved({ ours: concurrent('ours'), bare: concurrent('bare') });
  const grown = { ours: median(growth.ours), bare: median(growth.bare) };
  console.log(
    `one ${MEGABYTES} MB range download: ours ${speed.ours.toFixed(0)} MB/s, bare ${speed.bare.toFixed(0)} MB/s; ` +
      `${CONCURRENT} at once: server RSS +${grown.ours.toFixed(1)} MB (bare +${grown.bare.toFixed(1)} MB)`,
  );
  record({
    rangeThroughputVsRawFs: ratioFigure(
      speed.ours,
      speed.bare,
      `bare createReadStream MB/s (ours ${speed.ours.toFixed(0)} MB/s)`,
      '≥ 0.9',
    ),
    mediaRssGrowthMb: {
      value: grown.ours,
      baseline: grown.bare,
      unit: 'MB',
      baselineIs: `bare createReadStream server, ${CONCURRENT} concurrent ${MEGABYTES} MB downloads`,
      target: '≤ 50',
    },
  });
} finally {
  await Promise.all([servers.ours.stop(), servers.bare.stop()]);
}
