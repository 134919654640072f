// Child process of bench/media-range.mjs: serves one large video through sora-kit's media route
// over fsBlobs (`ours`) or with a bare createReadStream (`bare`), and reports its peak RSS.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { listen, loadServer } from './harness.mjs';
import { largeVideoSource } from './large-video.mjs';

const [mode, megabytes] = process.argv.slice(2);
const total = Number(megabytes) * 2 ** 20;
const source = await largeVideoSource(total);
const dir = await mkdtemp(join(tmpdir(), 'sora-bench-range-'));
let url;
let close;
if (mode === 'ours') {
  const { copyAssets, createMediaRoutes, createMediaSigner, fsBlobs, mediaUrlFor } = await loadServer();
  const blobs = fsBlobs(dir);
  const asset = await copyAssets({
    provider: source.provider(),
    blobs,
    providerVideoId: 'bench',
    jobId: 'job_bench',
    variants: ['video'],
  });
  const now = () => new Date();
  const signer = createMediaSigner({ secret: 'bench-media-signing-secret', now });
  const app = createMediaRoutes({
    blobs,
    signer,
    now,
    findJob: async () => ({ status: 'completed', asset, prompt: 'bench' }),
  });
  const served = await listen(app.fetch);
  url = (
    await mediaUrlFor({
      baseUrl: served.url,
      jobId: 'job_bench',
      variant: 'video',
      signer,
      now,
      ttlSeconds: 3600,
    })
  ).url;
  close = served.close;
} else {
  const file = join(dir, 'video.mp4');
  await pipeline(Readable.fromWeb(source.stream()), createWriteStream(file));
  const size = (await stat(file)).size;
  const server = createServer((req, res) => {
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = match ? Number(match[1]) : 0;
    res.writeHead(match ? 206 : 200, {
      'content-type': 'video/mp4',
      'content-length': size - start,
      ...(match ? { 'content-range': `bytes ${start}-${size - 1}/${size}` } : {}),
    });
    createReadStream(file, { start }).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}/video.mp4`;
  close = () => new Promise((resolve) => server.close(resolve));
}

let peak = 0;
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20).unref();
process.on('message', async (message) => {
  if (message === 'baseline') {
    for (let i = 0; i < 3; i++) globalThis.gc?.();
    const rss = process.memoryUsage().rss;
    peak = rss;
    process.send({ rss });
  } else if (message === 'peak') {
    process.send({ peak: Math.max(peak, process.memoryUsage().rss) });
  } else if (message === 'exit') {
    await close();
    await rm(dir, { recursive: true, force: true });
    process.exit(0);
  }
});
process.send({ url });
